using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace MediaModels.Gateway.Tests;

/// <summary>The rules where the agent looks: tool descriptions, <c>get_models</c>, and tools the gateway does not know.</summary>
public sealed class CatalogInToolsTests
{
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public CatalogInToolsTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task The_listed_descriptions_carry_the_rule_table_and_other_tools_are_unchanged(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        await using McpClient direct = await GatewayRig.ConnectHttpAsync(upstream.Endpoint, null);
        IList<McpClientTool> original = await direct.ListToolsAsync(cancellationToken: GatewayRig.Timeout());
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        IList<McpClientTool> tools = await rig.Agent.ListToolsAsync(cancellationToken: GatewayRig.Timeout());

        Assert.Equal(original.Select(t => t.Name), tools.Select(t => t.Name));
        string generate = tools.Single(t => t.Name == "generate_media").Description;
        string table = RuleTable.Render(ShippedCatalog.Instance, RuleDescription.Compact)!;
        Assert.Equal(original.Single(t => t.Name == "generate_media").Description + "\n\n" + table, generate);
        string sora = generate.Split('\n').Single(l => l.StartsWith("sora-2 (video): ", StringComparison.Ordinal));
        Assert.Equal("sora-2 (video): text-to-video, image-to-video [exactly 1 image]; prompt limit 5,000 characters; duration 10s, 15s", sora);
        Assert.Contains("same model rules as generate_media", tools.Single(t => t.Name == "get_generation_estimate").Description);
        Assert.Equal(original.Single(t => t.Name == "get_generation_status").Description, tools.Single(t => t.Name == "get_generation_status").Description);
        Assert.Equal(
            original.Single(t => t.Name == "generate_media").JsonSchema.GetRawText(),
            tools.Single(t => t.Name == "generate_media").JsonSchema.GetRawText());
    }

    [Fact]
    public void The_compact_table_has_one_line_per_model_leaves_ignored_parameters_out_and_stays_small()
    {
        ModelCatalog catalog = ShippedCatalog.Instance;
        string table = RuleTable.Render(catalog, RuleDescription.Compact)!;
        string[] lines = table.Split('\n');

        Assert.Equal(catalog.Models.Count + 1, lines.Length);
        string full = RuleTable.Render(catalog, RuleDescription.Full)!;
        _output.WriteLine($"Rule table for {catalog.Models.Count} models: compact {table.Length} characters, full {full.Length}.");
        Assert.True(table.Length < 6_000, $"The compact table is {table.Length} characters.");
        string nanoBanana = lines.Single(l => l.StartsWith("nano-banana (", StringComparison.Ordinal));
        Assert.DoesNotContain("sound", nanoBanana);
        Assert.True(full.Length > table.Length);
        Assert.Null(RuleTable.Render(catalog, RuleDescription.None));

        // An open list of qualities says so, since the heading says a value outside a list is refused.
        Assert.Contains("; quality basic, high (other API values accepted)", lines.Single(l => l.StartsWith("5-lite-text-to-image (", StringComparison.Ordinal)));

        // Every value written comes from the fact sheet.
        ModelFactSheet sora = ModelFactSheet.Of(catalog.Find("sora-2")!, catalog.Defaults);
        Assert.Contains("duration " + sora.Find(FactSubject.Duration)!.Value, lines.Single(l => l.StartsWith("sora-2 (", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Describe_none_lists_the_upstreams_descriptions_unchanged()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        await using McpClient direct = await GatewayRig.ConnectHttpAsync(upstream.Endpoint, null);
        IList<McpClientTool> original = await direct.ListToolsAsync(cancellationToken: GatewayRig.Timeout());
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream) with { Describe = RuleDescription.None });

        IList<McpClientTool> tools = await rig.Agent.ListToolsAsync(cancellationToken: GatewayRig.Timeout());

        Assert.Equal(original.Select(t => t.Description), tools.Select(t => t.Description));
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task Get_models_is_annotated_and_a_model_the_catalog_lacks_is_passed_through_logged_and_counted(AgentTransport transport)
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-gateway-").FullName;
        try
        {
            string overlay = Path.Combine(folder, "newer.yaml");
            File.WriteAllText(overlay, """
                models:
                  - id: wan-3-0
                    media: video
                    generation_types:
                      text-to-video:
                """);
            await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { CatalogPaths = new[] { overlay } });
            var logs = new ListLogger();
            using ILoggerFactory logging = LoggerFactory.Create(b => b.AddProvider(logs));
            await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream) with { LoggerFactory = logging });

            CallToolResult result = await rig.CallAsync("get_models", new { });

            JsonElement[] models = result.Structured().GetProperty("models").EnumerateArray().ToArray();
            JsonElement sora = models.Single(m => m.GetProperty("id").GetString() == "sora-2");
            string[] rules = sora.GetProperty(ModelsAnnotation.Member).EnumerateArray().Select(r => r.GetString()!).ToArray();
            Assert.Contains("duration: 10s, 15s", rules);
            Assert.Contains("sound: ignored", rules);
            JsonElement newer = models.Single(m => m.GetProperty("id").GetString() == "wan-3-0");
            Assert.False(newer.TryGetProperty(ModelsAnnotation.Member, out _));
            Assert.Equal("video", newer.GetProperty("media_type").GetString());
            Assert.Contains("\"catalog_rules\"", result.Text());
            Assert.Equal(new[] { "wan-3-0" }, rig.Stats.UnknownModels);
            Assert.Contains(logs.Messages, m => m.Contains("wan-3-0", StringComparison.Ordinal) && m.Contains("catalog lacks", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task A_tool_the_gateway_does_not_know_is_passed_through_unchanged(AgentTransport transport)
    {
        await using EchoUpstream upstream = await EchoUpstream.StartAsync();
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, new GatewayOptions { Upstream = upstream.Endpoint });

        IList<McpClientTool> tools = await rig.Agent.ListToolsAsync(cancellationToken: GatewayRig.Timeout());
        CallToolResult echoed = await rig.CallAsync("echo", new { text = "hello" });

        McpClientTool echo = tools.Single(t => t.Name == "echo");
        Assert.Equal("Repeats the text.", echo.Description);
        Assert.Equal("echo: hello", echoed.Text());
        Assert.Equal(1, rig.Stats.Forwarded["echo"]);
    }

    /// <summary>An upstream with one tool the gateway knows nothing about.</summary>
    private sealed class EchoUpstream : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EchoUpstream(WebApplication app, Uri endpoint)
        {
            _app = app;
            Endpoint = endpoint;
        }

        public Uri Endpoint { get; }

        public static async Task<EchoUpstream> StartAsync()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddMcpServer().WithHttpTransport().WithTools(new[]
            {
                McpServerTool.Create((string text) => "echo: " + text, new McpServerToolCreateOptions { Name = "echo", Description = "Repeats the text." }),
            });
            WebApplication app = builder.Build();
            app.MapMcp("/mcp");
            await app.StartAsync();
            return new EchoUpstream(app, new Uri(app.Urls.First() + "/mcp"));
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Keeps every log message.</summary>
internal sealed class ListLogger : ILoggerProvider, ILogger
{
    private readonly List<string> _messages = new();

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
