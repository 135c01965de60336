using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using MediaModels.Client.Diagnostics;
using MediaModels.Client.Transport;
using MediaModels.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using Polly;

namespace MediaModels.Client;

/// <summary>
/// Sends requests to the media tools over the Model Context Protocol (the official C# SDK's Streamable HTTP or stdio
/// transport) and polls for results. Thread-safe: one client serves many concurrent generations over one session.
/// Create it with <see cref="ConnectAsync"/>, with the constructor (it connects on first use), or register it with
/// <c>services.AddMediaModelsClient()</c> and take <see cref="IMediaClient"/>.
/// </summary>
/// <remarks>
/// <para>Every request is checked locally by the rule engine first: an error throws
/// <see cref="MediaRequestValidationException"/> and nothing is sent; warnings travel with the result.</para>
/// <para>Retries (Polly): <c>get_generation_status</c>, <c>get_generation_estimate</c> and <c>get_models</c> are
/// retried on transient failures (dropped or refused connections, HTTP 408/429/5xx, a call timeout, an ended session
/// or closed transport, after reconnecting). <c>generate_media</c> costs credits and is not idempotent: it is sent
/// again only when the failure proves the service did not accept it (the connection could not be opened, HTTP 429 or
/// 503, a 404 for an ended session, or the JSON-RPC error <see cref="ServiceContract.NotAcceptedErrorCode"/>). Any
/// other failure after sending throws <see cref="GenerationOutcomeUnknownException"/> and is never resent. HTTP 401
/// and 403 are never retried and throw <see cref="MediaUnauthorizedException"/>.</para>
/// <para>Every exception about a request or a generation derives from <see cref="MediaModelsException"/>.</para>
/// </remarks>
public sealed partial class MediaClient : IMediaClient, IAsyncDisposable, IDisposable
{
    private readonly MediaClientOptions _options;
    private readonly RequestValidator _validator;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly ClientInstruments _instruments;
    private readonly Func<HttpClient> _httpClients;
    private readonly ResiliencePipeline _safe;
    private readonly ResiliencePipeline _submit;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private McpClient? _connection;
    private int _disposed;

    /// <summary>
    /// Creates a client that connects on first use. Throws <see cref="ArgumentException"/> listing every problem when
    /// <paramref name="options"/> cannot be used (see <see cref="MediaClientOptionsValidator"/>).
    /// </summary>
    /// <param name="options">Endpoint or stdio command, token, timeouts, retries.</param>
    /// <param name="loggerFactory">Where the client's and the MCP SDK's logs go; null for <see cref="MediaClientOptions.LoggerFactory"/>.</param>
    public MediaClient(MediaClientOptions options, ILoggerFactory? loggerFactory = null)
        : this(options, loggerFactory, httpClients: null, meterFactory: null)
    {
    }

