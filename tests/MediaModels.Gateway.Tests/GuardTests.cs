using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>Budget, concurrency and rate limits, each a tool error with nothing sent.</summary>
public sealed class GuardTests
{
    private const string PricedOverlay = """
        models:
          - id: priced-video
            media: video
            generation_types:
              text-to-video:
            duration:
              values: [5s, 10s]
            pricing:
              credits_per_second: 10
        """;

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task The_budget_refuses_a_generation_whose_estimate_exceeds_the_credits_left(AgentTransport transport)
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-gateway-").FullName;
        try
        {
            string overlay = Path.Combine(folder, "priced.yaml");
            File.WriteAllText(overlay, PricedOverlay);
            await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { CatalogPaths = new[] { overlay } });
            await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream) with { CatalogPaths = new[] { overlay }, MaxCredits = 120 });

            CallToolResult first = await rig.CallAsync("generate_media", new { model = "priced-video", generation_type = "text-to-video", prompt = "Waves", duration = "10s" });
            CallToolResult second = await rig.CallAsync("generate_media", new { model = "priced-video", generation_type = "text-to-video", prompt = "Waves", duration = "5s" });

            Assert.False(first.IsError == true, first.Text());
            Assert.Equal(100, first.Structured().GetProperty("estimated_cost_credits").GetDouble());
            Assert.True(second.IsError);
            Assert.Equal("budget_exceeded", second.ErrorCode());
            Assert.Contains("estimated at 50 credits, and 20 of the gateway's 120 credits are left", second.Text());
            Assert.Equal(1, upstream.Counters.GenerateMediaCalls);
            Assert.Equal(100, rig.Stats.CreditsSpent);
            Assert.Equal(50, rig.Stats.CreditsNotSpent);
            Assert.Equal(1, rig.Stats.Guarded["budget"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Credits_not_spent_counts_the_price_of_calls_refused_by_a_rule()
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-gateway-").FullName;
        try
        {
            string overlay = Path.Combine(folder, "priced.yaml");
            File.WriteAllText(overlay, PricedOverlay);
            await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { CatalogPaths = new[] { overlay } });
            await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream) with { CatalogPaths = new[] { overlay } });

            CallToolResult refused = await rig.CallAsync("generate_media", new { model = "priced-video", generation_type = "text-to-video", prompt = "", duration = "10s" });

            Assert.Equal(new[] { "MM0003" }, refused.DiagnosticIds());
            Assert.Equal(100, rig.Stats.CreditsNotSpent);
            Assert.Equal(0, rig.Stats.CreditsSpent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task The_concurrency_limit_refuses_calls_beyond_it_while_they_are_in_flight(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { Latency = TimeSpan.FromMilliseconds(1500) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream) with { MaxConcurrent = 1 });

        CallToolResult[] results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => rig.CallAsync("get_models", new { })));

        CallToolResult[] refused = results.Where(r => r.IsError == true).ToArray();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("too_many_concurrent_calls", r.ErrorCode()));
        Assert.All(refused, r => Assert.Contains("--max-concurrent", r.Text()));
        Assert.Equal(3 - refused.Length, upstream.Counters.ModelsCalls);
        Assert.Equal(refused.Length, rig.Stats.Guarded["concurrency"]);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task The_rate_limit_refuses_a_client_beyond_its_calls_per_minute(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream) with { RateLimitPerMinute = 2 });

        CallToolResult[] results = new CallToolResult[3];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = await rig.CallAsync("get_models", new { });
        }

        Assert.False(results[0].IsError == true);
        Assert.False(results[1].IsError == true);
        Assert.True(results[2].IsError);
        Assert.Equal("rate_limited", results[2].ErrorCode());
        Assert.Contains("2 tool calls per minute", results[2].Text());
        Assert.Equal(2, upstream.Counters.ModelsCalls);
    }

    [Fact]
    public void A_limit_that_is_not_positive_is_refused_when_the_gateway_is_created()
    {
        var upstream = new Uri("http://127.0.0.1:9/mcp");
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayStreamServer(new GatewayOptions { Upstream = upstream, MaxCredits = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayStreamServer(new GatewayOptions { Upstream = upstream, MaxConcurrent = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayStreamServer(new GatewayOptions { Upstream = upstream, RateLimitPerMinute = -1 }));
    }

    [Fact]
    public async Task The_rate_limit_counts_each_client_apart()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        await using GatewayServer gateway = await GatewayServer.StartAsync(GatewayRig.Options(upstream) with { RateLimitPerMinute = 1 }, GatewayRig.Timeout());
        await using ModelContextProtocol.Client.McpClient first = await Agent(gateway, "agent-a");
        await using ModelContextProtocol.Client.McpClient second = await Agent(gateway, "agent-b");

        CallToolResult a1 = await GatewayRig.CallAsync(first, "get_models", new { });
        CallToolResult a2 = await GatewayRig.CallAsync(first, "get_models", new { });
        CallToolResult b1 = await GatewayRig.CallAsync(second, "get_models", new { });

        Assert.False(a1.IsError == true, a1.Text());
        Assert.Equal("rate_limited", a2.ErrorCode());
        Assert.False(b1.IsError == true, b1.Text());

        static Task<ModelContextProtocol.Client.McpClient> Agent(GatewayServer gateway, string name) =>
            ModelContextProtocol.Client.McpClient.CreateAsync(
                new ModelContextProtocol.Client.HttpClientTransport(new ModelContextProtocol.Client.HttpClientTransportOptions { Endpoint = gateway.Endpoint }),
                new ModelContextProtocol.Client.McpClientOptions { ClientInfo = new Implementation { Name = name, Version = "1.0" } },
                cancellationToken: GatewayRig.Timeout());
    }
}
