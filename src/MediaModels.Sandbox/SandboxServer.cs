using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Sandbox;

/// <summary>
/// The sandbox over Streamable HTTP (ASP.NET Core and the MCP SDK's <c>MapMcp</c>) at <c>/mcp</c>, with the outputs
/// served at <c>/files/</c> and the counters (<see cref="SandboxCounters"/>) as JSON at <c>GET /stats</c>. Start one in process for tests, samples and <c>mediamodels generate</c>:
/// <code>
/// await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(1) });
/// // sandbox.Endpoint is http://127.0.0.1:{free port}/mcp
/// </code>
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxService _service;

    private SandboxServer(WebApplication app, SandboxService service, Uri baseAddress)
    {
        _app = app;
        _service = service;
        BaseAddress = baseAddress;
        Endpoint = new Uri(baseAddress, ServiceContract.McpPath.TrimStart('/'));
    }

    private const string SessionHeader = "Mcp-Session-Id";

    /// <summary>The MCP endpoint, e.g. <c>http://127.0.0.1:50123/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Calls seen, faults injected.</summary>
    public SandboxCounters Counters => _service.Counters;

    /// <summary>
    /// Starts the sandbox over HTTP on <see cref="SandboxOptions.Urls"/> (default: a free port on 127.0.0.1).
    /// Throws <see cref="SandboxConfigurationException"/> when the catalog has errors or when a URL binds beyond
    /// loopback without a <see cref="SandboxOptions.Token"/>.
    /// </summary>
    /// <param name="options">How the sandbox behaves; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SandboxServer> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SandboxOptions();
        string[] urls = options.Urls.Count == 0 ? new[] { "http://127.0.0.1:0" } : options.Urls.ToArray();
        InboundAccess.RequireTokenBeyondLoopback(urls, options.Token, "the sandbox");
        var service = new SandboxService(options, rpcFaults: false);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        if (options.Verbose)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Services
            .AddMcpServer(o => o.ServerInfo = new Implementation { Name = "mediamodels-sandbox", Version = typeof(SandboxServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" })
            .WithHttpTransport(transport =>
            {
                if (options.StatefulSessions)
                {
                    transport.SessionMode = HttpServerSessionMode.Stateful;
                }
            })
            .WithTools(service.CreateTools());

        WebApplication app = builder.Build();
        InboundAccess.UseBearerToken(app, options.Token, openPrefix: "/files");

        if (options.StatefulSessions)
        {
            app.Use(async (context, next) =>
            {
                bool named = context.Request.Headers.ContainsKey(SessionHeader);
                await next(context).ConfigureAwait(false);
                if (named && context.Response.StatusCode == StatusCodes.Status404NotFound)
                {
                    service.Counters.CountUnknownSession();
                }
                else if (!named && context.Response.Headers.ContainsKey(SessionHeader))
                {
                    service.Counters.CountSessionOpened();
                }
            });
        }

        if (options.FailRate > 0)
        {
            app.Use((context, next) => InjectFaultAsync(context, next, service));
        }

        app.MapMcp(ServiceContract.McpPath);
        app.MapGet("/stats", () => Results.Json(
            new Dictionary<string, long>
            {
                ["generate_media_calls"] = service.Counters.GenerateMediaCalls,
                ["generations_accepted"] = service.Counters.GenerationsAccepted,
                ["generations_rejected"] = service.Counters.GenerationsRejected,
                ["status_calls"] = service.Counters.StatusCalls,
                ["estimate_calls"] = service.Counters.EstimateCalls,
                ["models_calls"] = service.Counters.ModelsCalls,
                ["faults_injected"] = service.Counters.FaultsInjected,
                ["generate_media_faults"] = service.Counters.GenerateMediaFaults,
                ["sessions_opened"] = service.Counters.SessionsOpened,
                ["unknown_session_requests"] = service.Counters.UnknownSessionRequests,
            }));
        app.MapGet("/files/{name}", (string name) =>
            service.TryGetFile(name, out byte[] bytes, out string type) ? Results.Bytes(bytes, type) : Results.NotFound());

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new SandboxConfigurationException($"Cannot listen on {string.Join(", ", urls)}: {exception.Message}");
        }

        Uri baseAddress = InboundAccess.BaseAddressOf(app.Urls.First());
        service.SetHttpBase(baseAddress);
        return new SandboxServer(app, service, baseAddress);
    }

    /// <summary>Completes when the server stops (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="url"/> names a loopback host (127.0.0.0/8, [::1], localhost).</summary>
    internal static bool IsLoopback(string url) => InboundAccess.IsLoopback(url);

    /// <summary>
    /// Fault injection at the HTTP layer, before the MCP endpoint reads the message. Only <c>tools/call</c> POSTs are
    /// affected. <c>generate_media</c> gets only 503/429 (refused before acceptance, not counted); the idempotent tools
    /// also get 500, 502 and dropped connections.
    /// </summary>
    private static async Task InjectFaultAsync(HttpContext context, RequestDelegate next, SandboxService service)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.StartsWithSegments(ServiceContract.McpPath, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Request.EnableBuffering();
        string? tool = null;
        try
        {
            using JsonDocument message = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (message.RootElement.ValueKind == JsonValueKind.Object
                && message.RootElement.TryGetProperty("method", out JsonElement method) && method.ValueEquals("tools/call")
                && message.RootElement.TryGetProperty("params", out JsonElement parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("name", out JsonElement name) && name.ValueKind == JsonValueKind.String)
            {
                tool = name.GetString();
            }
        }
        catch (JsonException)
        {
            // Not ours to judge: the MCP endpoint answers malformed messages.
        }

        context.Request.Body.Position = 0;
        FaultKind fault = tool is null ? FaultKind.None : service.Faults.NextHttpFault(tool);
        if (fault == FaultKind.None)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        service.Counters.CountFault(tool!);
        switch (fault)
        {
            case FaultKind.ConnectionDrop:
                context.Abort();
                return;
            case FaultKind.ServiceUnavailable or FaultKind.TooManyRequests:
                context.Response.StatusCode = fault == FaultKind.ServiceUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsync($"Sandbox: transient failure injected (--fail-rate) on {tool}; the call was not accepted.").ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = fault == FaultKind.InternalError ? StatusCodes.Status500InternalServerError : StatusCodes.Status502BadGateway;
                await context.Response.WriteAsync($"Sandbox: transient failure injected (--fail-rate) on {tool}.").ConfigureAwait(false);
                return;
        }
    }
}
