using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MediaModels.Agreement.Tests.Corpus;
using Xunit.Abstractions;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>Compares a surface's verdicts with the runtime's, prints the counts and fails with the first disagreements.</summary>
internal static class SurfaceComparison
{
    private const int Shown = 15;

    /// <summary>Fills <see cref="SurfaceReport.Disagreements"/>: a different set of rule IDs, or (when the surface says so) a different acceptance.</summary>
    public static void CompareIds(IReadOnlyList<CorpusRequest> corpus, SurfaceReport runtime, SurfaceReport surface)
    {
        foreach (CorpusRequest request in corpus)
        {
            if (!surface.Verdicts.TryGetValue(request.Index, out Verdict? verdict))
            {
                continue;
            }

            Verdict expected = runtime.Verdicts[request.Index];
            bool sameIds = expected.Ids.SetEquals(verdict.Ids);
            bool sameAcceptance = verdict.Accepted is null || verdict.Accepted == expected.Accepted;
            if (!sameIds || !sameAcceptance)
            {
                surface.Disagreements.Add(
                    $"{request.Name}\n    request: {Cut(request.Json)}\n    runtime: {expected}  {Cut(expected.Detail)}\n    {surface.Surface}: {verdict}\n      {Cut(verdict.Detail)}");
            }
        }
    }

    /// <summary>Long prompts shortened, so that a failure message shows many requests rather than one.</summary>
    public static string Cut(string? text, int length = 600) =>
        text is null ? string.Empty : text.Length <= length ? text : text.Substring(0, length) + $"… ({text.Length - length:N0} more characters)";

    /// <summary>Prints the counts and asserts: every request judged or skipped with a reason, no problem, no disagreement.</summary>
    public static void Report(ITestOutputHelper output, IReadOnlyList<CorpusRequest> corpus, SurfaceReport runtime, SurfaceReport surface)
    {
        var text = new StringBuilder();
        text.AppendLine($"{surface.Surface}: {corpus.Count} requests, {surface.Verdicts.Count} compared, {surface.SkippedCount} skipped, {surface.Disagreements.Count} disagreements, {surface.Problems.Count} problems, {surface.Elapsed.TotalSeconds:0.0} s");
        foreach ((string reason, List<int> indexes) in surface.Skipped)
        {
            text.AppendLine($"  skipped {indexes.Count,5}: {reason}");
        }

        var compared = surface.Verdicts.Keys.Select(i => runtime.Verdicts[i]).ToList();
        text.AppendLine($"  compared: {compared.Count(v => v.Accepted == true)} valid, {compared.Count(v => v.Accepted != true)} refused by the runtime");
        text.AppendLine("  rule IDs among them (runtime): " + string.Join(", ", compared
            .SelectMany(v => v.Ids)
            .GroupBy(id => id, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}×{g.Count()}")));
        output.WriteLine(text.ToString());

        int accounted = surface.Verdicts.Count + surface.SkippedCount;
        Assert.True(accounted == corpus.Count, $"{surface.Surface}: {accounted} of {corpus.Count} requests judged or skipped.");
        Assert.True(surface.Problems.Count == 0, $"{surface.Surface}: {surface.Problems.Count} problems:\n" + string.Join("\n", surface.Problems.Take(Shown)));
        Assert.True(
            surface.Disagreements.Count == 0,
            $"{surface.Surface} disagrees with the runtime on {surface.Disagreements.Count} of {surface.Verdicts.Count} requests; the first {Math.Min(Shown, surface.Disagreements.Count)}:\n\n"
            + string.Join("\n\n", surface.Disagreements.Take(Shown)));
    }
}
