using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol.Server;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway over a pair of streams (stdio, for <c>mediamodels serve --stdio --upstream URL</c> started by a desktop
/// agent or an IDE): newline-delimited JSON-RPC via the MCP SDK's stream transport.
/// </summary>
public sealed class GatewayStreamServer : IAsyncDisposable
{
    private readonly ToolGateway _gateway;
    private readonly GatewayOptions _options;

    /// <summary>Creates the gateway (reads the catalog; throws <see cref="SandboxConfigurationException"/> on catalog errors).</summary>
    /// <param name="options">Upstream, catalog, guards.</param>
    public GatewayStreamServer(GatewayOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _gateway = new ToolGateway(options);
    }

    /// <summary>What the gateway has forwarded, refused and spent.</summary>
    public GatewayStats Stats => _gateway.Stats;

    /// <summary>Serves one MCP session over <paramref name="input"/> and <paramref name="output"/> until the input ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="input">Messages from the agent (stdin).</param>
    /// <param name="output">Messages to the agent (stdout).</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public async Task RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        var options = new McpServerOptions { ServerInfo = GatewayServer.ServerInfo };
        _gateway.Register(options);
        await using var transport = new StreamServerTransport(input, output, "mediamodels-gateway", _options.LoggerFactory);
        await using McpServer server = McpServer.Create(transport, options, _options.LoggerFactory);
        try
        {
            await server.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Closes the upstream session.</summary>
    public ValueTask DisposeAsync() => _gateway.DisposeAsync();
}
