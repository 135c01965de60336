using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Client.Diagnostics;
using MediaModels.Client.Transport;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Polly;
using Polly.Retry;

namespace MediaModels.Client;

/// <summary>The session with the service, tool calls with their retry rules, and what a failed call becomes.</summary>
public sealed partial class MediaClient
{
    /// <summary>The name under which opening the session is logged (where a tool name goes for calls).</summary>
    private const string ConnectStep = "connect";

    private static readonly ResiliencePropertyKey<string> StepKey = new("mediamodels.step");

    /// <summary>
    /// The four tools, registered by name when logs are on: the SDK otherwise logs a warning on every call of a tool it
    /// has not listed. The spec's tools carry no <c>x-mcp-header</c> annotations, so there are no <c>Mcp-Param-*</c>
    /// headers to send either way, and listing the tools would cost a round trip per session.
    /// </summary>
    private static readonly Tool[] KnownTools = new[]
    {
        ServiceContract.Tools.GenerateMedia,
        ServiceContract.Tools.GetGenerationStatus,
        ServiceContract.Tools.GetGenerationEstimate,
        ServiceContract.Tools.GetModels,
    }.Select(name => new Tool { Name = name, InputSchema = AnyObjectSchema() }).ToArray();

    private async Task<JsonElement> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, bool submit, CancellationToken cancellationToken)
    {
        using Activity? span = ClientActivities.StartToolCall(tool);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            _logger.SendingTool(tool, DescribeArguments(arguments));
        }

        // The context carries the tool's name to the retry log; rented here rather than in a helper to save an async frame per call.
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StepKey, tool);
        try
        {
            return await (submit ? _submit : _safe).ExecuteAsync(
                static async (ctx, state) =>
                {
                    McpClient connection = await state.Client.GetConnectionAsync(ctx.CancellationToken).ConfigureAwait(false);
                    try
                    {
                        CallToolResult result = await connection.CallToolAsync(state.Tool, state.Arguments, cancellationToken: ctx.CancellationToken).ConfigureAwait(false);
                        return ToolResults.Payload(state.Tool, result);
                    }
                    catch (Exception exception) when (Faults.NeedsReconnect(exception) || connection.Completion.IsCompleted)
                    {
                        state.Client.Invalidate(connection);
                        throw;
                    }
                },
                context,
                (Client: this, Tool: tool, Arguments: arguments)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not MediaServiceException and not ObjectDisposedException && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Exception failure = CallFailure(tool, submit, exception);
            ClientActivities.Fail(span, failure);
            throw failure;
        }
        catch (Exception exception) when (ClientActivities.FailAndContinue(span, exception, cancellationToken))
        {
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Runs <paramref name="step"/> through <paramref name="pipeline"/>, naming it for the retry log.</summary>
    private async ValueTask<TResult> ExecuteAsync<TResult, TState>(
        ResiliencePipeline pipeline,
        string stepName,
        Func<MediaClient, TState, CancellationToken, ValueTask<TResult>> step,
        TState state,
        CancellationToken cancellationToken)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StepKey, stepName);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, s) => s.Step(s.Client, s.State, ctx.CancellationToken),
                context,
                (Client: this, Step: step, State: state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>What a call that failed after its retries becomes: always a <see cref="MediaServiceException"/>.</summary>
    private MediaServiceException CallFailure(string tool, bool submit, Exception exception)
    {
        string service = Describe();
        if (Faults.Find<TokenProviderException>(exception) is { } token)
        {
            return new MediaServiceException($"{tool} was not sent: {token.Message}", exception);
        }

        if (Faults.Unauthorized(exception) is { } denied)
        {
            _logger.Unauthorized(service, (int)denied.Status, tool);
            return new MediaUnauthorizedException(service, (int)denied.Status, denied.Body, exception);
        }

        if (submit)
        {
            if (exception is ConnectFailedException)
            {
                _logger.Unreachable(tool, service, exception.Message);
                return new MediaServiceUnreachableException($"Cannot connect to the media service at {service}; generate_media was not sent: {exception.InnerException?.Message}", service, tool, exception);
            }

            if (Faults.ProvesNotAccepted(exception))
            {
                _logger.Unreachable(tool, service, exception.Message);
                return new MediaServiceUnreachableException($"generate_media was refused on every attempt (not accepted, nothing started): {exception.Message}", service, tool, exception);
            }

            _logger.OutcomeUnknown(null, exception.GetType().Name, exception.Message);
            return new GenerationOutcomeUnknownException(exception);
        }

        if (Faults.IsTransient(exception))
        {
            _logger.Unreachable(tool, service, exception.Message);
            return new MediaServiceUnreachableException($"{tool} kept failing after {_options.MaxRetryAttempts + 1} attempt(s): {exception.Message}", service, tool, exception);
        }

        return new MediaServiceException($"{tool} failed: {exception.Message}", exception);
    }

    /// <summary>What a failed connection becomes (<see cref="ConnectAsync"/>).</summary>
    private MediaServiceException ConnectFailure(Exception exception)
    {
        string service = Describe();
        if (Faults.Find<TokenProviderException>(exception) is { } token)
        {
            return new MediaServiceException($"Cannot connect to the media service at {service}: {token.Message}", exception);
        }

        if (Faults.Unauthorized(exception) is { } denied)
        {
            _logger.Unauthorized(service, (int)denied.Status, ConnectStep);
            return new MediaUnauthorizedException(service, (int)denied.Status, denied.Body, exception);
        }

        string reason = (exception.InnerException ?? exception).Message;
        _logger.Unreachable(ConnectStep, service, reason);
        return new MediaServiceUnreachableException($"Cannot connect to the media service at {service}: {reason}", service, null, exception);
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
                _logger.Reconnecting(Describe());
                _ = CloseQuietlyAsync(current);
            }

            McpClient created;
            try
            {
                created = await McpClient.CreateAsync(
                    CreateTransport(),
                    new McpClientOptions { ClientInfo = new Implementation { Name = "MediaModels.Client", Version = ClientInstruments.Version ?? "0.0.0" } },
                    _loggerFactory,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ConnectFailedException(exception);
            }

            if (_loggerFactory is not null)
            {
                // Only to keep the SDK from warning on every call; a known tool costs it a few hundred bytes per call.
                created.AddKnownTools(KnownTools);
            }

            _connection = created;
            _logger.Connected(Describe());
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
            _logger.Reconnecting(Describe());
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
            // Headers and the token are added by RequestHeadersHandler in the HTTP client's handler chain.
            HttpClient http = _httpClients();
            http.Timeout = Timeout.InfiniteTimeSpan; // replies stream (SSE); CallTimeout and GenerationTimeout bound the waits
            return new HttpClientTransport(
                new HttpClientTransportOptions
                {
                    Endpoint = endpoint,
                    TransportMode = HttpTransportMode.StreamableHttp,
                    EnableStandaloneGetStream = false,
                    Name = "media-service",
                },
                http,
                _loggerFactory,
                ownsHttpClient: true);
        }

        return new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Command = _options.StdioCommand!,
                Arguments = _options.StdioArguments.ToList(),
                WorkingDirectory = _options.StdioWorkingDirectory,
                Name = "media-service",
                StandardErrorLines = _options.StdioErrorLine,
            },
            _loggerFactory);
    }

    /// <summary>The network handler under the client's own handlers: pooled connections renewed every 2 minutes (DNS changes), 15 s to connect.</summary>
    internal static HttpMessageHandler CreatePrimaryHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(15) };
