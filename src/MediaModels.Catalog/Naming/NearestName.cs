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
    /// <remarks>
    /// A candidate that cannot beat the best so far (its length alone differs more) is skipped, and a distance stops
    /// being computed once it exceeds the best: a catalog with thousands of ids and thousands of misspelt overrides
    /// stays far from the cost of every full distance.
    /// </remarks>
    public static string? Find(string input, IEnumerable<string> candidates)
    {
        long unlimited = long.MaxValue;
        return Find(input, candidates, ref unlimited);
    }

    /// <summary>
    /// <see cref="Find(string, IEnumerable{string})"/> within a budget of distance-table cells shared by several calls
    /// (each distance costs the product of the two lengths): once it is spent, no suggestion is made. Thousands of
    /// misspelt ids against thousands of candidates would otherwise cost minutes; the budget keeps suggestions for the
    /// first of them.
    /// </summary>
    public static string? Find(string input, IEnumerable<string> candidates, ref long budget)
    {
        if (string.IsNullOrEmpty(input) || budget <= 0)
        {
            return null;
        }

        string lowered = input.ToLowerInvariant();
        var rows = new Rows();
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in candidates)
        {
            int bound = Math.Abs(candidate.Length - input.Length);
            if (bound > bestDistance || (bound == bestDistance && string.CompareOrdinal(candidate, best) > 0))
            {
                continue;
            }

            budget -= (long)input.Length * candidate.Length;
            if (budget < 0)
            {
                return null;
            }

            // A tie with an ordinally smaller candidate may still replace the best one, so the cut-off allows equality.
            int distance = Distance(lowered, candidate, bestDistance, rows);
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

    /// <summary>Optimal string alignment distance (adjacent transpositions count as one edit), case-sensitive.</summary>
    public static int Distance(string a, string b) => Distance(a, b, int.MaxValue, new Rows(), ignoreCase: false);

    /// <summary>
    /// The distance from <paramref name="lowered"/> (already lower-case) to <paramref name="candidate"/> compared
    /// case-insensitively, or a value above <paramref name="cutoff"/> as soon as the result is sure to exceed it.
    /// </summary>
    private static int Distance(string lowered, string candidate, int cutoff, Rows rows, bool ignoreCase = true)
    {
        int[] beforePrevious = rows.Get(0, candidate.Length + 1);
        int[] previous = rows.Get(1, candidate.Length + 1);
        int[] current = rows.Get(2, candidate.Length + 1);
        for (int j = 0; j <= candidate.Length; j++)
        {
            previous[j] = j;
        }

        int previousMinimum = 0;
        for (int i = 1; i <= lowered.Length; i++)
        {
            current[0] = i;
            int rowMinimum = i;
            char a = lowered[i - 1];
            for (int j = 1; j <= candidate.Length; j++)
            {
                char b = ignoreCase ? char.ToLowerInvariant(candidate[j - 1]) : candidate[j - 1];
                int cost = a == b ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a == Lower(candidate[j - 2]) && lowered[i - 2] == b)
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            // Every alignment passes through this row, or through the one before and then a transposition (+1) over
            // this one, and never gets cheaper: past both bounds, the distance is sure to exceed the cut-off.
            if (cutoff != int.MaxValue && rowMinimum > cutoff && previousMinimum >= cutoff)
            {
                return cutoff + 1;
            }

            previousMinimum = rowMinimum;

            int[] spare = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = spare;
        }

        return previous[candidate.Length];

        char Lower(char c) => ignoreCase ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>Three reusable rows of the distance table.</summary>
    private sealed class Rows
    {
        private readonly int[][] _rows = { Array.Empty<int>(), Array.Empty<int>(), Array.Empty<int>() };

        public int[] Get(int index, int length)
        {
            if (_rows[index].Length < length)
            {
                _rows[index] = new int[Math.Max(length, 16)];
            }

            return _rows[index];
        }
    }
}
