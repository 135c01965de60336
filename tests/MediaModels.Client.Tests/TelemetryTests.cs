using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Validation;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace MediaModels.Client.Tests;

/// <summary>The spans and metrics a generation leaves, seen through an <see cref="ActivityListener"/> and a <see cref="MeterListener"/>.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_generation_is_one_span_with_a_child_span_per_tool_call()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.2);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        using var spans = new SpanRecorder();

        GenerationResult result;
        using (spans.StartRoot())
        {
            result = await client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout());
        }

        Activity generation = Assert.Single(spans.Mine, a => a.OperationName == "generate_media nano-banana");
        Assert.Equal(ActivityKind.Internal, generation.Kind);
        Assert.Equal("MediaModels.Client", generation.Source.Name);
        Assert.Equal("nano-banana", generation.GetTagItem("mediamodels.model"));
        Assert.Equal("text-to-image", generation.GetTagItem("mediamodels.generation.type"));
        Assert.Equal(result.GenerationId, generation.GetTagItem("mediamodels.generation.id"));
        Assert.Equal("completed", generation.GetTagItem("mediamodels.generation.status"));
        Assert.Equal(result.Polls, generation.GetTagItem("mediamodels.generation.polls"));
        Assert.Equal(1, generation.GetTagItem("mediamodels.generation.outputs"));
        Assert.Equal(0.2, generation.GetTagItem("mediamodels.generation.estimated_seconds"));
        Assert.Equal(ActivityStatusCode.Unset, generation.Status);

        Activity[] calls = spans.Mine.Where(a => a.ParentSpanId == generation.SpanId).ToArray();
        Assert.Equal(1 + result.Polls, calls.Length);
        Assert.All(calls, c => Assert.Equal((ActivityKind.Client, "tools/call"), (c.Kind, c.GetTagItem("mcp.method.name"))));
        Assert.Equal("generate_media", calls.OrderBy(c => c.StartTimeUtc).First().GetTagItem("gen_ai.tool.name"));
        Assert.Equal(result.Polls, calls.Count(c => c.OperationName == "tools/call get_generation_status"));
    }

    [Fact]
    public async Task Credits_are_on_the_span_when_the_service_estimates_them()
    {
        await using var server = new FakeServer(tool => new CallToolResult
        {
            StructuredContent = JsonDocument.Parse(tool == "generate_media"
                ? """{"generation_id":"gen_c","status":"pending","estimated_time_seconds":0.05,"estimated_cost_credits":12.5}"""
                : """{"generation_id":"gen_c","status":"completed","outputs":[{"url":"https://cdn.example/c.png","media_type":"image"}]}""").RootElement.Clone(),
        });
        await using MediaClient client = await MediaClient.ConnectAsync(server.ClientOptions(), TestKit.Timeout());
        using var spans = new SpanRecorder();

        using (spans.StartRoot())
        {
            await client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout());
        }

        Activity generation = Assert.Single(spans.Mine, a => a.OperationName.StartsWith("generate_media", StringComparison.Ordinal));
        Assert.Equal(12.5, generation.GetTagItem("mediamodels.generation.estimated_credits"));
    }

    [Fact]
    public async Task Failed_and_refused_generations_mark_their_spans()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(failedRate: 1);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        using var spans = new SpanRecorder();

        using (spans.StartRoot())
        {
            await Assert.ThrowsAsync<GenerationFailedException>(() => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout()));
            await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.GenerateAsync(new GenerateMediaRequest { Model = "sora-2", Prompt = "A boat", GenerationType = "text-to-video", Duration = "8s" }, null, TestKit.Timeout()));
        }

        Activity failed = Assert.Single(spans.Mine, a => a.OperationName == "generate_media nano-banana");
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal(typeof(GenerationFailedException).FullName, failed.GetTagItem("error.type"));
        Assert.Equal("failed", failed.GetTagItem("mediamodels.generation.status"));
        Activity refused = Assert.Single(spans.Mine, a => a.OperationName == "generate_media sora-2");
        Assert.Equal(ActivityStatusCode.Error, refused.Status);
        Assert.Equal(typeof(MediaRequestValidationException).FullName, refused.GetTagItem("error.type"));
        Assert.Equal("MM0201", refused.GetTagItem("mediamodels.rule.ids"));
        Assert.DoesNotContain(spans.Mine, a => a.ParentSpanId == refused.SpanId); // nothing was sent
    }

    [Fact]
    public async Task Retries_are_events_on_the_tool_call_span()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.05, failRate: 0.5, seed: 11);
        var options = new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast();
        options.MaxRetryAttempts = 20;
        await using MediaClient client = await MediaClient.ConnectAsync(options, TestKit.Timeout());
        using var spans = new SpanRecorder();

        using (spans.StartRoot())
        {
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout())));
        }

        ActivityEvent[] retries = spans.Mine.Where(a => a.OperationName.StartsWith("tools/call", StringComparison.Ordinal)).SelectMany(a => a.Events).Where(e => e.Name == "mediamodels.retry").ToArray();
        Assert.NotEmpty(retries);
        Assert.All(retries, e => Assert.NotNull(e.Tags.Single(t => t.Key == "error.type").Value));
    }

    [Fact]
    public async Task Waiting_on_a_resumed_generation_is_a_wait_span_with_its_tool_calls()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.2);
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        string id = (await client.StartGenerationAsync(TestKit.TextToImage(), TestKit.Timeout())).Id;
        using var spans = new SpanRecorder();

        using (spans.StartRoot())
        {
            await client.GetGeneration(id).WaitForCompletionAsync(TestKit.Timeout());
        }

        Activity wait = Assert.Single(spans.Mine, a => a.OperationName == "wait_generation");
        Assert.Equal(id, wait.GetTagItem("mediamodels.generation.id"));
        Assert.Equal("completed", wait.GetTagItem("mediamodels.generation.status"));
        Assert.All(spans.Mine.Where(a => a.ParentSpanId == wait.SpanId), c => Assert.Equal("tools/call get_generation_status", c.OperationName));
    }

    [Fact]
    public async Task Metrics_count_started_completed_failed_and_refused_and_record_time_and_status_calls()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync(jobSeconds: 0.1);
        await using SandboxServer failing = await TestKit.StartHttpAsync(failedRate: 1);
        await using ServiceProvider good = Provider(sandbox);
        await using ServiceProvider bad = Provider(failing);
        using var metrics = new MetricRecorder(good.GetRequiredService<IMeterFactory>(), bad.GetRequiredService<IMeterFactory>());

        IMediaClient client = good.GetRequiredService<IMediaClient>();
        GenerationResult[] done = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout())));
        await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.GenerateAsync(new GenerateMediaRequest { Model = "sora-2", Prompt = "A boat", GenerationType = "text-to-video", Duration = "8s" }, null, TestKit.Timeout()));
        await Assert.ThrowsAsync<GenerationFailedException>(() => bad.GetRequiredService<IMediaClient>().GenerateAsync(TestKit.TextToImage(), null, TestKit.Timeout()));

        Assert.Equal(3, metrics.Sum("mediamodels.client.generations.started"));
        Assert.Equal(2, metrics.Sum("mediamodels.client.generations.completed"));
        Assert.Equal(1, metrics.Sum("mediamodels.client.generations.failed"));
        Assert.Equal(1, metrics.Sum("mediamodels.client.generations.refused"));
        Measurement refused = Assert.Single(metrics.Of("mediamodels.client.generations.refused"));
        Assert.Equal(("sora-2", "client"), (refused.Tags["mediamodels.model"], refused.Tags["mediamodels.refused_by"]));
        Measurement failed = Assert.Single(metrics.Of("mediamodels.client.generations.failed"));
        Assert.Equal(typeof(GenerationFailedException).FullName, failed.Tags["error.type"]);
        Assert.All(metrics.Of("mediamodels.client.generations.completed"), m => Assert.Equal(("nano-banana", "text-to-image"), (m.Tags["mediamodels.model"], m.Tags["mediamodels.generation.type"])));

        Measurement[] durations = metrics.Of("mediamodels.client.generation.duration");
        Assert.Equal(3, durations.Length);
        Assert.All(durations, d => Assert.InRange(d.Value, 0.05, TestKit.Patience.TotalSeconds));
        Assert.Equal(new[] { "completed", "completed", "failed" }, durations.Select(d => (string)d.Tags["mediamodels.generation.status"]!).OrderBy(s => s));
        Measurement[] statusCalls = metrics.Of("mediamodels.client.generation.status_calls");
        Assert.Equal(done.Select(r => (double)r.Polls).Order(), statusCalls.Where(s => (string)s.Tags["mediamodels.generation.status"]! == "completed").Select(s => s.Value).Order());
        Assert.Equal(sandbox.Counters.StatusCalls + failing.Counters.StatusCalls, (int)statusCalls.Sum(s => s.Value));
    }

    private static ServiceProvider Provider(SandboxServer sandbox)
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddMediaModelsClient(o => { o.Endpoint = sandbox.Endpoint; o.Fast(); });
        return services.BuildServiceProvider();
    }

    /// <summary>Records the client's spans that belong to the trace this test starts (other tests run in parallel).</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private static readonly ActivitySource Tests = new("MediaModels.Client.Tests");
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();
        private ActivityTraceId _trace;

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name is MediaClientTelemetry.ActivitySourceName or "MediaModels.Client.Tests",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _stopped.Enqueue,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Mine => _stopped.Where(a => a.TraceId == _trace && a.Source.Name == MediaClientTelemetry.ActivitySourceName).ToArray();

        public Activity StartRoot()
        {
            Activity root = Tests.StartActivity("test")!;
            _trace = root.TraceId;
            return root;
        }

        public void Dispose() => _listener.Dispose();
    }

    private sealed record Measurement(double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>Records the measurements of the meters made by the given factories only.</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, Measurement Measurement)> _measurements = new();

        public MetricRecorder(params IMeterFactory[] factories)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MediaClientTelemetry.MeterName && factories.Contains(instrument.Meter.Scope))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _listener.Start();
        }

        public Measurement[] Of(string name) => _measurements.Where(m => m.Name == name).Select(m => m.Measurement).ToArray();

        public double Sum(string name) => Of(name).Sum(m => m.Value);

        public void Dispose() => _listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            _measurements.Enqueue((instrument.Name, new Measurement(value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
    }
}
