using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Rules;
using MediaModels.Client.Transport;
using MediaModels.Json;
using MediaModels.Validation;

namespace MediaModels.Client;

/// <summary>
/// A call to the service failed: the base of the service's refusals (<see cref="MediaToolException"/>), bad
/// credentials (<see cref="MediaUnauthorizedException"/>), an unreachable service
/// (<see cref="MediaServiceUnreachableException"/>), an answer the client cannot read
/// (<see cref="MalformedToolResultException"/>) and a <c>generate_media</c> whose outcome is unknown
/// (<see cref="GenerationOutcomeUnknownException"/>). Thrown as itself for any other failure of a call (a JSON-RPC
/// error, an HTTP status the retry rules do not cover).
/// </summary>
public class MediaServiceException : MediaModelsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure.</param>
    public MediaServiceException(string message, Exception? innerException = null)
        : this(message, Faults.HttpStatusOf(innerException), innerException)
    {
    }

    /// <summary>Creates the exception with the HTTP status of the answer that failed the call.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="httpStatus">The HTTP status, or null when no HTTP answer was involved.</param>
    /// <param name="innerException">The last failure.</param>
    public MediaServiceException(string message, int? httpStatus, Exception? innerException)
        : base(message, innerException)
    {
        HttpStatus = httpStatus;
    }

    /// <summary>The HTTP status of the answer that failed the call (401, 404, 503…), or null when there was none (stdio, a dropped connection, a JSON-RPC error).</summary>
    public int? HttpStatus { get; }
}

/// <summary>
/// The service could not be reached, or kept failing in ways worth retrying (dropped or refused connections, HTTP
/// 408/429/5xx, timeouts) until the retries allowed by <see cref="MediaClientOptions.MaxRetryAttempts"/> ran out.
/// When the call was <c>generate_media</c>, it was proven not accepted: nothing started.
/// </summary>
public sealed class MediaServiceUnreachableException : MediaServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="endpoint">The service, as the client names it (URL without query, or the stdio command).</param>
    /// <param name="tool">The tool being called, or null while connecting.</param>
    /// <param name="innerException">The last failure.</param>
    public MediaServiceUnreachableException(string message, string endpoint, string? tool, Exception? innerException)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Tool = tool;
    }

    /// <summary>The service, as the client names it (URL without query, or the stdio command).</summary>
    public string Endpoint { get; }

    /// <summary>The tool being called, or null when connecting failed.</summary>
    public string? Tool { get; }
}

/// <summary>
/// The service refused the credentials: HTTP 401 (no token, or a wrong or expired one) or 403 (the token is not allowed
/// to do this). Not retried; for <c>generate_media</c> it proves nothing started. Check
/// <see cref="MediaClientOptions.BearerToken"/> or <see cref="MediaClientOptions.BearerTokenProvider"/>.
/// </summary>
public sealed class MediaUnauthorizedException : MediaServiceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="endpoint">The service, as the client names it.</param>
    /// <param name="httpStatus">401 or 403.</param>
    /// <param name="serverMessage">What the server said, possibly empty.</param>
    /// <param name="innerException">The HTTP failure.</param>
    public MediaUnauthorizedException(string endpoint, int httpStatus, string serverMessage, Exception? innerException)
        : base(Describe(endpoint, httpStatus, serverMessage), httpStatus, innerException)
    {
        Endpoint = endpoint;
        ServerMessage = serverMessage;
    }

    /// <summary>The service, as the client names it.</summary>
    public string Endpoint { get; }

    /// <summary>What the server said with the refusal, possibly empty.</summary>
    public string ServerMessage { get; }

    private static string Describe(string endpoint, int status, string serverMessage) =>
        (status == 403
            ? $"The media service at {endpoint} answered HTTP 403 (forbidden): the credentials are valid but not allowed to do this."
            : $"The media service at {endpoint} answered HTTP 401 (unauthorized): the bearer token is missing, wrong or expired.")
        + (serverMessage.Length == 0 ? string.Empty : " The server said: " + serverMessage);
}

/// <summary>
/// A tool answered with an error (<c>isError: true</c>), e.g. the service's rule check refused a request or a
/// generation id is unknown. <see cref="Violations"/> holds the structured diagnostics when the service sent them.
/// </summary>
public sealed class MediaToolException : MediaServiceException
{
    /// <summary>Creates the exception.</summary>
    public MediaToolException(string tool, string message, string? errorCode, IReadOnlyList<Violation> violations, JsonElement? structuredContent)
        : base($"{tool} failed: {message}")
    {
        Tool = tool;
        ServerMessage = message;
        ErrorCode = errorCode;
        Violations = violations;
        StructuredContent = structuredContent;
    }

    /// <summary>The tool that answered.</summary>
    public string Tool { get; }

    /// <summary>The text the server sent.</summary>
    public string ServerMessage { get; }

    /// <summary>The structured <c>error</c> code, when sent (the sandbox sends <c>invalid_request</c>, <c>not_found</c>…).</summary>
    public string? ErrorCode { get; }

    /// <summary>The structured diagnostics (MM ids, paths, messages), when sent.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The structured content as received.</summary>
    public JsonElement? StructuredContent { get; }
}

