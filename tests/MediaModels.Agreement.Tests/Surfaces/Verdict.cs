using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>What one surface said about one request: the rule IDs it reported and, where it says so, whether it took the request.</summary>
/// <param name="Ids">The distinct rule IDs, errors and warnings alike.</param>
/// <param name="Accepted">True when the surface took the request (no error), false when it refused it, null when it does not say.</param>
/// <param name="Detail">What else to show when it disagrees (a message, the wire JSON), or null.</param>
internal sealed record Verdict(IReadOnlySet<string> Ids, bool? Accepted, string? Detail = null)
{
    public static Verdict Of(IEnumerable<string> ids, bool? accepted, string? detail = null) =>
        new(new SortedSet<string>(ids, StringComparer.Ordinal), accepted, detail);

    public override string ToString() =>
        "[" + string.Join(", ", Ids) + "]" + (Accepted is bool accepted ? (accepted ? " accepted" : " refused") : string.Empty);
}

/// <summary>What one surface said about the corpus: a verdict per request it could judge, and why it left the others out.</summary>
internal sealed class SurfaceReport
{
    public SurfaceReport(string surface) => Surface = surface;

    public string Surface { get; }

    public Dictionary<int, Verdict> Verdicts { get; } = new();

    /// <summary>Requests left out, by reason (each reason says why this surface cannot carry them).</summary>
    public SortedDictionary<string, List<int>> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems of the surface itself (a diagnostic placed on no request, an exception…): each one fails the test.</summary>
    public List<string> Problems { get; } = new();

    /// <summary>Requests on which this surface and the runtime disagree, described for the failure message.</summary>
    public List<string> Disagreements { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public void Skip(int index, string reason)
    {
        if (!Skipped.TryGetValue(reason, out List<int>? list))
        {
            Skipped[reason] = list = new List<int>();
        }

        list.Add(index);
    }

    public int SkippedCount => Skipped.Values.Sum(l => l.Count);
}
