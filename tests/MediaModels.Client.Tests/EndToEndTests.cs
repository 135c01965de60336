using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Validation;

namespace MediaModels.Client.Tests;

/// <summary>The whole path over real transports: Streamable HTTP on a free loopback port, and stdio to the real command.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Text_to_image_completes_over_http_with_a_real_png()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        var reports = new ConcurrentQueue<GenerationProgress>();

        GenerationResult result = await client.GenerateAsync(TestKit.TextToImage(), new SyncProgress(reports.Enqueue), TestKit.Timeout());

        Assert.Equal(GenerationStatus.Completed, result.Status.Status);
        GenerationOutput output = Assert.Single(result.Outputs);
        Assert.Equal("image", output.MediaType);
        Assert.Equal((64, 36), (output.Dimensions!.Width!.Value, output.Dimensions.Height!.Value));
        Assert.Contains(reports, r => r.Status == GenerationStatus.Pending);
        Assert.Equal(GenerationStatus.Completed, reports.Last().Status);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);

        using var http = new HttpClient();
        (int width, int height) = TestKit.AssertValidPng(await http.GetByteArrayAsync(output.Url));
        Assert.Equal((64, 36), (width, height));
        TestKit.AssertValidPng(await http.GetByteArrayAsync(output.ThumbnailUrl));
        Assert.NotNull(output.OptimizedUrl);
        Assert.True(output.ExtensionData!.ContainsKey("model"), "unknown output fields are kept");
    }

    /// <summary>
    /// A stateful server that restarts has forgotten every session: the client's next call carries a session id the new
    /// server answers 404 to, so the client opens a new session and carries on, and generate_media reaches the new
    /// server exactly once.
    /// </summary>
    [Fact]
    public async Task A_lost_session_is_replaced_and_generate_media_is_sent_once()
    {
        var stateful = new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1), StatefulSessions = true };
        SandboxServer first = await SandboxServer.StartAsync(stateful);
        string authority = first.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using MediaClient client = await TestKit.ConnectAsync(first);
        Assert.NotEmpty((await client.GetModelsAsync(TestKit.Timeout())).Models);
        string session = await OpenSessionAsync(first.Endpoint);
        Assert.Equal(System.Net.HttpStatusCode.OK, await ListToolsAsync(first.Endpoint, session));
        await first.DisposeAsync();

        await using SandboxServer second = await SandboxServer.StartAsync(stateful with { Urls = new[] { authority } });
        Assert.Equal(System.Net.HttpStatusCode.NotFound, await ListToolsAsync(second.Endpoint, session));

        GenerationResult result = await client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout());

        Assert.Equal(GenerationStatus.Completed, result.Status.Status);
        Assert.Equal(1, second.Counters.GenerateMediaCalls);
        Assert.Equal(1, second.Counters.GenerationsAccepted);
        Assert.NotEmpty((await client.GetModelsAsync(TestKit.Timeout())).Models);
        Assert.Equal(2, first.Counters.SessionsOpened); // the client's, and the probe's
        Assert.True(second.Counters.UnknownSessionRequests >= 2, $"{second.Counters.UnknownSessionRequests} requests named an unknown session"); // the probe, and the client with its session from before
        Assert.Equal(1, second.Counters.SessionsOpened); // the client's new one
    }

    /// <summary>Opens a session the way a pre-2026-07-28 client does (initialize) and returns its Mcp-Session-Id.</summary>
    private static async Task<string> OpenSessionAsync(Uri endpoint)
    {
        using var http = new HttpClient();
        using HttpRequestMessage initialize = McpPost(endpoint, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"test","version":"1.0"}}}""");
        using HttpResponseMessage answer = await http.SendAsync(initialize, TestKit.Timeout());
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return Assert.Single(answer.Headers.GetValues("Mcp-Session-Id"));
    }

    private static async Task<System.Net.HttpStatusCode> ListToolsAsync(Uri endpoint, string session)
    {
        using var http = new HttpClient();
        using HttpRequestMessage list = McpPost(endpoint, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""");
        list.Headers.Add("Mcp-Session-Id", session);
        list.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using HttpResponseMessage answer = await http.SendAsync(list, TestKit.Timeout());
        return answer.StatusCode;
    }

    private static HttpRequestMessage McpPost(Uri endpoint, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    [Fact]
    public async Task Image_to_video_completes_over_http_with_a_real_mp4()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        GenerationResult result = await client.GenerateAsync(TestKit.ImageToVideo(), null, TestKit.Timeout());

        GenerationOutput output = Assert.Single(result.Outputs);
        Assert.Equal("video", output.MediaType);
        using var http = new HttpClient();
        List<string> boxes = TestKit.Mp4Boxes(await http.GetByteArrayAsync(output.Url));
        Assert.Equal("ftyp", boxes[0]);
        Assert.Contains("moov", boxes);
        Assert.Contains("mdat", boxes);
    }

    [Fact]
    public async Task Both_kinds_complete_over_stdio_with_the_real_command_and_file_urls()
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-stdio-").FullName;
        try
        {
            await using MediaClient client = await MediaClient.ConnectAsync(TestKit.Stdio("--job-seconds", "0.1", "--out-dir", folder), TestKit.Timeout());

            GenerationResult image = await client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout());
            GenerationResult video = await client.GenerateAsync(TestKit.ImageToVideo(), null, TestKit.Timeout());

            var imageUri = new Uri(image.Outputs[0].Url!);
            Assert.True(imageUri.IsFile);
            Assert.Equal((64, 36), TestKit.AssertValidPng(File.ReadAllBytes(imageUri.LocalPath)));
            var videoUri = new Uri(video.Outputs[0].Url!);
            Assert.StartsWith(Path.GetFullPath(folder), Path.GetFullPath(videoUri.LocalPath), StringComparison.Ordinal);
            Assert.Contains("moov", TestKit.Mp4Boxes(File.ReadAllBytes(videoUri.LocalPath)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Stdio_with_fail_rate_still_completes_every_job()
    {
        await using MediaClient client = await MediaClient.ConnectAsync(TestKit.Stdio("--job-seconds", "0.05", "--fail-rate", "0.3", "--seed", "7"), TestKit.Timeout());
        GenerationResult[] results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout())));
        Assert.All(results, r => Assert.Equal(GenerationStatus.Completed, r.Status.Status));
        Assert.Equal(10, results.Select(r => r.GenerationId).Distinct().Count());
    }

    [Fact]
    public async Task A_failed_generation_throws_with_the_servers_details()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(failedRate: 1);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        var failure = await Assert.ThrowsAsync<GenerationFailedException>(() => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout()));

        Assert.Equal(GenerationStatus.Failed, failure.Response.Status);
        Assert.Contains("--failed-rate", failure.Message);
        Assert.NotNull(failure.GenerationId);
    }

    [Fact]
    public async Task Cancellation_mid_poll_stops_waiting()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 600);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        using var cancel = new CancellationTokenSource();
        var polled = new TaskCompletionSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Polls >= 1)
            {
                polled.TrySetResult();
                cancel.Cancel();
            }
        });

        Task<GenerationResult> running = client.GenerateAsync(TestKit.TextToImage(), progress, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TestKit.Patience));
        Assert.True(polled.Task.IsCompleted);
        Assert.Equal(1, sandbox.Counters.GenerationsAccepted);
    }

    [Fact]
    public async Task The_wrong_token_is_refused_and_the_right_one_accepted()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(token: "s3cret");

        var refused = await Assert.ThrowsAsync<MediaUnauthorizedException>(() => TestKit.ConnectAsync(sandbox, token: "wrong"));
        Assert.Contains("401", refused.Message);
        Assert.Equal(401, refused.HttpStatus);
        await Assert.ThrowsAsync<MediaUnauthorizedException>(() => TestKit.ConnectAsync(sandbox, token: null));

        await using MediaClient client = await TestKit.ConnectAsync(sandbox, token: "s3cret");
        Assert.NotEmpty((await client.GetModelsAsync(TestKit.Timeout())).Models);
    }

    [Fact]
    public async Task An_invalid_request_never_reaches_the_server()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        var request = new GenerateMediaRequest { Model = "sora-2", Prompt = "A boat", GenerationType = "text-to-video", Duration = "8s", AspectRatio = "wide" };

        var invalid = await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.GenerateAsync(request, null, TestKit.Timeout()));

        Assert.Contains(invalid.Errors, v => v.Id == "MM0201");
        Assert.Contains(invalid.Errors, v => v.Id == "MM0203");
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task With_fail_rate_0_3_fifty_jobs_complete_and_generate_media_is_counted_exactly_fifty_times()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.1, failRate: 0.3, seed: 12345);
        var options = new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast();
        options.MaxRetryAttempts = 12;
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());

        GenerationResult[] results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout())));

        Assert.All(results, r => Assert.Equal(GenerationStatus.Completed, r.Status.Status));
        Assert.Equal(50, results.Select(r => r.GenerationId).Distinct().Count());
        Assert.Equal(50, sandbox.Counters.GenerateMediaCalls);
        Assert.Equal(50, sandbox.Counters.GenerationsAccepted);
        Assert.True(sandbox.Counters.GenerateMediaFaults > 0, "faults were injected on generate_media: " + sandbox.Counters);
        Assert.True(sandbox.Counters.FaultsInjected > sandbox.Counters.GenerateMediaFaults, "faults were injected on status calls too: " + sandbox.Counters);
    }

    [Fact]
    public async Task Estimate_and_models_work_and_estimate_is_checked_by_the_rule_engine()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 3);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        GenerationEstimateResponse estimate = await client.EstimateAsync(TestKit.ImageToVideo(), TestKit.Timeout());
        Assert.Equal(3, estimate.EstimatedTimeSeconds);

        var invalid = await Assert.ThrowsAsync<MediaRequestValidationException>(() =>
            client.EstimateAsync(new GenerationEstimateRequest { Model = "sora-2", GenerationType = "text-to-video", Parameters = new System.Text.Json.Nodes.JsonObject { ["duration"] = "8s" } }, TestKit.Timeout()));
        Assert.Contains(invalid.Errors, v => v.Id == "MM0201");
        Assert.Equal(1, sandbox.Counters.EstimateCalls);

        ModelList models = await client.GetModelsAsync(TestKit.Timeout());
        Assert.Equal(ShippedCatalog.Instance.Models.Count, models.Models.Count);
        ModelInfo seedance = models.Find("seedance-1-5-pro")!;
        Assert.Equal(new[] { "text-to-video", "image-to-video" }, seedance.GenerationTypes);
        Assert.Equal(new InputCount(2, 2), seedance.Inputs["image-to-video"].Images);
        Assert.Equal(24, models.Find("kling-3-0-motion-control-720p")!.CreditsPerSecond);
        Assert.Null(models.Find("nano-banana")!.CreditsPerSecond);
    }

    [Fact]
    public async Task Unknown_generation_id_is_a_tool_error_not_a_crash()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<MediaToolException>(() => client.GetStatusAsync("gen_nope", TestKit.Timeout()));

        Assert.Equal("not_found", error.ErrorCode);
        Assert.Contains("gen_nope", error.Message);
        Assert.NotEmpty((await client.GetModelsAsync(TestKit.Timeout())).Models);
    }
}

internal sealed class SyncProgress : IProgress<GenerationProgress>
{
    private readonly Action<GenerationProgress> _report;

    public SyncProgress(Action<GenerationProgress> report) => _report = report;

    public void Report(GenerationProgress value) => _report(value);
}
