using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// What the gateway has done, for <c>GET /stats</c>, the summary on exit and tests. Thread-safe.
/// </summary>
public sealed class GatewayStats
{
    private readonly ConcurrentDictionary<string, long> _forwarded = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _refusedByRule = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _guarded = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _upstreamFailures = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _unknownModels = new(System.StringComparer.Ordinal);
    private readonly object _creditsLock = new();
    private long _refusedCalls;
    private long _unknownModelSightings;
    private double _creditsSpent;
    private double _creditsNotSpent;

    /// <summary>Calls sent to the upstream, per tool.</summary>
    public IReadOnlyDictionary<string, long> Forwarded => Snapshot(_forwarded);

    /// <summary>Calls sent to the upstream, all tools.</summary>
    public long ForwardedCalls => _forwarded.Values.Sum();

    /// <summary>Calls refused by a rule (nothing sent).</summary>
    public long RefusedCalls => Interlocked.Read(ref _refusedCalls);

    /// <summary>Refused calls per rule ID (a call breaking two rules counts under both).</summary>
    public IReadOnlyDictionary<string, long> RefusedByRule => Snapshot(_refusedByRule);

    /// <summary>Calls refused by a guard (<c>budget</c>, <c>concurrency</c>, <c>rate</c>), nothing sent.</summary>
    public IReadOnlyDictionary<string, long> Guarded => Snapshot(_guarded);

    /// <summary>Calls that failed at the upstream, per failure (<c>upstream_unreachable</c>, <c>upstream_outcome_unknown</c>…).</summary>
    public IReadOnlyDictionary<string, long> UpstreamFailures => Snapshot(_upstreamFailures);

    /// <summary>Model ids the upstream listed that the catalog lacks.</summary>
    public IReadOnlyList<string> UnknownModels => _unknownModels.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToArray();

    /// <summary>Times a model the catalog lacks was seen in a <c>get_models</c> answer.</summary>
    public long UnknownModelSightings => Interlocked.Read(ref _unknownModelSightings);

    /// <summary>Credits the upstream reported for accepted generations (else the catalog's estimate).</summary>
    public double CreditsSpent
    {
        get
        {
            lock (_creditsLock)
            {
                return _creditsSpent;
            }
        }
    }

    /// <summary>Credits the refused calls would have cost, where the catalog gives a price.</summary>
    public double CreditsNotSpent
    {
        get
        {
            lock (_creditsLock)
            {
                return _creditsNotSpent;
            }
        }
    }

    internal void CountForwarded(string tool) => _forwarded.AddOrUpdate(tool, 1, (_, n) => n + 1);

    internal void CountRefused(IEnumerable<string> ruleIds, double? credits)
    {
        Interlocked.Increment(ref _refusedCalls);
        foreach (string id in ruleIds)
        {
            _refusedByRule.AddOrUpdate(id, 1, (_, n) => n + 1);
        }

        AddNotSpent(credits);
    }

    internal void CountGuarded(string guard, double? credits)
    {
        _guarded.AddOrUpdate(guard, 1, (_, n) => n + 1);
        AddNotSpent(credits);
    }

    internal void CountUpstreamFailure(string code) => _upstreamFailures.AddOrUpdate(code, 1, (_, n) => n + 1);

    /// <summary>True the first time <paramref name="id"/> is seen.</summary>
    internal bool CountUnknownModel(string id)
    {
        Interlocked.Increment(ref _unknownModelSightings);
        return _unknownModels.TryAdd(id, 0);
    }

    internal void AddSpent(double credits)
    {
        lock (_creditsLock)
        {
            _creditsSpent += credits;
        }
    }

    private void AddNotSpent(double? credits)
    {
        if (credits is double c)
        {
            lock (_creditsLock)
            {
                _creditsNotSpent += c;
            }
        }
    }

    /// <summary>The figures as <c>GET /stats</c> writes them.</summary>
    public IReadOnlyDictionary<string, object> ToJsonObject() => new Dictionary<string, object>
    {
        ["forwarded"] = Forwarded,
        ["forwarded_calls"] = ForwardedCalls,
        ["refused_calls"] = RefusedCalls,
        ["refused_by_rule"] = RefusedByRule,
        ["guarded"] = Guarded,
        ["upstream_failures"] = UpstreamFailures,
        ["unknown_models"] = UnknownModels,
        ["credits_spent"] = CreditsSpent,
        ["credits_not_spent"] = CreditsNotSpent,
    };

    /// <summary>One line for the summary on exit.</summary>
    public override string ToString()
    {
        string refused = RefusedByRule.Count == 0 ? string.Empty : " (" + string.Join(", ", RefusedByRule.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))) + ")";
        string guarded = Guarded.Count == 0 ? "0" : string.Join(", ", Guarded.OrderBy(p => p.Key, System.StringComparer.Ordinal).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)));
        string failures = UpstreamFailures.Values.Sum().ToString(CultureInfo.InvariantCulture);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"calls forwarded: {ForwardedCalls}; refused by a rule: {RefusedCalls}{refused}; refused by a guard: {guarded}; upstream failures: {failures}; credits spent: {CreditsSpent:0.###}, not spent on refused calls: {CreditsNotSpent:0.###}; models the catalog lacks: {UnknownModels.Count}");
    }

    private static IReadOnlyDictionary<string, long> Snapshot(ConcurrentDictionary<string, long> counts) =>
        new SortedDictionary<string, long>(counts, System.StringComparer.Ordinal);
}
