using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace MediaModels.Client.Tests;

/// <summary>The long-running-operation handle: start, poll, wait, watch, and resume from an id alone.</summary>
public sealed class OperationTests
{
    [Fact]
    public async Task A_started_generation_is_a_handle_that_waits_for_its_outputs()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.3);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        GenerationOperation operation = await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout());

        Assert.StartsWith("gen_", operation.Id, StringComparison.Ordinal);
        Assert.Equal(GenerationStatus.Pending, operation.Status);
        Assert.False(operation.HasCompleted);
        Assert.False(operation.HasValue);
        Assert.Equal("nano-banana", operation.Model);
        Assert.Equal(0.3, operation.StartResponse!.EstimatedTimeSeconds);
        Assert.Throws<InvalidOperationException>(() => operation.Value);

        GenerationResult result = await operation.WaitForCompletionAsync(TestKit.Timeout());

        Assert.True(operation.HasCompleted);
        Assert.True(operation.HasValue);
        Assert.Same(result, operation.Value);
        Assert.Equal(operation.Id, result.GenerationId);
        Assert.Equal(GenerationStatus.Completed, operation.Status);
        Assert.Single(result.Outputs);
        Assert.Equal(operation.Polls, result.Polls);
        Assert.Equal(sandbox.Counters.StatusCalls, operation.Polls);

        // A completed operation answers from what it saw: no further status call.
        GenerationStatusResponse again = await operation.UpdateStatusAsync(TestKit.Timeout());
        Assert.Same(operation.LastResponse, again);
        Assert.Equal(operation.Polls, sandbox.Counters.StatusCalls);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task A_generation_is_resumed_by_id_from_a_second_client_after_the_first_is_gone()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.5);
        string id;
        await using (MediaClient first = await TestKit.ConnectAsync(sandbox))
        {
            GenerationOperation started = await first.StartGenerationAsync(TestKit.ImageToVideo(), TestKit.Timeout());
            id = started.Id;
        }

        await using MediaClient second = await TestKit.ConnectAsync(sandbox);
        GenerationOperation resumed = second.GetGeneration(id);
        Assert.Equal(id, resumed.Id);
        Assert.Null(resumed.Status);
        Assert.False(resumed.HasCompleted);
        Assert.Null(resumed.StartResponse);
        Assert.Empty(resumed.Warnings);
        Assert.Equal(0, sandbox.Counters.StatusCalls);

        GenerationResult result = await resumed.WaitForCompletionAsync(TestKit.Timeout());

        Assert.Equal(id, result.GenerationId);
        Assert.Equal("video", Assert.Single(result.Outputs).MediaType);
        Assert.Equal("kling-2-6-image-to-video", resumed.Model); // named by the status answer
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task Watch_yields_every_status_until_completed()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.4);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        GenerationOperation operation = await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout());

        var seen = new List<GenerationProgress>();
        await foreach (GenerationProgress progress in operation.WatchAsync(TestKit.Timeout()))
        {
            seen.Add(progress);
        }

        Assert.Equal(GenerationStatus.Completed, seen.Last().Status);
        Assert.All(seen.SkipLast(1), p => Assert.False(p.Status.IsTerminal));
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(p => p.Polls));
        Assert.Equal(sandbox.Counters.StatusCalls, seen.Count);
        Assert.All(seen, p => Assert.Equal(operation.Id, p.Response!.GenerationId));
        Assert.True(operation.HasValue);

        // Watching a completed operation yields its final status once and calls nothing.
        GenerationProgress final = Assert.Single(await ToListAsync(operation.WatchAsync(TestKit.Timeout())));
        Assert.Equal(GenerationStatus.Completed, final.Status);
        Assert.Equal(seen.Count, sandbox.Counters.StatusCalls);
    }

    [Fact]
    public async Task A_failed_generation_ends_a_watch_and_fails_a_wait()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(failedRate: 1);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        GenerationOperation watched = await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout());

        List<GenerationProgress> seen = await ToListAsync(watched.WatchAsync(TestKit.Timeout()));

        Assert.Equal(GenerationStatus.Failed, seen.Last().Status);
        Assert.True(watched.HasCompleted);
        Assert.False(watched.HasValue);
        var fromValue = Assert.Throws<GenerationFailedException>(() => watched.Value);
        Assert.Equal(watched.Id, fromValue.GenerationId);

        GenerationOperation waited = client.GetGeneration((await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout())).Id);
        var failure = await Assert.ThrowsAsync<GenerationFailedException>(() => waited.WaitForCompletionAsync(TestKit.Timeout()));
        Assert.Equal(waited.Id, failure.GenerationId);
        Assert.Equal(GenerationStatus.Failed, failure.Status);
        Assert.Contains("--failed-rate", failure.Message);
    }

    [Fact]
    public async Task Waiting_longer_than_the_generation_timeout_throws_with_the_id_to_resume()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 600);
        var options = new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast();
        options.GenerationTimeout = TimeSpan.FromMilliseconds(400);
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());
        GenerationOperation operation = await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout());

        var timedOut = await Assert.ThrowsAsync<GenerationTimeoutException>(() => operation.WaitForCompletionAsync(TestKit.Timeout()));

        Assert.Equal(operation.Id, timedOut.GenerationId);
        Assert.Contains($"GetGeneration(\"{operation.Id}\")", timedOut.Message);
        Assert.NotNull(timedOut.LastStatus);
        Assert.IsAssignableFrom<MediaModelsException>(timedOut);
        Assert.False(operation.HasCompleted);
    }

    [Fact]
    public async Task An_unknown_id_fails_on_first_use_with_not_found()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        GenerationOperation operation = client.GetGeneration("gen_nope");

        var error = await Assert.ThrowsAsync<MediaToolException>(() => operation.UpdateStatusAsync(TestKit.Timeout()));

        Assert.Equal("not_found", error.ErrorCode);
        Assert.Throws<ArgumentException>(() => client.GetGeneration(" "));
    }

    [Fact]
    public async Task Starting_through_the_handle_keeps_the_never_resend_rule()
    {
        await using var server = new FakeServer(tool => throw new McpProtocolException("boom after accepting", McpErrorCode.InternalError));
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());

        await Assert.ThrowsAsync<GenerationOutcomeUnknownException>(() => client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout()));
        await Assert.ThrowsAsync<GenerationOutcomeUnknownException>(() => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout()));

        Assert.Equal(2, server.GenerateCalls);
    }

    [Fact]
    public async Task Credentials_refused_mid_session_are_unauthorized_and_generate_media_is_not_sent()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "s3cret");
        string token = "s3cret";
        var options = new MediaClientOptions { Endpoint = sandbox.Endpoint, BearerTokenProvider = _ => new ValueTask<string?>(Volatile.Read(ref token)) }.Fast();
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());
        Volatile.Write(ref token, "expired");

        var denied = await Assert.ThrowsAsync<MediaUnauthorizedException>(() => client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout()));

        Assert.Equal(401, denied.HttpStatus);
        Assert.Contains("401", denied.Message);
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);

        Volatile.Write(ref token, "s3cret"); // rotated back: the next request picks it up
        GenerationOperation operation = await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout());
        Assert.Equal(GenerationStatus.Completed, (await operation.WaitForCompletionAsync(TestKit.Timeout())).Status.Status);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task A_token_provider_that_throws_fails_the_call_and_nothing_is_sent()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "s3cret");
        bool broken = false;
        var options = new MediaClientOptions
        {
            Endpoint = sandbox.Endpoint,
            BearerTokenProvider = _ => Volatile.Read(ref broken) ? throw new InvalidOperationException("token service down") : new ValueTask<string?>("s3cret"),
        }.Fast();
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());
        Volatile.Write(ref broken, true);

        var error = await Assert.ThrowsAsync<MediaServiceException>(() => client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout()));

        Assert.Contains("generate_media was not sent", error.Message);
        Assert.Contains("token service down", error.Message);
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task Generate_media_that_does_not_answer_in_time_is_a_timeout_without_an_id()
    {
        var slow = new TaskCompletionSource();
        await using var server = new FakeServer(tool =>
        {
            slow.Task.Wait(TimeSpan.FromSeconds(5));
            return new CallToolResult { StructuredContent = JsonDocument.Parse("""{"generation_id":"gen_late","status":"pending"}""").RootElement.Clone() };
        });
        MediaClientOptions options = server.ClientOptions();
        options.GenerationTimeout = TimeSpan.FromMilliseconds(300);
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());

        var timedOut = await Assert.ThrowsAsync<GenerationTimeoutException>(() => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout()));

        slow.SetResult();
        Assert.Null(timedOut.GenerationId);
        Assert.Contains("may or may not have started", timedOut.Message);
        Assert.Equal(1, server.GenerateCalls);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
