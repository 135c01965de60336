using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MediaModels.Generators.Tests.Infrastructure;

/// <summary>
/// Committed golden files compared with generated text. With MEDIAMODELS_UPDATE_GOLDEN=1 a mismatch rewrites the
/// file instead of failing (and stale files are deleted); the failure message shows a line diff.
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "MEDIAMODELS_UPDATE_GOLDEN";

    public const string UpdateCommand = "MEDIAMODELS_UPDATE_GOLDEN=1 dotnet test tests/MediaModels.Generators.Tests --filter FullyQualifiedName~GoldenTests";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Line-ending-neutral text.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n");

    /// <summary>A unified-style diff of two texts (LCS over lines, 3 lines of context), at most <paramref name="maxLines"/> lines.</summary>
    public static string Diff(string expected, string actual, int maxLines = 80)
    {
        string[] a = Normalize(expected).Split('\n');
        string[] b = Normalize(actual).Split('\n');
        int[,] lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<(char Op, int Line, string Text)>();
        int x = 0;
        int y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', x + 1, a[x]));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lines.Add(('+', y + 1, b[y]));
                y++;
            }
            else
            {
                lines.Add(('-', x + 1, a[x]));
                x++;
            }
        }

        var output = new StringBuilder();
        int written = 0;
        for (int i = 0; i < lines.Count && written < maxLines; i++)
        {
            bool near = false;
            for (int k = Math.Max(0, i - 3); k <= Math.Min(lines.Count - 1, i + 3); k++)
            {
                near |= lines[k].Op != ' ';
            }

            if (near)
            {
                output.Append(lines[i].Op).Append(' ').Append(lines[i].Line.ToString().PadLeft(5)).Append(" | ").AppendLine(lines[i].Text);
                written++;
            }
            else if (output.Length > 0 && !output.ToString().EndsWith("...\n", StringComparison.Ordinal))
            {
                output.Append("...\n");
            }
        }

        if (written >= maxLines)
        {
            output.AppendLine("(diff cut)");
        }

        return output.ToString();
    }
}
