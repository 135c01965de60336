using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using MediaModels.Catalog;

namespace MediaModels.Sandbox;

/// <summary>One simulated generation.</summary>
internal sealed class SimulatedJob
{
    private int _filesWritten;

    public SimulatedJob(string id, string model, MediaKind media, string? aspectRatio, long startedAt, TimeSpan duration, bool fails)
    {
        Id = id;
        Model = model;
        Media = media;
        AspectRatio = aspectRatio;
        StartedAt = startedAt;
        Duration = duration;
        Fails = fails;
    }

    public string Id { get; }

    public string Model { get; }

    public MediaKind Media { get; }

    public string? AspectRatio { get; }

    public long StartedAt { get; }

    public TimeSpan Duration { get; }

    public bool Fails { get; }

    /// <summary>True the first time it is called: the caller writes the output files.</summary>
    public bool ClaimFileWriting() => Interlocked.Exchange(ref _filesWritten, 1) == 0;
}

/// <summary>What a job looks like at one instant.</summary>
internal readonly record struct JobSnapshot(string Status, int Progress);

/// <summary>
/// The simulated clock: a job is <c>pending</c> for the first 10 % of its duration, <c>queued</c> until 20 %,
/// <c>processing</c> (progress 0–100) until 100 %, then <c>completed</c> (or <c>failed</c>). States are computed
/// from the elapsed time when asked: no timers, no background work.
/// </summary>
internal sealed class JobSimulator
{
    private readonly ConcurrentDictionary<string, SimulatedJob> _jobs = new(StringComparer.Ordinal);
    private readonly TimeSpan _duration;
    private long _sequence;

    public JobSimulator(TimeSpan duration) => _duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration;

    public TimeSpan Duration => _duration;

    public int Count => _jobs.Count;

    public SimulatedJob Start(string model, MediaKind media, string? aspectRatio, bool fails)
    {
        long n = Interlocked.Increment(ref _sequence);
        string id = $"gen_{n:D6}_{Guid.NewGuid():N}".Substring(0, 24);
        var job = new SimulatedJob(id, model, media, aspectRatio, Stopwatch.GetTimestamp(), _duration, fails);
        _jobs[id] = job;
        return job;
    }

    public SimulatedJob? Find(string? id) => id is not null && _jobs.TryGetValue(id, out SimulatedJob? job) ? job : null;

    public static JobSnapshot Snapshot(SimulatedJob job)
    {
        TimeSpan elapsed = Stopwatch.GetElapsedTime(job.StartedAt);
        if (job.Duration <= TimeSpan.Zero || elapsed >= job.Duration)
        {
            return new JobSnapshot(job.Fails ? "failed" : "completed", job.Fails ? 100 : 100);
        }

        double f = elapsed / job.Duration;
        if (f < 0.1)
        {
            return new JobSnapshot("pending", 0);
        }

        if (f < 0.2)
        {
            return new JobSnapshot("queued", 0);
        }

        return new JobSnapshot("processing", Math.Clamp((int)((f - 0.2) / 0.8 * 100), 0, 99));
    }
}
