using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace MediaModels.Client.Transport;

/// <summary>
/// Adds <see cref="MediaClientOptions.Headers"/> and the bearer token to every HTTP request, asking
/// <see cref="MediaClientOptions.BearerTokenProvider"/> each time so rotated credentials are picked up. Kept in the
/// handler chain, not in the MCP transport's options, so the token never passes through the SDK.
/// </summary>
internal sealed class RequestHeadersHandler : DelegatingHandler
{
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly string? _token;
    private readonly Func<CancellationToken, ValueTask<string?>>? _tokenProvider;

    /// <summary>For <c>IHttpClientFactory</c>, which sets the inner handler.</summary>
    public RequestHeadersHandler(MediaClientOptions options)
    {
        _headers = new List<KeyValuePair<string, string>>(options.Headers).ToArray();
        _token = string.IsNullOrEmpty(options.BearerToken) ? null : options.BearerToken;
        _tokenProvider = options.BearerTokenProvider;
    }

    /// <summary><paramref name="inner"/> behind this handler, or alone when there is nothing to add.</summary>
    public static HttpMessageHandler Wrap(MediaClientOptions options, HttpMessageHandler inner) =>
        options.Headers.Count == 0 && string.IsNullOrEmpty(options.BearerToken) && options.BearerTokenProvider is null
            ? inner
            : new RequestHeadersHandler(options) { InnerHandler = inner };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (KeyValuePair<string, string> header in _headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (_tokenProvider is null)
        {
            // No await on this path: one frame less per request.
            if (_token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            }

            return base.SendAsync(request, cancellationToken);
        }

        return SendWithProvidedTokenAsync(request, _tokenProvider, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithProvidedTokenAsync(HttpRequestMessage request, Func<CancellationToken, ValueTask<string?>> provider, CancellationToken cancellationToken)
    {
        string? token;
        try
        {
            token = await provider(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw new TokenProviderException(exception);
        }

        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
