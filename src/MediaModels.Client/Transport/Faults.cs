using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace MediaModels.Client.Transport;

/// <summary>An HTTP answer that is not a success, raised by <see cref="HttpStatusHandler"/> so the status survives on every target framework.</summary>
internal sealed class McpHttpStatusException : HttpRequestException
{
    public McpHttpStatusException(HttpStatusCode status, TimeSpan? retryAfter, bool hadSession, string body)
        : base($"The server answered HTTP {(int)status} ({status}){(body.Length == 0 ? "." : ": " + body)}")
    {
        Status = status;
        RetryAfter = retryAfter;
        HadSession = hadSession;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The start of the answer's body, possibly empty.</summary>
    public string Body { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The request carried an <c>Mcp-Session-Id</c>: a 404 then means the session ended.</summary>
    public bool HadSession { get; }
}

/// <summary>Raised when (re)connecting failed, so it is known that the call itself was never sent.</summary>
internal sealed class ConnectFailedException : Exception
{
    public ConnectFailedException(Exception inner)
        : base("Could not connect to the media service: " + inner.Message, inner)
    {
    }
}

/// <summary>
/// <see cref="MediaClientOptions.BearerTokenProvider"/> threw: the request was never sent. Not retried (the provider
/// has its own policy); reported as such instead of as a failed call.
/// </summary>
internal sealed class TokenProviderException : Exception
{
    public TokenProviderException(Exception inner)
        : base("MediaClientOptions.BearerTokenProvider failed: " + inner.Message, inner)
    {
    }
}

/// <summary>
/// Turns HTTP answers that the MCP SDK would report as a bare <see cref="HttpRequestException"/> (401, 403, 404, 408,
/// 429, 5xx) into <see cref="McpHttpStatusException"/> carrying the status and <c>Retry-After</c>. 400 and 405 pass
/// through: the SDK reads those itself (protocol-version negotiation, optional GET stream).
/// </summary>
internal sealed class HttpStatusHandler : DelegatingHandler
{
    /// <summary>For <c>IHttpClientFactory</c>, which sets the inner handler.</summary>
    public HttpStatusHandler()
    {
    }

    public HttpStatusHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        int code = (int)response.StatusCode;
        if (code is 401 or 403 or 404 or 408 or 429 || code >= 500)
        {
            TimeSpan? retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is DateTimeOffset date ? date - DateTimeOffset.UtcNow : null)
                : null;
            string body = string.Empty;
            try
            {
                body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                body = body.Length > 300 ? body.Substring(0, 300) + "…" : body;
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
            {
            }

            bool hadSession = request.Headers.Contains("Mcp-Session-Id");
            response.Dispose();
            throw new McpHttpStatusException((HttpStatusCode)code, retryAfter, hadSession, body.Trim());
        }

        return response;
    }
}

/// <summary>
/// Which failures are transient, and which prove that a call never reached (or was refused by) the service.
/// </summary>
internal static class Faults
{
    /// <summary>
    /// True for failures worth retrying on a call that is safe to repeat (status, estimate, models): dropped or refused
    /// connections, HTTP 408/429/5xx, an ended session (404 with a session id), a closed transport, a call timeout,
    /// and the "not accepted" JSON-RPC error.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ConnectFailedException connect => connect.InnerException is not McpHttpStatusException status || IsTransientStatus(status),
        McpHttpStatusException status => IsTransientStatus(status),
        ClientTransportClosedException => true,
        HttpRequestException or IOException or SocketException => true,
        McpProtocolException protocol => (int)protocol.ErrorCode == ServiceContract.NotAcceptedErrorCode || protocol.ErrorCode == McpErrorCode.InternalError,
        TimeoutException => true,
        Polly.Timeout.TimeoutRejectedException => true,
        McpException mcp when mcp.GetType() == typeof(McpException) => true, // transport-level failures ("response completed without a reply", closed)
        _ => false,
    };

    /// <summary>
    /// True only when the failure proves the service did not accept the call, so <c>generate_media</c> may be sent
    /// again: the connection could not be opened, the client could not (re)connect before sending, the server answered
    /// HTTP 429 or 503 (it refused the request without processing it), a 404 for an ended session (the MCP transport
    /// spec: such a request is not processed), or the JSON-RPC error <see cref="ServiceContract.NotAcceptedErrorCode"/>.
    /// </summary>
    public static bool ProvesNotAccepted(Exception exception) => exception switch
    {
        ConnectFailedException connect => IsTransient(connect),
        McpHttpStatusException status => status.Status is HttpStatusCode.ServiceUnavailable or (HttpStatusCode)429 || (status.Status == HttpStatusCode.NotFound && status.HadSession),
        McpProtocolException protocol => (int)protocol.ErrorCode == ServiceContract.NotAcceptedErrorCode,
        HttpRequestException http => ConnectionNotEstablished(http),
        _ => false,
    };

    /// <summary>The session or transport is gone: the next attempt must reconnect.</summary>
    public static bool NeedsReconnect(Exception exception) => exception switch
    {
        McpHttpStatusException status => status.Status == HttpStatusCode.NotFound && status.HadSession,
        ClientTransportClosedException => true,
        ConnectFailedException => true,
        _ => false,
    };

    /// <summary>
    /// The HTTP 401 or 403 that failed a call or a connection, or null. Never retried; for <c>generate_media</c> it
    /// proves the request was not processed.
    /// </summary>
    public static McpHttpStatusException? Unauthorized(Exception exception) =>
        HttpFailureOf(exception) is { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } status ? status : null;

    /// <summary>The HTTP status of the answer behind <paramref name="exception"/> (searched through inner exceptions), or null.</summary>
    public static int? HttpStatusOf(Exception? exception) => HttpFailureOf(exception) is { } status ? (int)status.Status : null;

    /// <summary>The <c>Retry-After</c> the server asked for, if any.</summary>
    public static TimeSpan? RetryAfter(Exception? exception) => exception switch
    {
        McpHttpStatusException status => status.RetryAfter,
        ConnectFailedException { InnerException: McpHttpStatusException status } => status.RetryAfter,
        _ => null,
    };

    /// <summary>The first exception of type <typeparamref name="T"/> in <paramref name="exception"/>'s inner chain (itself included), or null.</summary>
    public static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static McpHttpStatusException? HttpFailureOf(Exception? exception) => Find<McpHttpStatusException>(exception);

    private static bool IsTransientStatus(McpHttpStatusException status) =>
        status.Status is HttpStatusCode.RequestTimeout or (HttpStatusCode)429 || (int)status.Status >= 500
        || (status.Status == HttpStatusCode.NotFound && status.HadSession);

    private static bool ConnectionNotEstablished(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }
#endif
        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }
}
