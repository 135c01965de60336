using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Validation;
using Microsoft.Extensions.Logging;

namespace MediaModels.Client.Tests;

/// <summary>The client's own log messages: stable event ids, sensible levels, and no prompt or token above Trace.</summary>
public sealed class LoggingTests
{
    private const string Category = "MediaModels.Client.MediaClient";
    private const string Prompt = "A lighthouse keeper's secret 7f3a9c on a stormy night";
    private const string Token = "tok-5b8e41d2";

    [Fact]
    public async Task A_generation_logs_its_start_each_poll_and_its_completion_under_stable_event_ids()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: Token);
        var logs = new CapturingLoggerProvider();
        await using var client = new MediaClient(new MediaClientOptions { Endpoint = sandbox.Endpoint, BearerToken = Token }.Fast(), logs);

        GenerationResult result = await client.GenerateAsync(Request(), null, TestKit.Timeout());

        IReadOnlyList<LogEntry> mine = logs.Of(Category);
        Assert.Contains(mine, e => e.EventId.Id == 9 && e.EventId.Name == "Connected" && e.Level == LogLevel.Debug);
        LogEntry started = Assert.Single(mine, e => e.EventId.Id == 2);
        Assert.Equal(("GenerationStarted", LogLevel.Information), (started.EventId.Name, started.Level));
        Assert.Equal(result.GenerationId, Value(started, "GenerationId"));
        Assert.Equal("nano-banana", Value(started, "Model"));
        Assert.Equal("text-to-image", Value(started, "GenerationType"));
        Assert.NotNull(Value(started, "EstimatedSeconds"));
        LogEntry[] polls = mine.Where(e => e.EventId.Id == 3).ToArray();
        Assert.Equal(result.Polls, polls.Length);
        Assert.All(polls, p => Assert.Equal((LogLevel.Debug, "StatusPolled"), (p.Level, p.EventId.Name)));
        Assert.Equal("completed", Value(polls.Last(), "Status"));
        LogEntry completed = Assert.Single(mine, e => e.EventId.Id == 4);
        Assert.Equal(("GenerationCompleted", LogLevel.Information, 1), (completed.EventId.Name, completed.Level, Value(completed, "OutputCount")));

        // The prompt is logged, but only at Trace (which proves the capture sees it when it is there).
        Assert.Contains(mine, e => e.Level == LogLevel.Trace && e.EventId.Id == 14 && e.Message.Contains(Prompt, StringComparison.Ordinal));
        AssertNoSecrets(logs);
    }

    [Fact]
    public async Task A_request_refused_locally_is_a_warning_naming_the_rule_ids_and_not_the_prompt()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        var logs = new CapturingLoggerProvider();
        await using var client = new MediaClient(new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast(), logs);
        var request = new GenerateMediaRequest { Model = "sora-2", Prompt = Prompt, GenerationType = "text-to-video", Duration = "8s", AspectRatio = "wide" };

        await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.GenerateAsync(request, null, TestKit.Timeout()));

        LogEntry refused = Assert.Single(logs.Of(Category), e => e.EventId.Id == 1);
        Assert.Equal(("RequestRefused", LogLevel.Warning), (refused.EventId.Name, refused.Level));
        Assert.Equal("MM0201,MM0203", Value(refused, "RuleIds"));
        Assert.Equal("sora-2", Value(refused, "Model"));
        AssertNoSecrets(logs);
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task A_failed_generation_is_logged_at_information_with_the_services_reason()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(failedRate: 1);
        var logs = new CapturingLoggerProvider();
        await using var client = new MediaClient(new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast(), logs);

        var failure = await Assert.ThrowsAsync<GenerationFailedException>(() => client.GenerateAsync(Request(), null, TestKit.Timeout()));

        LogEntry failed = Assert.Single(logs.Of(Category), e => e.EventId.Id == 5);
        Assert.Equal(("GenerationFailed", LogLevel.Information), (failed.EventId.Name, failed.Level));
        Assert.Equal(failure.GenerationId, Value(failed, "GenerationId"));
        Assert.Contains("--failed-rate", failed.Message);
        Assert.DoesNotContain(logs.Of(Category), e => e.EventId.Id == 4);
        AssertNoSecrets(logs);
    }

    [Fact]
    public async Task Retries_are_warnings_naming_the_tool_and_the_attempt()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.05, failRate: 0.5, seed: 3);
        var logs = new CapturingLoggerProvider();
        var options = new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast();
        options.MaxRetryAttempts = 20;
        await using var client = new MediaClient(options, logs);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GenerateAsync(Request(), null, TestKit.Timeout())));

        LogEntry[] retries = logs.Of(Category).Where(e => e.EventId.Id == 7).ToArray();
        Assert.NotEmpty(retries);
        Assert.All(retries, r => Assert.Equal((LogLevel.Warning, "RetryingCall"), (r.Level, r.EventId.Name)));
        Assert.All(retries, r => Assert.Contains(Value(r, "Tool"), new object?[] { "connect", "generate_media", "get_generation_status" }));
        Assert.All(retries, r => Assert.Equal(20, Value(r, "MaxAttempts")));
        Assert.True(sandbox.Counters.FaultsInjected >= retries.Length, $"{retries.Length} retries logged, {sandbox.Counters.FaultsInjected} faults injected");
        AssertNoSecrets(logs);
    }

    [Fact]
    public async Task A_lost_session_is_logged_as_a_reconnect_warning()
    {
        var stateful = new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1), StatefulSessions = true };
        SandboxServer first = await SandboxServer.StartAsync(stateful);
        string authority = first.BaseAddress.GetLeftPart(UriPartial.Authority);
        var logs = new CapturingLoggerProvider();
        await using var client = new MediaClient(new MediaClientOptions { Endpoint = first.Endpoint }.Fast(), logs);
        Assert.NotEmpty((await client.GetModelsAsync(TestKit.Timeout())).Models);
        await first.DisposeAsync();
        await using SandboxServer second = await SandboxServer.StartAsync(stateful with { Urls = new[] { authority } });

        await client.GenerateAsync(Request(), null, TestKit.Timeout());

        LogEntry reconnect = Assert.Single(logs.Of(Category), e => e.EventId.Id == 8);
        Assert.Equal(("Reconnecting", LogLevel.Warning), (reconnect.EventId.Name, reconnect.Level));
        Assert.Equal(first.Endpoint.ToString(), Value(reconnect, "Endpoint"));
        Assert.Equal(2, logs.Of(Category).Count(e => e.EventId.Id == 9));
    }

    [Fact]
    public async Task Refused_credentials_are_logged_with_the_status_and_never_the_token()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "the-right-one");
        var logs = new CapturingLoggerProvider();
        var client = new MediaClient(new MediaClientOptions { Endpoint = sandbox.Endpoint, BearerToken = Token }.Fast(), logs);

        var denied = await Assert.ThrowsAsync<MediaUnauthorizedException>(() => client.GenerateAsync(Request(), null, TestKit.Timeout()));

        Assert.Equal(401, denied.HttpStatus);
        LogEntry entry = Assert.Single(logs.Of(Category), e => e.EventId.Id == 12);
        Assert.Equal(("Unauthorized", LogLevel.Warning, 401), (entry.EventId.Name, entry.Level, Value(entry, "HttpStatus")));
        AssertNoSecrets(logs);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
        await client.DisposeAsync();
    }

    private static GenerateMediaRequest Request() => new() { Model = "nano-banana", Prompt = Prompt, AspectRatio = "16:9" };

    private static object? Value(LogEntry entry, string name) => entry.State.Single(kv => kv.Key == name).Value;

    /// <summary>Every category (the client's and the MCP SDK's): no token at any level, no prompt above Trace.</summary>
    private static void AssertNoSecrets(CapturingLoggerProvider logs)
    {
        foreach (LogEntry entry in logs.Entries)
        {
            Assert.DoesNotContain(Token, entry.Message, StringComparison.Ordinal);
            if (entry.Level > LogLevel.Trace)
            {
                Assert.False(entry.Message.Contains("secret 7f3a9c", StringComparison.Ordinal), $"{entry.Category} {entry.Level} {entry.EventId}: {entry.Message}");
            }
        }
    }
}
