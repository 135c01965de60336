using System;
using System.Collections.Generic;

namespace MediaModels.Catalog.Naming;

/// <summary>Did-you-mean suggestions: the candidate at the smallest edit distance, if it is close enough.</summary>
public static class NearestName
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive Damerau–Levenshtein), or null when the
    /// best one differs in more than a third of its characters, or when a prefix match is not available either.
    /// </summary>
    public static string? Find(string input, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(input))
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is null)
        {
            return null;
        }

        int allowed = Math.Max(2, Math.Max(input.Length, best.Length) / 3);
        if (bestDistance <= allowed)
        {
            return best;
        }

        // "kling-3-0" names a family: offer the first member rather than nothing.
        foreach (string candidate in candidates)
        {
            if (input.Length >= 4 && candidate.StartsWith(input, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Optimal string alignment distance (adjacent transpositions count as one edit).</summary>
    public static int Distance(string a, string b)
    {
        int[,] d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[a.Length, b.Length];
    }
}
