using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway's one MCP session with the service (the official SDK's Streamable HTTP client), opened on first use and
/// again after it ends; it negotiates its own protocol revision, so an agent on one revision reaches an upstream on another. Every call is sent once: the gateway never retries, so a <c>generate_media</c> reaches the
/// service at most once per agent call; a failure becomes an <see cref="UpstreamException"/> saying whether the call
/// was sent.
/// </summary>
internal sealed class Upstream : IAsyncDisposable
{
    private readonly GatewayOptions _options;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private McpClient? _client;

    public Upstream(GatewayOptions options)
    {
        _options = options;
    }

    /// <summary>The endpoint without its query string, for messages and logs.</summary>
    public string Endpoint => _options.Upstream.GetLeftPart(UriPartial.Path);

    public async Task<ListToolsResult> ListToolsAsync(ListToolsRequestParams? request, CancellationToken cancellationToken)
    {
        McpClient client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await client.ListToolsAsync(new ListToolsRequestParams { Cursor = request?.Cursor, Meta = OwnMeta(request?.Meta) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            await ForgetAsync(client, exception).ConfigureAwait(false);
            throw Classify("tools/list", exception, sent: true);
        }
    }

    /// <summary>Sends one <c>tools/call</c>; never resent.</summary>
    public async Task<CallToolResult> CallToolAsync(CallToolRequestParams request, CancellationToken cancellationToken)
    {
        McpClient client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var forwarded = new CallToolRequestParams { Name = request.Name, Arguments = request.Arguments, Meta = OwnMeta(request.Meta) };
            return await client.CallToolAsync(forwarded, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsFailure(exception, cancellationToken))
        {
            await ForgetAsync(client, exception).ConfigureAwait(false);
            throw Classify(request.Name, exception, sent: true);
        }
    }

    /// <summary>
    /// The agent's <c>_meta</c> without what belongs to the agent's own hop: the protocol's reserved keys
    /// (<c>io.modelcontextprotocol/…</c>: the revision, client info and capabilities the agent negotiated with the
    /// gateway, which an upstream on another revision refuses) and the progress token (progress is not relayed).
    /// </summary>
    internal static JsonObject? OwnMeta(JsonObject? meta)
    {
        if (meta is null)
        {
            return null;
        }

        JsonObject? kept = null;
        foreach (KeyValuePair<string, JsonNode?> entry in meta)
        {
            if (entry.Key.StartsWith(ReservedMetaPrefix, StringComparison.Ordinal) || entry.Key == ProgressTokenKey)
            {
                continue;
            }

            kept ??= new JsonObject();
            kept[entry.Key] = entry.Value?.DeepClone();
        }

        return kept;
    }

    private const string ReservedMetaPrefix = "io.modelcontextprotocol/";
    private const string ProgressTokenKey = "progressToken";

    public async ValueTask DisposeAsync()
    {
        McpClient? client = Interlocked.Exchange(ref _client, null);
        if (client is not null)
        {
            await CloseQuietlyAsync(client).ConfigureAwait(false);
        }

        _connectGate.Dispose();
    }

    private async ValueTask<McpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _client) is McpClient open)
        {
            return open;
        }

        await _connectGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_client is McpClient raced)
            {
                return raced;
            }

            // No HttpClient timeout: replies may stream (SSE) for as long as the tool runs; the agent's cancellation bounds the wait.
            var http = new HttpClient(new BearerTokenHandler(_options.UpstreamToken) { InnerHandler = new SocketsHttpHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
            var transport = new HttpClientTransport(
                new HttpClientTransportOptions { Endpoint = _options.Upstream, Name = "upstream", TransportMode = HttpTransportMode.StreamableHttp, EnableStandaloneGetStream = false }, // no server-initiated messages are relayed
                http,
                _options.LoggerFactory,
                ownsHttpClient: true);
            try
            {
                McpClient client = await McpClient.CreateAsync(
                    transport,
                    new McpClientOptions { ClientInfo = new() { Name = "mediamodels-gateway", Version = GatewayTelemetry.Version ?? "0.0.0" } },
                    _options.LoggerFactory,
                    cancellationToken).ConfigureAwait(false);
                _client = client;
                return client;
            }
            catch (Exception exception) when (IsFailure(exception, cancellationToken))
            {
                throw Classify("connect", exception, sent: false);
            }
        }
        finally
        {
            _connectGate.Release();
        }
    }

    /// <summary>Drops a session that failed at the transport level, so the next call opens a new one.</summary>
    private async ValueTask ForgetAsync(McpClient client, Exception exception)
    {
        if (exception is McpException and not McpProtocolException || exception is HttpRequestException or IOException or ObjectDisposedException)
        {
            if (Interlocked.CompareExchange(ref _client, null, client) == client)
            {
                await CloseQuietlyAsync(client).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask CloseQuietlyAsync(McpClient client)
    {
        try
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or McpException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a session that already failed: nothing left to do.
        }
    }

    private static bool IsFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    /// <summary>What a failure proves: not sent, refused before acceptance, refused credentials, or an unknown outcome.</summary>
    private UpstreamException Classify(string what, Exception exception, bool sent)
    {
        HttpStatusCode? status = StatusOf(exception);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new UpstreamException(
                UpstreamFailure.Unauthorized,
                $"The upstream {Endpoint} refused the gateway's credentials (HTTP {(int)status.Value}) on {what}; nothing was started. Check --upstream-token / MEDIAMODELS_UPSTREAM_TOKEN.",
                exception);
        }

        if (sent && status is HttpStatusCode.NotFound)
        {
            // Streamable HTTP: a 404 to a request that names a session means the session ended and the request was not processed.
            return new UpstreamException(
                UpstreamFailure.NotAccepted,
                $"The upstream {Endpoint} ended the gateway's session (HTTP 404) before {what}; nothing was started, the next call opens a new session and may send it again.",
                exception);
        }

        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            || (exception is McpProtocolException protocol && (int)protocol.ErrorCode == ServiceContract.NotAcceptedErrorCode))
        {
            return new UpstreamException(
                UpstreamFailure.NotAccepted,
                $"The upstream {Endpoint} did not accept {what} ({Describe(exception, status)}); nothing was started and the call may be sent again.",
                exception);
        }

        if (!sent || IsConnectionRefused(exception))
        {
            return new UpstreamException(
                UpstreamFailure.Unreachable,
                $"The upstream {Endpoint} could not be reached ({Describe(exception, status)}); {what} was not sent and may be sent again.",
                exception);
        }

        if (exception is McpProtocolException)
        {
            return new UpstreamException(UpstreamFailure.ProtocolError, $"The upstream {Endpoint} answered {what} with an error: {exception.Message}", exception);
        }

        return new UpstreamException(
            UpstreamFailure.OutcomeUnknown,
            $"The call to {what} failed after it was sent to {Endpoint} ({Describe(exception, status)}); the upstream may or may not have processed it. The gateway does not resend it.",
            exception);
    }

    private static HttpStatusCode? StatusOf(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is HttpRequestException { StatusCode: HttpStatusCode code })
            {
                return code;
            }
        }

        return null;
    }

    private static bool IsConnectionRefused(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(Exception exception, HttpStatusCode? status) =>
        status is HttpStatusCode code ? $"HTTP {(int)code}" : exception.GetType().Name + ": " + exception.Message;

    /// <summary>Adds the upstream token to every request; kept in the handler chain so it never passes through the MCP SDK or a log.</summary>
    private sealed class BearerTokenHandler : DelegatingHandler
    {
        private readonly AuthenticationHeaderValue? _authorization;

        public BearerTokenHandler(string? token)
        {
            _authorization = string.IsNullOrEmpty(token) ? null : new AuthenticationHeaderValue("Bearer", token);
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_authorization is not null)
            {
                request.Headers.Authorization = _authorization;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
