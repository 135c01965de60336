using System;

namespace MediaModels.Client;

/// <summary>
/// When to poll: at half the estimate, again when the estimate is reached, then exponential backoff from an eighth of
/// the estimate doubling up to the maximum; every wait within the bounds and with ±20 % jitter. Without an estimate:
/// the minimum, doubling.
/// </summary>
internal sealed class PollSchedule
{
    [ThreadStatic]
    private static Random? _random;

    private readonly TimeSpan _min;
    private readonly TimeSpan _max;
    private readonly TimeSpan _half;
    private TimeSpan _next;
    private int _count;

    public PollSchedule(double? estimatedSeconds, TimeSpan min, TimeSpan max)
    {
        _min = min <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(10) : min;
        _max = max < _min ? _min : max;
        TimeSpan estimate = estimatedSeconds is double s && s > 0 && !double.IsInfinity(s) ? TimeSpan.FromSeconds(Math.Min(s, 86_400)) : TimeSpan.Zero;
        _half = estimate == TimeSpan.Zero ? TimeSpan.Zero : Clamp(TimeSpan.FromTicks(estimate.Ticks / 2));
        _next = Clamp(TimeSpan.FromTicks(estimate.Ticks / 8));
    }

    public TimeSpan Next()
    {
        TimeSpan wait;
        if (_count++ < 2 && _half > TimeSpan.Zero)
        {
            wait = _half;
        }
        else
        {
            wait = _next;
            _next = Clamp(TimeSpan.FromTicks(_next.Ticks * 2));
        }

        _random ??= new Random(Guid.NewGuid().GetHashCode());
        double jitter = 0.8 + (_random.NextDouble() * 0.4);
        return TimeSpan.FromTicks((long)(wait.Ticks * jitter));
    }

    private TimeSpan Clamp(TimeSpan value) => value < _min ? _min : value > _max ? _max : value;
}
