using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Rules;
using MediaModels.Json;
using MediaModels.Validation;

namespace MediaModels.Client;

/// <summary>The service could not be reached or kept failing after the retries allowed.</summary>
public class MediaServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The last failure.</param>
    public MediaServiceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
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
public sealed class GenerationFailedException : Exception
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

    /// <summary>The last status response (with <c>error</c>/<c>message</c> and unknown fields).</summary>
    public GenerationStatusResponse Response { get; }

    /// <summary>The warnings the request had (local and from the service).</summary>
    public IReadOnlyList<Violation> Warnings { get; }
}

/// <summary>A generation did not finish within <see cref="MediaClientOptions.GenerationTimeout"/>; it may still be running.</summary>
public sealed class GenerationTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public GenerationTimeoutException(string generationId, TimeSpan elapsed, GenerationStatusResponse? last)
        : base($"Generation {generationId} did not finish within {elapsed.TotalSeconds:0.#} s (last status: {last?.Status?.Value ?? "none"}). It may still be running: poll it with GetStatusAsync.")
    {
        GenerationId = generationId;
        LastStatus = last;
    }

    /// <summary>The generation's id, to poll it later.</summary>
    public string GenerationId { get; }

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
