using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using MediaModels.Sandbox.Gateway;

namespace MediaModels.Gateway.Tests;

/// <summary>Spans and metrics on <c>MediaModels.Gateway</c>.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task A_refused_and_a_forwarded_call_are_recorded_as_spans_and_counters()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GatewayTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument.Name, value, tags));
        meters.Start();

        await using SandboxServer upstream = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(0.1) });
        await using GatewayRig rig = await GatewayRig.StartAsync(AgentTransport.Http, GatewayRig.Options(upstream));
        string marker = "telemetry-" + Guid.NewGuid().ToString("N");
        await rig.CallAsync("generate_media", new { model = "sora-2", generation_type = "text-to-video", prompt = marker, duration = "7s" });
        await rig.CallAsync("generate_media", ForwardingTests.ValidImage);

        Activity[] calls;
        lock (spans)
        {
            calls = spans.Where(s => s.DisplayName == "tools/call generate_media").ToArray();
        }

        Assert.Contains(calls, s => (string?)s.GetTagItem(GatewayTelemetry.Outcome) == "refused" && (string?)s.GetTagItem(GatewayTelemetry.RuleIds) == "MM0201" && (string?)s.GetTagItem(GatewayTelemetry.Model) == "sora-2");
        Assert.Contains(calls, s => (string?)s.GetTagItem(GatewayTelemetry.Outcome) == "forwarded" && s.Kind == ActivityKind.Server);
        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Instrument == GatewayTelemetry.RefusalsMetric && (string?)m.Tags[GatewayTelemetry.RuleId] == "MM0201");
            Assert.Contains(measurements, m => m.Instrument == GatewayTelemetry.CallsMetric && (string?)m.Tags[GatewayTelemetry.Outcome] == "forwarded" && (string?)m.Tags[GatewayTelemetry.ToolName] == "generate_media");
        }

        void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (measurements)
            {
                measurements.Add((instrument, value, copy));
            }
        }
    }
}
