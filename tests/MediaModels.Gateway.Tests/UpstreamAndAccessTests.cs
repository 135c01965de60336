using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>An upstream that is down or refuses the gateway, the upstream and inbound tokens, and the figures.</summary>
public sealed class UpstreamAndAccessTests
{
    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task An_upstream_that_is_down_gives_a_clear_tool_error(AgentTransport transport)
    {
        SandboxServer gone = await SandboxServer.StartAsync();
        Uri endpoint = gone.Endpoint;
        await gone.DisposeAsync();
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, new GatewayOptions { Upstream = endpoint });

        CallToolResult result = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.True(result.IsError);
        Assert.Equal("upstream_unreachable", result.ErrorCode());
        Assert.Contains($"The upstream {endpoint} could not be reached", result.Text());
        Assert.Contains("was not sent", result.Text());
        Assert.Equal(1, rig.Stats.UpstreamFailures["upstream_unreachable"]);

        ModelContextProtocol.McpException listing = await Assert.ThrowsAnyAsync<ModelContextProtocol.McpException>(
            async () => await rig.Agent.ListToolsAsync(cancellationToken: GatewayRig.Timeout()));
        Assert.Contains("could not be reached", listing.Message);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task An_upstream_answering_401_gives_a_clear_tool_error_that_does_not_show_the_token(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { Token = "right-token" });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream, upstreamToken: "wrong-token"));

        CallToolResult result = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.True(result.IsError);
        Assert.Equal("upstream_unauthorized", result.ErrorCode());
        Assert.Contains("HTTP 401", result.Text());
        Assert.Contains("--upstream-token", result.Text());
        Assert.DoesNotContain("wrong-token", result.Text());
        Assert.Equal(0, upstream.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task The_upstream_token_is_sent_as_a_bearer_token()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { Token = "right-token", JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream, upstreamToken: "right-token"));

        CallToolResult result = await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Assert.False(result.IsError == true, result.Text());
        Assert.Equal(1, upstream.Counters.GenerationsAccepted);
    }

    [Fact]
    public async Task The_inbound_token_is_enforced_on_mcp_and_stats()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        await using GatewayServer gateway = await GatewayServer.StartAsync(GatewayRig.Options(upstream) with { Token = "agent-token" }, GatewayRig.Timeout());

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => GatewayRig.ConnectHttpAsync(gateway.Endpoint, "not-it"));
        await using McpClient agent = await GatewayRig.ConnectHttpAsync(gateway.Endpoint, "agent-token");
        CallToolResult result = await GatewayRig.CallAsync(agent, "get_models", new { });
        Assert.False(result.IsError == true, result.Text());

        using var http = new HttpClient();
        Assert.Equal(401, (int)(await http.GetAsync(new Uri(gateway.BaseAddress, "stats"))).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "agent-token");
        Assert.Equal(200, (int)(await http.GetAsync(new Uri(gateway.BaseAddress, "stats"))).StatusCode);
    }

    [Fact]
    public async Task Listening_beyond_loopback_without_a_token_is_refused()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync();
        var failure = await Assert.ThrowsAsync<SandboxConfigurationException>(
            () => GatewayServer.StartAsync(GatewayRig.Options(upstream) with { Urls = new[] { "http://0.0.0.0:0" } }, GatewayRig.Timeout()));
        Assert.Contains("without a token", failure.Message);
    }

    [Fact]
    public async Task Stats_report_forwarded_refused_by_rule_and_credits()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream));
        await rig.CallAsync("generate_media", ForwardingTests.ValidImage);
        await rig.CallAsync("generate_media", new { model = "sora-2", generation_type = "text-to-video", prompt = "Waves", duration = "7s" });

        using var http = new HttpClient();
        using JsonDocument stats = JsonDocument.Parse(await http.GetStringAsync(new Uri(rig.Http!.BaseAddress, "stats")));

        JsonElement root = stats.RootElement;
        Assert.Equal(1, root.GetProperty("forwarded").GetProperty("generate_media").GetInt64());
        Assert.Equal(1, root.GetProperty("refused_calls").GetInt64());
        Assert.Equal(1, root.GetProperty("refused_by_rule").GetProperty("MM0201").GetInt64());
        Assert.Equal(0, root.GetProperty("credits_spent").GetDouble());
        Assert.StartsWith("calls forwarded: 1; refused by a rule: 1 (MM0201 1); refused by a guard: 0;", rig.Stats.ToString());
    }
}
