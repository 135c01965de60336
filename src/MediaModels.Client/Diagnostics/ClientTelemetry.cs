using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using MediaModels.Catalog.Rules;
using Attr = MediaModels.Client.MediaClientTelemetry.Attributes;

namespace MediaModels.Client.Diagnostics;

/// <summary>
/// The client's spans: one per generation (<c>generate_media {model}</c>) or per wait on one
/// (<c>wait_generation</c>), each with a child <c>tools/call {tool}</c> span per tool call (retries inside it).
/// Costs a null check when nobody listens.
/// </summary>
internal static class ClientActivities
{
    public const string GenerateSpan = "generate_media";
    public const string WaitSpan = "wait_generation";
    public const string ToolCallMethod = "tools/call";
    public const string RetryEvent = "mediamodels.retry";
    public const string RetryAttempt = "mediamodels.retry.attempt";

    public static readonly ActivitySource Source = new(MediaClientTelemetry.ActivitySourceName, ClientInstruments.Version);

    public static Activity? StartGeneration(string? model, string generationType)
    {
        if (!Source.HasListeners())
        {
            return null; // before composing the name: nothing is allocated when nobody listens
        }

        Activity? activity = Source.StartActivity(model is null ? GenerateSpan : GenerateSpan + " " + model, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.Model, model);
            activity.SetTag(Attr.GenerationType, generationType);
        }

        return activity;
    }

    public static Activity? StartWait(string generationId, string? model)
    {
        Activity? activity = Source.StartActivity(WaitSpan, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.GenerationId, generationId);
            activity.SetTag(Attr.Model, model);
        }

        return activity;
    }

    public static Activity? StartToolCall(string tool)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(ToolCallMethod + " " + tool, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.McpMethod, ToolCallMethod);
            activity.SetTag(Attr.ToolName, tool);
        }

        return activity;
    }

    public static void Started(Activity? activity, GenerateMediaResponse response)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.GenerationId, response.GenerationId);
            activity.SetTag(Attr.GenerationStatus, (response.Status ?? GenerationStatus.Pending).Value);
            if (response.EstimatedTimeSeconds is double seconds)
            {
                activity.SetTag(Attr.EstimatedSeconds, seconds);
            }

            if (response.EstimatedCostCredits is double credits)
            {
                activity.SetTag(Attr.EstimatedCredits, credits);
            }
        }
    }

    public static void Polled(Activity? activity, GenerationStatus status, int polls)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.GenerationStatus, status.Value);
            activity.SetTag(Attr.Polls, polls);
        }
    }

    public static void Completed(Activity? activity, GenerationResult result)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.Outputs, result.Outputs.Count);
        }
    }

    public static void Refused(Activity? activity, IReadOnlyList<Violation> violations)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Attr.RuleIds, RuleIds(violations));
        }
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity.SetTag(Attr.ErrorType, exception.GetType().FullName);
        }
    }

    /// <summary>
    /// For exception filters: marks <paramref name="activity"/> failed unless the caller cancelled, and returns false
    /// so the exception goes on unchanged.
    /// </summary>
    public static bool FailAndContinue(Activity? activity, Exception exception, CancellationToken cancellationToken)
    {
        if (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Fail(activity, exception);
        }

        return false;
    }

    /// <summary>A <c>mediamodels.retry</c> event on the tool call's span.</summary>
    public static void Retrying(Activity? activity, Exception? failure, int attempt)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.AddEvent(new ActivityEvent(
                RetryEvent,
                tags: new ActivityTagsCollection { [Attr.ErrorType] = failure?.GetType().FullName, [RetryAttempt] = attempt }));
        }
    }

    /// <summary>The distinct rule ids of the errors, sorted and comma-separated (<c>MM0201,MM0203</c>).</summary>
    public static string RuleIds(IReadOnlyList<Violation> violations)
    {
        var ids = new List<string>();
        foreach (Violation violation in violations)
        {
            if (violation.Severity == Severity.Error && !ids.Contains(violation.Id))
            {
                ids.Add(violation.Id);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return string.Join(",", ids);
    }
}

/// <summary>
/// The client's metric instruments on the <c>MediaModels.Client</c> meter: one shared set for clients created
/// without dependency injection, one per <see cref="IMeterFactory"/> otherwise (so a host's meters stay its own).
/// </summary>
internal sealed class ClientInstruments
{
    public static readonly string? Version = typeof(ClientInstruments).Assembly.GetName().Version?.ToString(3);

    private static readonly Lazy<ClientInstruments> SharedInstance = new(() => new ClientInstruments(new Meter(MediaClientTelemetry.MeterName, Version)));

    private ClientInstruments(Meter meter)
    {
        Started = meter.CreateCounter<long>(MediaClientTelemetry.Metrics.Started, "{generation}", "Generations the service accepted.");
        Completed = meter.CreateCounter<long>(MediaClientTelemetry.Metrics.Completed, "{generation}", "Generations seen completed.");
        Failed = meter.CreateCounter<long>(MediaClientTelemetry.Metrics.Failed, "{generation}", "Generations seen failed, timed out, or lost to an error after the request was sent.");
        Refused = meter.CreateCounter<long>(MediaClientTelemetry.Metrics.Refused, "{request}", "Requests refused by a rule, by the client or by the service.");
        Duration = meter.CreateHistogram<double>(
            MediaClientTelemetry.Metrics.Duration,
            "s",
            "Seconds from sending generate_media to seeing the generation end.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = new double[] { 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200 } });
        StatusCalls = meter.CreateHistogram<int>(
            MediaClientTelemetry.Metrics.StatusCalls,
            "{call}",
            "get_generation_status calls per generation, recorded when it ends.",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = new[] { 1, 2, 3, 5, 8, 13, 21, 34, 55, 89 } });
    }

    public static ClientInstruments Shared => SharedInstance.Value;

    public Counter<long> Started { get; }

    public Counter<long> Completed { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Refused { get; }

    public Histogram<double> Duration { get; }

    public Histogram<int> StatusCalls { get; }

    public static ClientInstruments For(IMeterFactory? factory) =>
        factory is null ? Shared : new ClientInstruments(factory.Create(new MeterOptions(MediaClientTelemetry.MeterName) { Version = Version }));

    public static TagList Tags(string? model, string? generationType)
    {
        var tags = default(TagList);
        if (model is not null)
        {
            tags.Add(Attr.Model, model);
        }

        if (generationType is not null)
        {
            tags.Add(Attr.GenerationType, generationType);
        }

        return tags;
    }
}

/// <summary>Elapsed time from <see cref="Stopwatch.GetTimestamp"/> values, on every target framework.</summary>
internal static class Clock
{
    public static TimeSpan Since(long timestamp) =>
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - timestamp) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