#else
        return new HttpClientHandler();
#endif
    }

    /// <summary>The service as logs and messages name it: the endpoint without its query (which may hold a key), or the stdio command.</summary>
    private string Describe() =>
        _options.TransportFactory is not null ? "(custom transport)"
        : _options.Endpoint is Uri endpoint ? endpoint.GetLeftPart(UriPartial.Path)
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
                OnRetry = args =>
                {
                    Exception? failure = args.Outcome.Exception;
                    string errorType = failure?.GetType().Name ?? "unknown";
                    _logger.RetryingCall(args.Context.Properties.GetValue(StepKey, "call"), errorType, failure?.Message ?? string.Empty, args.AttemptNumber + 1, _options.MaxRetryAttempts, args.RetryDelay.TotalMilliseconds);
                    ClientActivities.Retrying(Activity.Current, failure, args.AttemptNumber + 1);
                    return default;
                },
            });
        }

        if (callTimeout is TimeSpan limit && limit > TimeSpan.Zero)
        {
            builder.AddTimeout(limit);
        }

        return builder.Build();
    }

    private static JsonElement AnyObjectSchema()
    {
        using JsonDocument schema = JsonDocument.Parse("{\"type\":\"object\"}");
        return schema.RootElement.Clone();
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

    /// <summary>The arguments as JSON-like text, for the Trace log only (it holds the prompt).</summary>
    private static string DescribeArguments(IReadOnlyDictionary<string, object?> arguments)
    {
        var text = new StringBuilder("{");
        foreach (KeyValuePair<string, object?> argument in arguments)
        {
            text.Append(text.Length == 1 ? string.Empty : ",").Append('"').Append(argument.Key).Append("\":")
                .Append(argument.Value switch
                {
                    JsonElement element => element.GetRawText(),
                    string value => "\"" + JsonEncodedText.Encode(value).ToString() + "\"",
                    null => "null",
                    object other => other.ToString(),
                });
        }

        return text.Append('}').ToString();
    }
}