/// <summary>A tool result was neither structured content nor text holding JSON of the expected shape; the message quotes what came back.</summary>
public sealed class MalformedToolResultException : MediaServiceException
{
    /// <summary>Creates the exception.</summary>
    public MalformedToolResultException(string tool, string problem, string received, Exception? innerException = null)
        : base($"{tool} returned a result the client cannot read: {problem} Received: {received}", innerException)
    {
        Tool = tool;
        Received = received;
    }

    /// <summary>The tool that answered.</summary>
    public string Tool { get; }

    /// <summary>What came back (shortened).</summary>
    public string Received { get; }
}

/// <summary>
/// <c>generate_media</c> failed in a way that does not prove the service did not accept it (the connection dropped
/// after the request was sent, a 500, a timeout). It was <b>not</b> sent again, because a second call could start
/// (and bill) a second generation. Check the account before trying again.
/// </summary>
public sealed class GenerationOutcomeUnknownException : MediaServiceException
{
    /// <summary>Creates the exception.</summary>
    public GenerationOutcomeUnknownException(Exception innerException)
        : base("generate_media may or may not have been accepted: " + innerException.Message + " It was not sent again, so that no generation runs (and costs credits) twice.", innerException)
    {
    }
}

/// <summary>A generation ended with status <c>failed</c>; the server's details are in <see cref="Response"/>.</summary>
public sealed class GenerationFailedException : MediaModelsException
{
    /// <summary>Creates the exception.</summary>
    public GenerationFailedException(GenerationStatusResponse response, IReadOnlyList<Violation> warnings)
        : base($"Generation {response.GenerationId} failed: {response.GetErrorMessage() ?? "the service gave no reason."}")
    {
        Response = response;
        Warnings = warnings;
    }

    /// <summary>The generation's id.</summary>
    public string? GenerationId => Response.GenerationId;

    /// <summary>The final status, <c>failed</c>.</summary>
    public GenerationStatus Status => Response.Status ?? GenerationStatus.Failed;

    /// <summary>The last status response (with <c>error</c>/<c>message</c> and unknown fields).</summary>
    public GenerationStatusResponse Response { get; }

    /// <summary>The warnings the request had (local and from the service).</summary>
    public IReadOnlyList<Violation> Warnings { get; }
}

/// <summary>
/// Waiting for a generation took longer than <see cref="MediaClientOptions.GenerationTimeout"/>. It may still be
/// running: resume it with <see cref="IMediaClient.GetGeneration"/> and <see cref="GenerationId"/>. When
/// <see cref="GenerationId"/> is null, <c>generate_media</c> itself did not answer in time, so whether it started is
/// unknown (it was not sent again).
/// </summary>
public sealed class GenerationTimeoutException : MediaModelsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="generationId">The generation's id, or null when <c>generate_media</c> did not answer in time.</param>
    /// <param name="elapsed">How long the client waited.</param>
    /// <param name="last">The last status seen, or null.</param>
    public GenerationTimeoutException(string? generationId, TimeSpan elapsed, GenerationStatusResponse? last)
        : base(generationId is null
            ? $"generate_media did not answer within {elapsed.TotalSeconds:0.#} s. The generation may or may not have started; it was not sent again."
            : $"Generation {generationId} did not finish within {elapsed.TotalSeconds:0.#} s (last status: {last?.Status?.Value ?? "none"}). It may still be running: resume it with GetGeneration(\"{generationId}\").")
    {
        GenerationId = generationId;
        Elapsed = elapsed;
        LastStatus = last;
    }

    /// <summary>The generation's id, to resume it later; null when <c>generate_media</c> did not answer in time.</summary>
    public string? GenerationId { get; }

    /// <summary>How long the client waited.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The last status seen, or null.</summary>
    public GenerationStatusResponse? LastStatus { get; }
}

internal static class ViolationJson
{
    /// <summary>
    /// Reads an array of diagnostics in the one shape (<see cref="RequestDiagnostic"/>, through the runtime's JSON
    /// context) leniently: an item that does not fit it (no or an empty <c>id</c>, a value of the wrong type, an unknown severity)
    /// is skipped, and anything but an array reads as none.
    /// </summary>
    public static IReadOnlyList<Violation> Read(JsonElement? array)
    {
        if (array is not JsonElement items || items.ValueKind != JsonValueKind.Array)
        {
            return Array.Empty<Violation>();
        }

        var found = new List<Violation>();
        foreach (JsonElement item in items.EnumerateArray())
        {
            try
            {
                if (item.ValueKind == JsonValueKind.Object && item.Deserialize(MediaModelsJsonContext.Default.RequestDiagnostic) is { Id.Length: > 0 } diagnostic)
                {
                    found.Add(diagnostic.ToViolation());
                }
            }
            catch (JsonException)
            {
                // Not a diagnostic of the shape: skipped, the tool's message still says what went wrong.
            }
        }

        return found;
    }

    public static IReadOnlyList<Violation> Merge(IReadOnlyList<Violation> first, IReadOnlyList<Violation> second) =>
        second.Count == 0 ? first : first.Concat(second.Where(s => !first.Any(f => f.Id == s.Id && f.Path == s.Path))).ToArray();
}
