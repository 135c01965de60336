using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MediaModels.Sandbox;

/// <summary>
/// Who may reach a server that <c>mediamodels serve --http</c> hosts (the sandbox and the gateway alike): binding beyond
/// loopback needs a token, and with a token every request but the output files must carry <c>Authorization: Bearer T</c>.
/// </summary>
internal static class InboundAccess
{
    /// <summary>
    /// Throws <see cref="SandboxConfigurationException"/> when one of <paramref name="urls"/> is beyond loopback and no
    /// <paramref name="token"/> is set; <paramref name="what"/> names the server in the message.
    /// </summary>
    public static void RequireTokenBeyondLoopback(IEnumerable<string> urls, string? token, string what)
    {
        string[] open = urls.Where(u => !IsLoopback(u)).ToArray();
        if (open.Length > 0 && string.IsNullOrEmpty(token))
        {
            throw new SandboxConfigurationException(
                $"Refusing to listen on {string.Join(", ", open)} without a token: anyone who can reach it could use {what}. " +
                "Pass --token T (clients then send 'Authorization: Bearer T') or listen on loopback only (127.0.0.1, [::1], localhost).");
        }
    }

    /// <summary>Answers 401 to every request outside <paramref name="openPrefix"/> that lacks <c>Authorization: Bearer {token}</c>; nothing when there is no token.</summary>
    public static void UseBearerToken(WebApplication app, string? token, string? openPrefix)
    {
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        string expected = "Bearer " + token;
        app.Use(async (context, next) =>
        {
            if ((openPrefix is null || !context.Request.Path.StartsWithSegments(openPrefix, StringComparison.Ordinal))
                && !string.Equals(context.Request.Headers.Authorization.ToString(), expected, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsync("Missing or wrong bearer token.").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
    }

    /// <summary>True when <paramref name="url"/> names a loopback host (127.0.0.0/8, [::1], localhost).</summary>
    public static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri))
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The base address a client uses for the first URL the server listens on (a wildcard host becomes <c>localhost</c>).</summary>
    public static Uri BaseAddressOf(string address)
    {
        var uri = new Uri(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri = new UriBuilder(uri) { Host = "localhost" }.Uri;
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