    /// <summary>The constructor behind dependency injection: HTTP clients from <c>IHttpClientFactory</c>, meters from the host.</summary>
    internal MediaClient(MediaClientOptions options, ILoggerFactory? loggerFactory, Func<HttpClient>? httpClients, IMeterFactory? meterFactory)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        IReadOnlyList<string> problems = new MediaClientOptionsValidator().Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The media client's options cannot be used: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _validator = options.Validator ?? RequestValidator.Default;
        _loggerFactory = loggerFactory ?? options.LoggerFactory;
        _logger = (ILogger?)_loggerFactory?.CreateLogger<MediaClient>() ?? NullLogger.Instance;
        _instruments = ClientInstruments.For(meterFactory);
        _httpClients = httpClients ?? (() => new HttpClient(new HttpStatusHandler(RequestHeadersHandler.Wrap(options, CreatePrimaryHandler()))));
        _safe = BuildPipeline(Faults.IsTransient, options.CallTimeout);
        _submit = BuildPipeline(Faults.ProvesNotAccepted, null);
    }

    /// <summary>The validator requests are checked with.</summary>
    public RequestValidator Validator => _validator;

    internal MediaClientOptions Options => _options;

    internal ILogger Logger => _logger;

    internal ClientInstruments Instruments => _instruments;

    /// <summary>
    /// Creates a client and connects (the MCP initialize handshake, retried on transient failures). Throws
    /// <see cref="MediaUnauthorizedException"/> when the server refuses the credentials and
    /// <see cref="MediaServiceUnreachableException"/> when it cannot be reached.
    /// </summary>
    /// <param name="options">Endpoint or stdio command, headers, timeouts.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    public static async Task<MediaClient> ConnectAsync(MediaClientOptions options, CancellationToken cancellationToken = default)
    {
        var client = new MediaClient(options);
        try
        {
            await client.ExecuteAsync(client._safe, ConnectStep, static async (c, _, token) => await c.GetConnectionAsync(token).ConfigureAwait(false), 0, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (Exception exception)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw client.ConnectFailure(exception);
        }
    }

    /// <summary>
    /// Validates <paramref name="request"/>, starts it, polls until it completes and returns its outputs. Polls start
    /// at half of <c>estimated_time_seconds</c>, again when it is reached, then back off exponentially (with jitter) between
    /// <see cref="MediaClientOptions.MinPollInterval"/> and <see cref="MediaClientOptions.MaxPollInterval"/>. One
    /// <c>generate_media</c> span covers it all, with a <c>tools/call</c> span per tool call.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Receives the status after the start and after every poll.</param>
    /// <param name="cancellationToken">Stops waiting (the generation itself keeps running on the service).</param>
    /// <exception cref="MediaRequestValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="GenerationFailedException">The generation ended <c>failed</c>.</exception>
    /// <exception cref="GenerationTimeoutException">It did not finish within <see cref="MediaClientOptions.GenerationTimeout"/>.</exception>
    /// <exception cref="GenerationOutcomeUnknownException">Sending failed in a way that may have started it; not resent.</exception>
    /// <exception cref="MediaToolException">The service refused the request (e.g. its own rule check).</exception>
    /// <exception cref="MediaUnauthorizedException">The service refused the credentials (HTTP 401/403).</exception>
    /// <exception cref="MediaServiceUnreachableException">The service could not be reached; nothing started.</exception>
    public async Task<GenerationResult> GenerateAsync(GenerateMediaRequest request, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        long startedAt = Stopwatch.GetTimestamp();
        using Activity? span = ClientActivities.StartGeneration(request.Model, GenerationTypeOf(request));
        using var timeout = new CancellationTokenSource(_options.GenerationTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        GenerationOperation? operation = null;
        try
        {
            operation = await StartCoreAsync(request, span, startedAt, linked.Token).ConfigureAwait(false);
            progress?.Report(operation.StartProgress());
            return await operation.WaitCoreAsync(progress, span, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var timedOut = new GenerationTimeoutException(operation?.Id, Clock.Since(startedAt), operation?.LastResponse);
            OnTimedOut(operation, request.Model, GenerationTypeOf(request), timedOut, span);
            throw timedOut;
        }
        catch (Exception exception) when (ClientActivities.FailAndContinue(span, exception, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>
    /// Validates <paramref name="request"/> and calls <c>generate_media</c> once (see the class remarks for when it is
    /// resent), returning a handle on the generation: <see cref="GenerationOperation.WaitForCompletionAsync(CancellationToken)"/>,
    /// <see cref="GenerationOperation.UpdateStatusAsync"/>, <see cref="GenerationOperation.WatchAsync"/>. Keep its
    /// <see cref="GenerationOperation.Id"/> to resume it with <see cref="GetGeneration"/> after a restart.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="MediaRequestValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="GenerationOutcomeUnknownException">Sending failed in a way that may have started it; not resent.</exception>
    /// <exception cref="MediaToolException">The service refused the request (e.g. its own rule check).</exception>
    public async Task<GenerationOperation> StartGenerationAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        long startedAt = Stopwatch.GetTimestamp();
        using Activity? span = ClientActivities.StartGeneration(request.Model, GenerationTypeOf(request));
        try
        {
            return await StartCoreAsync(request, span, startedAt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (ClientActivities.FailAndContinue(span, exception, cancellationToken))
        {
            throw;
        }
    }

    /// <summary>
    /// A handle on a generation started earlier, by this process or another, from its id alone (like the Azure SDK's
    /// rehydrated operations). Nothing is sent until it is used; an unknown id then fails with a
    /// <see cref="MediaToolException"/> whose <see cref="MediaToolException.ErrorCode"/> is <c>not_found</c>.
    /// </summary>
    /// <param name="generationId">The id <c>generate_media</c> returned.</param>
    public GenerationOperation GetGeneration(string generationId)
    {
        if (string.IsNullOrWhiteSpace(generationId))
        {
            throw new ArgumentException("A generation id is required.", nameof(generationId));
        }

        return new GenerationOperation(this, generationId);
    }

    /// <summary>
    /// Validates <paramref name="request"/> and calls <c>generate_media</c> once (see the class remarks for when it is
    /// resent), returning the raw answer and the warnings. <see cref="StartGenerationAsync"/> returns a handle instead.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<StartedGeneration> StartAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default)
    {
        GenerationOperation operation = await StartGenerationAsync(request, cancellationToken).ConfigureAwait(false);
        return new StartedGeneration(operation.StartResponse!, operation.Warnings);
    }

    /// <summary>Calls <c>get_generation_status</c> (retried on transient failures).</summary>
    /// <param name="generationId">The id from <see cref="StartGenerationAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<GenerationStatusResponse> GetStatusAsync(string generationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(generationId))
        {
            throw new ArgumentException("A generation id is required.", nameof(generationId));
        }

        JsonElement payload = await CallAsync(ServiceContract.Tools.GetGenerationStatus, new SingleArgument("generation_id", generationId), submit: false, cancellationToken).ConfigureAwait(false);
        GenerationStatusResponse status = ToolResults.Read(ServiceContract.Tools.GetGenerationStatus, payload, GenerationStatusResponse.FromJson);
        if (status.Status is null)
        {
            throw new MalformedToolResultException(ServiceContract.Tools.GetGenerationStatus, "it has no status.", payload.GetRawText());
        }

        return status;
    }

    /// <summary>
    /// Validates the estimate request locally (the same rules as <c>generate_media</c>, see
    /// <see cref="EstimateValidation"/>) and calls <c>get_generation_estimate</c> (retried on transient failures).
    /// </summary>
    /// <param name="request">The estimate request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<GenerationEstimateResponse> EstimateAsync(GenerationEstimateRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        IReadOnlyList<Violation> violations = EstimateValidation.Validate(_validator, request);
        if (violations.Any(v => v.Severity == Severity.Error))
        {
            _logger.RequestRefused(request.Model, ClientActivities.RuleIds(violations));
            throw new MediaRequestValidationException(request.Model, violations);
        }

        JsonElement payload = await CallAsync(ServiceContract.Tools.GetGenerationEstimate, ArgumentsOf(request.ToJson()), submit: false, cancellationToken).ConfigureAwait(false);
        return ToolResults.Read(ServiceContract.Tools.GetGenerationEstimate, payload, GenerationEstimateResponse.FromJson);
    }

    /// <summary>The estimate for a generation request (its options travel in <c>parameters</c>).</summary>
    /// <param name="request">A generation request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<GenerationEstimateResponse> EstimateAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default) =>
        EstimateAsync(EstimateRequestFor(request), cancellationToken);

    /// <summary>Calls <c>get_models</c> (retried on transient failures) and reads the answer leniently.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<ModelList> GetModelsAsync(CancellationToken cancellationToken = default)
    {
        JsonElement payload = await CallAsync(ServiceContract.Tools.GetModels, new Dictionary<string, object?>(), submit: false, cancellationToken).ConfigureAwait(false);
        return ModelList.Parse(payload);
    }

    /// <summary>
    /// The <c>get_generation_estimate</c> request for a generation request: <c>model</c>, <c>generation_type</c>,
    /// <c>prompt</c>, <c>negative_prompt</c>, and every other parameter in <c>parameters</c>.
    /// </summary>
    /// <param name="request">A generation request.</param>
    public static GenerationEstimateRequest EstimateRequestFor(GenerateMediaRequest request) => GenerationEstimateRequest.For(request);

    /// <summary>Closes the session (and stops a stdio server process).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        McpClient? connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            await CloseQuietlyAsync(connection).ConfigureAwait(false);
        }

        _connectGate.Dispose();
    }

    /// <summary>Closes the session, blocking until it is closed; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Validates, sends <c>generate_media</c> once, and returns the handle; records refusals and starts.</summary>
    internal async Task<GenerationOperation> StartCoreAsync(GenerateMediaRequest request, Activity? span, long startedAt, CancellationToken cancellationToken)
    {
        string generationType = GenerationTypeOf(request);
        IReadOnlyList<Violation> warnings;
        try
        {
            warnings = _validator.EnsureValid(request);
        }
        catch (MediaRequestValidationException refused)
        {
            OnRefused(request.Model, generationType, refused.Violations, RefusedByClient, span);
            _logger.RequestRefused(request.Model, ClientActivities.RuleIds(refused.Violations));
            throw;
        }

        GenerateMediaResponse response;
        try
        {
            JsonElement payload = await CallAsync(ServiceContract.Tools.GenerateMedia, ArgumentsOf(request.ToJson()), submit: true, cancellationToken).ConfigureAwait(false);
            response = ToolResults.Read(ServiceContract.Tools.GenerateMedia, payload, GenerateMediaResponse.FromJson);
            if (string.IsNullOrEmpty(response.GenerationId))
            {
                throw new MalformedToolResultException(ServiceContract.Tools.GenerateMedia, "it has no generation_id.", payload.GetRawText());
            }
        }
        catch (MediaToolException refused)
        {
            OnRefused(request.Model, generationType, refused.Violations, RefusedByService, span);
            _logger.RefusedByService(refused.Tool, refused.ErrorCode, ClientActivities.RuleIds(refused.Violations));
            throw;
        }
        catch (Exception lost) when (lost is GenerationOutcomeUnknownException or MalformedToolResultException)
        {
            // Sent, and perhaps accepted: a generation may be running that this client will never see.
            _instruments.Failed.Add(1, WithError(ClientInstruments.Tags(request.Model, generationType), lost.GetType()));
            throw;
        }

        JsonElement? serverWarnings = response.ExtensionData is not null && response.ExtensionData.TryGetValue("warnings", out JsonElement w) ? w : null;
        var operation = new GenerationOperation(this, response, ViolationJson.Merge(warnings, ViolationJson.Read(serverWarnings)), request.Model, generationType, startedAt);
        _instruments.Started.Add(1, ClientInstruments.Tags(request.Model, generationType));
        _logger.GenerationStarted(operation.Id, request.Model, generationType, response.EstimatedTimeSeconds, response.EstimatedCostCredits);
        ClientActivities.Started(span, response);
        return operation;
    }

    internal void OnTimedOut(GenerationOperation? operation, string? model, string? generationType, GenerationTimeoutException timedOut, Activity? span)
    {
        _instruments.Failed.Add(1, WithError(ClientInstruments.Tags(model, generationType), timedOut.GetType()));
        _logger.GenerationTimedOut(timedOut.GenerationId, timedOut.Elapsed.TotalSeconds, operation?.Status?.Value);
        ClientActivities.Fail(span, timedOut);
    }

    private const string RefusedByClient = "client";
    private const string RefusedByService = "service";

    private void OnRefused(string? model, string generationType, IReadOnlyList<Violation> violations, string by, Activity? span)
    {
        TagList tags = ClientInstruments.Tags(model, generationType);
        tags.Add(MediaClientTelemetry.Attributes.RefusedBy, by);
        _instruments.Refused.Add(1, tags);
        ClientActivities.Refused(span, violations);
    }

    internal static TagList WithError(TagList tags, Type errorType)
    {
        tags.Add(MediaClientTelemetry.Attributes.ErrorType, errorType.FullName);
        return tags;
    }

    private string GenerationTypeOf(GenerateMediaRequest request) => request.GenerationType ?? _validator.Catalog.Defaults.GenerationType;
}
