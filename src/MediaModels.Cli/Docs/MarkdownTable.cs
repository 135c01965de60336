using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MediaModels.Cli.Docs;

/// <summary>A GitHub-flavoured Markdown table with escaped cells.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = new();

    public MarkdownTable(params string[] headers) => _headers = headers;

    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder builder)
    {
        builder.Append("| ").Append(string.Join(" | ", _headers.Select(Escape))).Append(" |\n");
        builder.Append('|').Append(string.Join("|", _headers.Select(_ => "---"))).Append("|\n");
        foreach (string[] row in _rows)
        {
            builder.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
        }

        builder.Append('\n');
    }

    public static string Escape(string text) => text.Replace("|", "\\|").Replace("\r", string.Empty).Replace("\n", " ");

    /// <summary>Reads the cells of every table row in <paramref name="markdown"/> after the heading <paramref name="heading"/>.</summary>
    public static IReadOnlyList<string[]> Read(string markdown, string heading)
    {
        string[] lines = markdown.Replace("\r", string.Empty).Split('\n');
        int start = System.Array.FindIndex(lines, l => l == heading);
        var rows = new List<string[]>();
        if (start < 0)
        {
            return rows;
        }

        bool inTable = false;
        for (int i = start + 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("#"))
            {
                break;
            }

            if (!line.StartsWith("|"))
            {
                if (inTable)
                {
                    break;
                }

                continue;
            }

            inTable = true;
            if (line.StartsWith("|---"))
            {
                continue;
            }

            rows.Add(SplitRow(line));
        }

        return rows;
    }

    private static string[] SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (int i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        return cells.ToArray();
    }
}
