using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>How the agent reaches the gateway.</summary>
public enum AgentTransport
{
    /// <summary>Streamable HTTP to <see cref="GatewayServer"/> on a free loopback port.</summary>
    Http,

    /// <summary>Newline-delimited JSON-RPC over in-memory pipes to <see cref="GatewayStreamServer"/>, as over stdio.</summary>
    Stdio,
}

/// <summary>An agent (the official SDK's <see cref="McpClient"/>) talking to the gateway, in process, over either transport.</summary>
internal sealed class GatewayRig : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static readonly TheoryData<AgentTransport> Transports = new() { AgentTransport.Http, AgentTransport.Stdio };

    private readonly GatewayServer? _http;
    private readonly GatewayStreamServer? _stdio;
    private readonly Task? _stdioRun;
    private readonly CancellationTokenSource _stop;
    private readonly Pipe? _toServer;

    private GatewayRig(McpClient agent, GatewayServer? http, GatewayStreamServer? stdio, Task? stdioRun, CancellationTokenSource stop, Pipe? toServer)
    {
        Agent = agent;
        _http = http;
        _stdio = stdio;
        _stdioRun = stdioRun;
        _stop = stop;
        _toServer = toServer;
    }

    public McpClient Agent { get; }

    public GatewayStats Stats => _http?.Stats ?? _stdio!.Stats;

    public GatewayServer? Http => _http;

    public static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    public static async Task<GatewayRig> StartAsync(AgentTransport transport, GatewayOptions options, string? agentToken = null)
    {
        if (transport == AgentTransport.Http)
        {
            GatewayServer server = await GatewayServer.StartAsync(options, Timeout());
            try
            {
                McpClient agent = await ConnectHttpAsync(server.Endpoint, agentToken);
                return new GatewayRig(agent, server, null, null, new CancellationTokenSource(), null);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }

        var toServer = new Pipe();
        var toClient = new Pipe();
        var stop = new CancellationTokenSource();
        var gateway = new GatewayStreamServer(options);
        Task run = Task.Run(() => gateway.RunAsync(toServer.Reader.AsStream(), toClient.Writer.AsStream(), stop.Token));
        McpClient client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: Timeout());
        return new GatewayRig(client, null, gateway, run, stop, toServer);
    }

    public static async Task<McpClient> ConnectHttpAsync(Uri endpoint, string? token)
    {
        var http = new HttpClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: Timeout());
    }

    public static GatewayOptions Options(SandboxServer upstream, string? upstreamToken = null) =>
        new() { Upstream = upstream.Endpoint, UpstreamToken = upstreamToken };

    public Task<CallToolResult> CallAsync(string tool, object arguments) => CallAsync(Agent, tool, arguments);

    public static async Task<CallToolResult> CallAsync(McpClient agent, string tool, object arguments)
    {
        Dictionary<string, object?> values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        return await agent.CallToolAsync(tool, values, cancellationToken: Timeout());
    }

    public async ValueTask DisposeAsync()
    {
        await Agent.DisposeAsync();
        if (_http is not null)
        {
            await _http.DisposeAsync();
        }

        if (_stdio is not null)
        {
            _stop.Cancel();
            _toServer!.Writer.Complete();
            try
            {
                await _stdioRun!.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }

            await _stdio.DisposeAsync();
        }

        _stop.Dispose();
    }
}

/// <summary>Reading tool results in assertions.</summary>
internal static class Results
{
    public static string Text(this CallToolResult result) =>
        string.Join("\n", (result.Content ?? new List<ContentBlock>()).OfType<TextContentBlock>().Select(t => t.Text));

    public static JsonElement Structured(this CallToolResult result) =>
        result.StructuredContent ?? throw new Xunit.Sdk.XunitException("No structured content in: " + result.Text());

    public static string? ErrorCode(this CallToolResult result) =>
        result.StructuredContent is JsonElement s && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    public static string[] DiagnosticIds(this CallToolResult result, string member = "diagnostics") =>
        result.Structured().GetProperty(member).EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToArray();
}
