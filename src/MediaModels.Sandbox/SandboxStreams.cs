using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Sandbox;

/// <summary>
/// The sandbox over a pair of streams (stdio for <c>mediamodels serve --stdio</c>): newline-delimited JSON-RPC via the
/// MCP SDK's stream transport. Outputs are written to <see cref="OutputFolder"/> and given as <c>file://</c> URLs;
/// injected faults are JSON-RPC errors with <see cref="ServiceContract.NotAcceptedErrorCode"/>.
/// </summary>
public sealed class SandboxStreamServer
{
    private readonly SandboxService _service;

    /// <summary>Creates the server (reads the catalog; throws <see cref="SandboxConfigurationException"/> on catalog errors).</summary>
    /// <param name="options">How the sandbox behaves.</param>
    public SandboxStreamServer(SandboxOptions? options = null)
    {
        _service = new SandboxService(options ?? new SandboxOptions(), rpcFaults: true);
    }

    /// <summary>Calls seen, faults injected.</summary>
    public SandboxCounters Counters => _service.Counters;

    /// <summary>Where output files are written.</summary>
    public string OutputFolder => _service.OutputFolder!;

    /// <summary>Serves one MCP session over <paramref name="input"/> and <paramref name="output"/> until the input ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <param name="input">Messages from the client (stdin).</param>
    /// <param name="output">Messages to the client (stdout).</param>
    /// <param name="cancellationToken">Stops the server.</param>
    public async Task RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        var options = new McpServerOptions
        {
            ServerInfo = new Implementation { Name = "mediamodels-sandbox", Version = typeof(SandboxStreamServer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
            ToolCollection = new McpServerPrimitiveCollection<McpServerTool>(),
        };
        foreach (McpServerTool tool in _service.CreateTools())
        {
            options.ToolCollection.Add(tool);
        }

        await using var transport = new StreamServerTransport(input, output, "mediamodels-sandbox");
        await using McpServer server = McpServer.Create(transport, options);
        try
        {
            await server.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
