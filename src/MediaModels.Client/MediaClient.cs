using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using MediaModels.Client.Transport;
using MediaModels.Validation;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Polly;
using Polly.Retry;

namespace MediaModels.Client;

/// <summary>
/// Sends requests to the media tools over the Model Context Protocol (the official C# SDK's Streamable HTTP or stdio
/// transport) and polls for results. Thread-safe: one client serves many concurrent generations over one session.
/// </summary>
/// <remarks>
/// <para>Every request is checked locally by the rule engine first: an error throws
/// <see cref="MediaRequestValidationException"/> and nothing is sent; warnings travel with the result.</para>
/// <para>Retries (Polly): <c>get_generation_status</c>, <c>get_generation_estimate</c> and <c>get_models</c> are
/// retried on transient failures (dropped or refused connections, HTTP 408/429/5xx, a call timeout, an ended session
/// or closed transport, after reconnecting). <c>generate_media</c> costs credits and is not idempotent: it is sent
/// again only when the failure proves the service did not accept it (the connection could not be opened, HTTP 429 or
/// 503, a 404 for an ended session, or the JSON-RPC error <see cref="ServiceContract.NotAcceptedErrorCode"/>). Any
/// other failure after sending throws <see cref="GenerationOutcomeUnknownException"/> and is never resent.</para>
/// </remarks>
public sealed class MediaClient : IAsyncDisposable
{
    private readonly MediaClientOptions _options;
    private readonly RequestValidator _validator;
    private readonly ResiliencePipeline _safe;
    private readonly ResiliencePipeline _submit;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private McpClient? _connection;
    private int _disposed;

    private MediaClient(MediaClientOptions options)
    {
        _options = options;
        _validator = options.Validator ?? RequestValidator.Default;
        _safe = BuildPipeline(Faults.IsTransient, options.CallTimeout);
        _submit = BuildPipeline(Faults.ProvesNotAccepted, null);
    }

    /// <summary>The validator requests are checked with.</summary>
    public RequestValidator Validator => _validator;

