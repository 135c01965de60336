using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;
using ModelContextProtocol.Protocol;

namespace MediaModels.Gateway.Tests;

/// <summary>The gateway's core promise, over both agent transports, with the sandbox as the upstream counting what reaches it.</summary>
public sealed class ForwardingTests
{
    internal static readonly object ValidImage = new { model = "nano-banana", prompt = "A red car on a mountain road", aspect_ratio = "16:9" };

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task An_invalid_call_is_refused_with_rule_ids_paths_and_fixes_and_nothing_reaches_the_upstream(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        CallToolResult result = await rig.CallAsync("generate_media", new
        {
            model = "kling-2-6-image-to-video",
            prompt = "Gentle motion",
            generation_type = "image-to-video",
            source_media_urls = new[] { "https://example.com/a.jpg", "https://example.com/b.jpg" },
            duration = "7s",
        });

        Assert.True(result.IsError);
        Assert.Equal("invalid_request", result.ErrorCode());
        Assert.Equal(new[] { "MM0201", "MM0301" }, result.DiagnosticIds().OrderBy(i => i, StringComparer.Ordinal));
        string text = result.Text();
        Assert.Contains("MM0201 error at $.duration:", text);
        Assert.Contains("(fix: ", text);
        Assert.Contains("MM0301 error at $.source_media_urls", text);
        Assert.Contains("nothing was sent to the service", text);
        Assert.Equal(0, upstream.Counters.GenerateMediaCalls);
        Assert.Equal(1, rig.Stats.RefusedByRule["MM0201"]);
        Assert.Equal(1, rig.Stats.RefusedByRule["MM0301"]);
        Assert.Equal(0, rig.Stats.ForwardedCalls);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task An_unknown_model_id_is_refused_with_the_nearest_id_as_the_fix(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        CallToolResult result = await rig.CallAsync("generate_media", new { model = "nano-bananna", prompt = "A red car" });

        Assert.True(result.IsError);
        JsonElement diagnostic = Assert.Single(result.Structured().GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("MM0001", diagnostic.GetProperty("id").GetString());
        Assert.Equal("$.model", diagnostic.GetProperty("path").GetString());
        Assert.Equal("nano-banana", diagnostic.GetProperty("suggestion").GetString());
        Assert.Contains("(fix: nano-banana)", result.Text());
        Assert.Equal(0, upstream.Counters.GenerateMediaCalls);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task A_valid_call_is_forwarded_once_and_followed_to_completion_through_get_generation_status(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.2) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        CallToolResult started = await rig.CallAsync("generate_media", ValidImage);

        Assert.False(started.IsError == true, started.Text());
        string id = started.Structured().GetProperty("generation_id").GetString()!;
        string status = "pending";
        JsonElement last = default;
        for (int poll = 0; poll < 200 && status is not ("completed" or "failed"); poll++)
        {
            await Task.Delay(50);
            CallToolResult polled = await rig.CallAsync("get_generation_status", new { generation_id = id });
            Assert.False(polled.IsError == true, polled.Text());
            last = polled.Structured();
            status = last.GetProperty("status").GetString()!;
        }

        Assert.Equal("completed", status);
        Assert.StartsWith(upstream.BaseAddress + "files/", last.GetProperty("outputs")[0].GetProperty("url").GetString());
        Assert.Equal(1, upstream.Counters.GenerateMediaCalls);
        Assert.Equal(1, upstream.Counters.GenerationsAccepted);
        Assert.Equal(1, rig.Stats.Forwarded["generate_media"]);
        Assert.Equal(0, rig.Stats.RefusedCalls);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task Warnings_are_forwarded_and_appended_to_the_upstreams_answer(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        CallToolResult result = await rig.CallAsync("generate_media", new { model = "nano-banana", prompt = "A red car", sound = true });

        Assert.False(result.IsError == true, result.Text());
        Assert.StartsWith("gen_", result.Structured().GetProperty("generation_id").GetString());
        Assert.Equal(new[] { "MM0101" }, result.DiagnosticIds(ToolGateway.WarningsMember));
        Assert.Contains("MediaModels gateway: the request was sent with 1 warning:\nMM0101 warning at $.sound:", result.Text());
        Assert.Equal(1, upstream.Counters.GenerationsAccepted);
    }

    [Theory]
    [MemberData(nameof(GatewayRig.Transports), MemberType = typeof(GatewayRig))]
    public async Task An_estimate_is_checked_like_generate_media(AgentTransport transport)
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(transport, GatewayRig.Options(upstream));

        CallToolResult refused = await rig.CallAsync("get_generation_estimate", new { model = "sora-2", generation_type = "text-to-video", parameters = new { duration = "7s" } });
        CallToolResult answered = await rig.CallAsync("get_generation_estimate", new { model = "sora-2", generation_type = "text-to-video", parameters = new { duration = "10s" } });

        Assert.True(refused.IsError);
        Assert.Equal(new[] { "MM0201" }, refused.DiagnosticIds());
        Assert.False(answered.IsError == true, answered.Text());
        Assert.Equal("sora-2", answered.Structured().GetProperty("model").GetString());
        Assert.Equal(1, upstream.Counters.EstimateCalls);
    }

    [Fact]
    public async Task With_injected_upstream_faults_no_generate_media_reaches_the_upstream_twice()
    {
        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1), FailRate = 0.5, RandomSeed = 11 });
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream));

        var results = new List<CallToolResult>();
        for (int i = 0; i < 20; i++)
        {
            results.Add(await rig.CallAsync("generate_media", ValidImage));
        }

        CallToolResult[] accepted = results.Where(r => r.IsError != true).ToArray();
        CallToolResult[] failed = results.Where(r => r.IsError == true).ToArray();
        Assert.NotEmpty(accepted);
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Equal("upstream_not_accepted", r.ErrorCode()));
        Assert.All(failed, r => Assert.Contains("may be sent again", r.Text()));

        // Each agent call was sent once: it either reached the tool or met an injected fault, never both, never twice.
        Assert.Equal(20, rig.Stats.Forwarded["generate_media"]);
        Assert.Equal(20, upstream.Counters.GenerateMediaCalls + upstream.Counters.GenerateMediaFaults);
        Assert.Equal(accepted.Length, upstream.Counters.GenerationsAccepted);
        Assert.Equal(accepted.Length, accepted.Select(r => r.Structured().GetProperty("generation_id").GetString()).Distinct().Count());
    }
}
