using System;
using System.Globalization;
using System.Threading;
using System.Threading.RateLimiting;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// The gateway's limits, each refused as a tool error before anything is sent: the credit budget
/// (<c>--max-credits</c>), calls in flight to the upstream (<c>--max-concurrent</c>, a <see cref="ConcurrencyLimiter"/>)
/// and calls per minute per client (<c>--rate-limit</c>, a token bucket per client from
/// <see cref="PartitionedRateLimiter"/>). None of them queues: an agent is told at once and decides.
/// </summary>
internal sealed class GatewayGuards : IDisposable
{
    private readonly object _budgetLock = new();
    private readonly double? _maxCredits;
    private readonly ConcurrencyLimiter? _inFlight;
    private readonly PartitionedRateLimiter<string>? _perClient;
    private readonly int? _ratePerMinute;
    private double _committed;

    public GatewayGuards(GatewayOptions options)
    {
        if (options.MaxCredits is double credits && !(credits > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), credits, "GatewayOptions.MaxCredits must be greater than 0.");
        }

        if (options.MaxConcurrent is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrent, "GatewayOptions.MaxConcurrent must be greater than 0.");
        }

        if (options.RateLimitPerMinute is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RateLimitPerMinute, "GatewayOptions.RateLimitPerMinute must be greater than 0.");
        }

        _maxCredits = options.MaxCredits;
        if (options.MaxConcurrent is int concurrent)
        {
            _inFlight = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = concurrent, QueueLimit = 0 });
        }

        if (options.RateLimitPerMinute is int perMinute)
        {
            _ratePerMinute = perMinute;
            _perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(
                client,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    /// <summary>Credits spent or reserved by calls in flight.</summary>
    public double Committed
    {
        get
        {
            lock (_budgetLock)
            {
                return _committed;
            }
        }
    }

    /// <summary>Takes one call of <paramref name="client"/>'s rate; null when allowed, else why not.</summary>
    public string? TryTakeRate(string client)
    {
        if (_perClient is null)
        {
            return null;
        }

        using RateLimitLease lease = _perClient.AttemptAcquire(client);
        return lease.IsAcquired ? null
            : string.Format(CultureInfo.InvariantCulture, "Rate limit: this client may make {0} tool calls per minute through the gateway (--rate-limit); wait before calling again. Nothing was sent.", _ratePerMinute);
    }

    /// <summary>Why a call finds no free slot.</summary>
    public const string ConcurrencyRefusal =
        "Concurrency limit: the gateway already has the most calls in flight to the service it allows (--max-concurrent); try again when one has finished. Nothing was sent.";

    /// <summary>A slot for one call in flight to the upstream (dispose it when the call ends), or null when none is free (see <see cref="ConcurrencyRefusal"/>).</summary>
    public IDisposable? TryEnter()
    {
        if (_inFlight is null)
        {
            return NoSlot.Instance;
        }

        RateLimitLease lease = _inFlight.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    /// <summary>
    /// Reserves <paramref name="estimate"/> credits (unknown: nothing) for a <c>generate_media</c>; null when allowed,
    /// else why not. A call whose cost is unknown is allowed while any budget is left.
    /// </summary>
    public string? TryReserve(double? estimate)
    {
        if (_maxCredits is not double max)
        {
            return null;
        }

        lock (_budgetLock)
        {
            double left = max - _committed;
            if (estimate is double cost ? cost > left : left <= 0)
            {
                return string.Format(
                    CultureInfo.InvariantCulture,
                    "Credit budget: this generation {0}, and {1} of the gateway's {2} credits are left (--max-credits). Nothing was sent.",
                    estimate is double c ? "is estimated at " + Number(c) + " credits" : "has no estimated cost",
                    Number(Math.Max(0, left)),
                    Number(max));
            }

            _committed += estimate ?? 0;
            return null;
        }
    }

    /// <summary>Replaces a reservation by what the upstream reported (<paramref name="actual"/>), or drops it when nothing was started.</summary>
    public void Settle(double? reserved, double? actual)
    {
        if (_maxCredits is null)
        {
            return;
        }

        lock (_budgetLock)
        {
            _committed += (actual ?? 0) - (reserved ?? 0);
        }
    }

    public void Dispose()
    {
        _inFlight?.Dispose();
        _perClient?.Dispose();
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private sealed class NoSlot : IDisposable
    {
        public static readonly NoSlot Instance = new();

        public void Dispose()
        {
        }
    }
}
