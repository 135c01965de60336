using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway over Streamable HTTP at <c>/mcp</c> (the MCP SDK's <c>MapMcp</c>, stateless), with its figures as JSON
/// at <c>GET /stats</c>; the same token and loopback rules as the sandbox. For <c>mediamodels serve --http --upstream URL</c> and tests:
/// <code>
/// await using GatewayServer gateway = await GatewayServer.StartAsync(new GatewayOptions { Upstream = new Uri("https://service.example/mcp") });
/// // gateway.Endpoint is http://127.0.0.1:{free port}/mcp
/// </code>
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    /// <summary>The path of the figures: <c>/stats</c>.</summary>
    public const string StatsPath = "/stats";

    private readonly WebApplication _app;
    private readonly ToolGateway _gateway;

    private GatewayServer(WebApplication app, ToolGateway gateway, Uri baseAddress)
    {
        _app = app;
        _gateway = gateway;
        BaseAddress = baseAddress;
        Endpoint = new Uri(baseAddress, ServiceContract.McpPath.TrimStart('/'));
    }

    /// <summary>The MCP endpoint agents connect to, e.g. <c>http://127.0.0.1:50123/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:50123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What the gateway has forwarded, refused and spent.</summary>
    public GatewayStats Stats => _gateway.Stats;

    /// <summary>
    /// Starts the gateway on <see cref="GatewayOptions.Urls"/>. Throws <see cref="SandboxConfigurationException"/> when
    /// the catalog has errors or a URL binds beyond loopback without a <see cref="GatewayOptions.Token"/>. The upstream
    /// is connected on the first call, so a gateway starts while its service is down and says so on each call.
    /// </summary>
    /// <param name="options">Upstream, catalog, guards, listening URLs.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<GatewayServer> StartAsync(GatewayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] urls = options.Urls.Count == 0 ? new[] { "http://127.0.0.1:0" } : options.Urls.ToArray();
        InboundAccess.RequireTokenBeyondLoopback(urls, options.Token, "the gateway (and spend the service's credits)");
        var gateway = new ToolGateway(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services
            .AddMcpServer(o => o.ServerInfo = ServerInfo)
            .WithHttpTransport()
            .WithListToolsHandler(gateway.ListToolsAsync)
            .WithCallToolHandler(gateway.CallToolAsync);

        WebApplication app = builder.Build();
        InboundAccess.UseBearerToken(app, options.Token, openPrefix: null);
        app.MapMcp(ServiceContract.McpPath);
        app.MapGet(StatsPath, () => Results.Json(gateway.Stats.ToJsonObject()));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            await gateway.DisposeAsync().ConfigureAwait(false);
            throw new SandboxConfigurationException($"Cannot listen on {string.Join(", ", urls)}: {exception.Message}");
        }

        return new GatewayServer(app, gateway, InboundAccess.BaseAddressOf(app.Urls.First()));
    }

    internal static Implementation ServerInfo => new()
    {
        Name = "mediamodels-gateway",
        Version = GatewayTelemetry.Version ?? "0.0.0",
    };

    /// <summary>Completes when the server stops (Ctrl+C or <paramref name="cancellationToken"/>).</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and closes the upstream session.</summary>
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
        await _gateway.DisposeAsync().ConfigureAwait(false);
    }
}