    /// <summary>
    /// Connects (the MCP initialize handshake, retried on transient failures). Throws
    /// <see cref="MediaServiceException"/> when the server cannot be reached or refuses the connection.
    /// </summary>
    /// <param name="options">Endpoint or stdio command, headers, timeouts.</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    public static async Task<MediaClient> ConnectAsync(MediaClientOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var client = new MediaClient(options);
        try
        {
            await client._safe.ExecuteAsync(async token => await client.GetConnectionAsync(token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (Exception exception)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new MediaServiceException($"Cannot connect to the media service at {client.Describe()}: {(exception.InnerException ?? exception).Message}", exception);
        }
    }

    /// <summary>
    /// Validates <paramref name="request"/>, starts it, polls until it completes and returns its outputs. Polls start
    /// at half of <c>estimated_time_seconds</c>, again when it is reached, then back off exponentially (with jitter) between
    /// <see cref="MediaClientOptions.MinPollInterval"/> and <see cref="MediaClientOptions.MaxPollInterval"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="progress">Receives the status after the start and after every poll.</param>
    /// <param name="cancellationToken">Stops waiting (the generation itself keeps running on the service).</param>
    /// <exception cref="MediaRequestValidationException">The request breaks a rule; nothing was sent.</exception>
    /// <exception cref="GenerationFailedException">The generation ended <c>failed</c>.</exception>
    /// <exception cref="GenerationTimeoutException">It did not finish within <see cref="MediaClientOptions.GenerationTimeout"/>.</exception>
    /// <exception cref="GenerationOutcomeUnknownException">Sending failed in a way that may have started it; not resent.</exception>
    /// <exception cref="MediaToolException">The service refused the request (e.g. its own rule check).</exception>
    public async Task<GenerationResult> GenerateAsync(GenerateMediaRequest request, IProgress<GenerationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Stopwatch clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(_options.GenerationTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string? id = null;
        GenerationStatusResponse? last = null;
        try
        {
            StartedGeneration started = await StartAsync(request, linked.Token).ConfigureAwait(false);
            id = started.GenerationId;
            progress?.Report(new GenerationProgress(id, started.Response.Status ?? GenerationStatus.Pending, null, clock.Elapsed, 0, started.Warnings));
            var schedule = new PollSchedule(started.Response.EstimatedTimeSeconds, _options.MinPollInterval, _options.MaxPollInterval);
            int polls = 0;
            while (true)
            {
                await Task.Delay(schedule.Next(), linked.Token).ConfigureAwait(false);
                last = await GetStatusAsync(id, linked.Token).ConfigureAwait(false);
                polls++;
                GenerationStatus status = last.Status ?? default;
                progress?.Report(new GenerationProgress(id, status, last.Progress, clock.Elapsed, polls, started.Warnings));
                if (status == GenerationStatus.Completed)
                {
                    return new GenerationResult(id, last, started.Warnings, clock.Elapsed, polls);
                }

                if (status == GenerationStatus.Failed)
                {
                    throw new GenerationFailedException(last, started.Warnings);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (id is null)
            {
                throw new TimeoutException($"generate_media did not answer within {_options.GenerationTimeout.TotalSeconds:0.#} s.");
            }

            throw new GenerationTimeoutException(id, clock.Elapsed, last);
        }
    }

    /// <summary>
    /// Validates <paramref name="request"/> and calls <c>generate_media</c> once (see the class remarks for when it is
    /// resent). For callers who poll themselves with <see cref="GetStatusAsync"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<StartedGeneration> StartAsync(GenerateMediaRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        IReadOnlyList<Violation> warnings = _validator.EnsureValid(request);
        JsonElement payload = await CallAsync(ServiceContract.Tools.GenerateMedia, ArgumentsOf(request.ToJson()), submit: true, cancellationToken).ConfigureAwait(false);
        GenerateMediaResponse response = ToolResults.Read(ServiceContract.Tools.GenerateMedia, payload, GenerateMediaResponse.FromJson);
        if (string.IsNullOrEmpty(response.GenerationId))
        {
            throw new MalformedToolResultException(ServiceContract.Tools.GenerateMedia, "it has no generation_id.", payload.GetRawText());
        }

        JsonElement? serverWarnings = response.ExtensionData is not null && response.ExtensionData.TryGetValue("warnings", out JsonElement w) ? w : null;
        return new StartedGeneration(response, ViolationJson.Merge(warnings, ViolationJson.Read(serverWarnings)));
    }

    /// <summary>Calls <c>get_generation_status</c> (retried on transient failures).</summary>
    /// <param name="generationId">The id from <see cref="StartAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<GenerationStatusResponse> GetStatusAsync(string generationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(generationId))
        {
            throw new ArgumentException("A generation id is required.", nameof(generationId));
        }

        var arguments = new Dictionary<string, object?> { ["generation_id"] = generationId };
        JsonElement payload = await CallAsync(ServiceContract.Tools.GetGenerationStatus, arguments, submit: false, cancellationToken).ConfigureAwait(false);
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

    private async Task<JsonElement> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, bool submit, CancellationToken cancellationToken)
    {
        ResiliencePipeline pipeline = submit ? _submit : _safe;
        try
        {
            return await pipeline.ExecuteAsync(
                async token =>
                {
                    McpClient connection = await GetConnectionAsync(token).ConfigureAwait(false);
                    try
                    {
                        CallToolResult result = await connection.CallToolAsync(tool, arguments, cancellationToken: token).ConfigureAwait(false);
                        return ToolResults.Payload(tool, result);
                    }
                    catch (Exception exception) when (Faults.NeedsReconnect(exception) || connection.Completion.IsCompleted)
                    {
                        Invalidate(connection);
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not MediaServiceException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            if (submit)
            {
                if (exception is ConnectFailedException)
                {
                    throw new MediaServiceException($"Cannot connect to the media service at {Describe()}; generate_media was not sent: {exception.InnerException?.Message}", exception);
                }

                if (Faults.ProvesNotAccepted(exception))
                {
                    throw new MediaServiceException($"generate_media was refused on every attempt (not accepted, nothing started): {exception.Message}", exception);
                }

                throw new GenerationOutcomeUnknownException(exception);
            }

            if (Faults.IsTransient(exception))
            {
                throw new MediaServiceException($"{tool} kept failing after {_options.MaxRetryAttempts + 1} attempt(s): {exception.Message}", exception);
            }

            throw;
        }
    }

    private async ValueTask<McpClient> GetConnectionAsync(CancellationToken cancellationToken)
    {
        McpClient? current = Volatile.Read(ref _connection);
        if (current is not null && !current.Completion.IsCompleted)
        {
            return current;
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _connection;
            if (current is not null && !current.Completion.IsCompleted)
            {
                return current;
            }

            if (_disposed != 0)
            {
                throw new ObjectDisposedException(nameof(MediaClient));
            }

            if (current is not null)
            {
                _connection = null;
                _ = CloseQuietlyAsync(current);
            }

            McpClient created;
            try
            {
                created = await McpClient.CreateAsync(
                    CreateTransport(),
                    new McpClientOptions { ClientInfo = new Implementation { Name = "MediaModels.Client", Version = typeof(MediaClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" } },
                    _options.LoggerFactory,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ConnectFailedException(exception);
            }

            _connection = created;
            return created;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private void Invalidate(McpClient connection)
    {
        if (Interlocked.CompareExchange(ref _connection, null, connection) == connection)
        {
            _ = CloseQuietlyAsync(connection);
        }
    }

    private static async Task CloseQuietlyAsync(McpClient connection)
    {
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closing a session that already failed: nothing to report.
        }
    }

    private IClientTransport CreateTransport()
    {
        if (_options.TransportFactory is { } factory)
        {
            return factory();
        }

        if (_options.Endpoint is Uri endpoint)
        {
            var headers = new Dictionary<string, string>(_options.Headers, StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrEmpty(_options.BearerToken))
            {
                headers["Authorization"] = "Bearer " + _options.BearerToken;
            }

            var http = new HttpClient(new HttpStatusHandler(CreateHandler())) { Timeout = Timeout.InfiniteTimeSpan };
            return new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = endpoint,
                    TransportMode = HttpTransportMode.StreamableHttp,
                    AdditionalHeaders = headers,
                    EnableStandaloneGetStream = false,
                    Name = "media-service",
                },
                http,
                _options.LoggerFactory,
                ownsHttpClient: true);
        }

        if (!string.IsNullOrEmpty(_options.StdioCommand))
        {
            return new StdioClientTransport(
                new StdioClientTransportOptions
                {
                    Command = _options.StdioCommand!,
                    Arguments = _options.StdioArguments.ToList(),
                    WorkingDirectory = _options.StdioWorkingDirectory,
                    Name = "media-service",
                    StandardErrorLines = _options.StdioErrorLine,
                },
                _options.LoggerFactory);
        }

        throw new InvalidOperationException("MediaClientOptions needs an Endpoint (Streamable HTTP), a StdioCommand or a TransportFactory.");
    }

    private static HttpMessageHandler CreateHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(15) };
#else
        return new HttpClientHandler();
#endif
    }

    private string Describe() =>
        _options.TransportFactory is not null ? "(custom transport)"
        : _options.Endpoint is Uri endpoint ? endpoint.ToString()
        : $"stdio command '{_options.StdioCommand}'";

    private ResiliencePipeline BuildPipeline(Func<Exception, bool> retryable, TimeSpan? callTimeout)
    {
        var builder = new ResiliencePipelineBuilder();
        if (_options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is Exception exception
                    && !(exception is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)
                    && retryable(exception)),
                MaxRetryAttempts = _options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = _options.MaxRetryDelay,
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    Faults.RetryAfter(args.Outcome.Exception) is TimeSpan after && after > TimeSpan.Zero
                        ? (after < _options.MaxRetryDelay ? after : _options.MaxRetryDelay)
                        : null),
            });
        }

        if (callTimeout is TimeSpan limit && limit > TimeSpan.Zero)
        {
            builder.AddTimeout(limit);
        }

        return builder.Build();
    }

    private static Dictionary<string, object?> ArgumentsOf(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            arguments[property.Name] = property.Value.Clone();
        }

        return arguments;
    }
}

/// <summary>
/// When to poll: at half the estimate, again when the estimate is reached, then exponential backoff from an eighth of
/// the estimate doubling up to the maximum; every wait within the bounds and with ±20 % jitter. Without an estimate:
/// the minimum, doubling.
/// </summary>
internal sealed class PollSchedule
{
    [ThreadStatic]
    private static Random? _random;

    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeSpan _half;
    private TimeSpan _next;
    private int _count;

    public PollSchedule(double? estimatedSeconds, TimeSpan min, TimeSpan max)
    {
        _min = min <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : min;
        _max = max < _min ? _min : max;
        TimeSpan estimate = estimatedSeconds is double s && s > 0 && !double.IsInfinity(s) ? TimeSpan.FromSeconds(Math.Min(s, 86_400)) : TimeSpan.Zero;
        _half = estimate == TimeSpan.Zero ? TimeSpan.Zero : Clamp(TimeSpan.FromTicks(estimate.Ticks / 2));
        _next = Clamp(TimeSpan.FromTicks(estimate.Ticks / 8));
    }

    public TimeSpan Next()
    {
        TimeSpan wait;
        if (_count++ < 2 && _half > TimeSpan.Zero)
        {
            wait = _half;
        }
        else
        {
            wait = _next;
            _next = Clamp(TimeSpan.FromTicks(_next.Ticks * 2));
        }

        _random ??= new Random(Guid.NewGuid().GetHashCode());
        double jitter = 0.8 + (_random.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)(wait.Ticks * jitter));
    }

    private TimeSpan Clamp(TimeSpan value) => value < _min ? _min : value > _max ? _max : value;
}
