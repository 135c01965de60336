using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace MediaModels.Generators.Tests.Fuzz;

/// <summary>
/// Seeded mutations of a catalog file, of the kinds a person editing YAML produces (a file cut while typing, a deleted
/// key, values pasted under the wrong key, contradictory or extreme numbers, the other media kind, a copied entry,
/// tabs, shifted indentation) and of the kinds that broke the generator before (min above max, elements needing more
/// pictures than a mode takes, a quality with no values, C# names that clash). The same seed gives the same mutant.
/// </summary>
internal static class CatalogMutator
{
    /// <summary>The mutation kinds, by name (a failing mutant names the ones it was made with).</summary>
    public static readonly IReadOnlyList<(string Name, Func<Context, string?> Apply)> Kinds = new (string, Func<Context, string?>)[]
    {
        ("truncate", Truncate),
        ("delete-key", DeleteKey),
        ("swap-values", SwapValues),
        ("contradictory-numbers", ContradictoryNumbers),
        ("extreme-number", ExtremeNumber),
        ("media-kind", MediaKindChange),
        ("duplicate-id", DuplicateId),
        ("tab", Tab),
        ("indentation", Indentation),
        ("elements", Elements),
        ("quality", Quality),
        ("name", Name),
        ("duration", Duration),
        ("characters", Characters),
    };

    private static readonly string[] ExtremeNumbers =
    {
        "0", "-1", "1", "2", "5", "16", "99", "100", "101", "1000", "99999", "100000", "100001", "999999", "1000009",
        "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e308", "0.5", "-0", "007", "0x10", "1_000",
        ".inf", "NaN", "1e-9",
    };

    private static readonly string[] Names =
    {
        "class", "record", "model", "Model", "TextToVideo", "ImageToVideoBuilder", "Duration", "Spec", "Id", "Create",
        "AspectRatio", "MediaCatalog", "RequestDraft", "Catalog", "Validator", "Sora2", "SORA2", "sora2", "Foo", "FOO",
        "System", "Equals", "ToString", "_", "__", "A" + new string('b', 600), "Kling30Pro", "Seedance15Pro", "Veo31",
    };

    private static readonly string[] Roles =
    {
        "start-frame", "end-frame", "reference", "reference-video", "reference-image", "first", "prompt", "class", "--",
        "12", "image", "video", "frame", "urls", "name", "description", "Start_Frame",
    };

    private static readonly string[] Junk =
    {
        ": ", "- ", "[", "]", "{", "}", "#", "&a ", "*a", "!tag ", "|", ">", "'", "\"", "%YAML 1.2\n", "---\n", "? ", ",",
        "\t", "\n", "\r\n", "\r", "\u0085", "\u2028", "é", "😀", "null", "~", "true", "0", "  ",
    };

    private static readonly Regex KeyLine = new(@"^(?<indent> *)(?<dash>- )?(?<key>[A-Za-z_][\w-]*):(?<rest>.*)$", RegexOptions.Compiled);
    private static readonly Regex Number = new(@"(?<![\w.])\d+(?:s)?(?![\w.])", RegexOptions.Compiled);
    private static readonly Regex Id = new(@"id: (?<id>[\w.-]+)", RegexOptions.Compiled);

    /// <summary>Mutates the file <paramref name="fileIndex"/> of <paramref name="files"/> 1–3 times.</summary>
    public static (string Text, string[] Kinds) Mutate(IReadOnlyList<string> files, int fileIndex, Random random)
    {
        var context = new Context(files, fileIndex, random) { Text = files[fileIndex] };
        int count = 1 + random.Next(3);
        var applied = new List<string>();
        for (int i = 0; i < count; i++)
        {
            (string name, Func<Context, string?> apply) = Kinds[random.Next(Kinds.Count)];
            if (apply(context) is string mutated && mutated != context.Text)
            {
                context.Text = mutated;
                applied.Add(name);
            }
        }

        return (context.Text, applied.ToArray());
    }

    /// <summary>A mutation's view of the catalog: the file being mutated, the other files and the seeded random source.</summary>
    internal sealed class Context
    {
        public Context(IReadOnlyList<string> files, int fileIndex, Random random)
        {
            Files = files;
            FileIndex = fileIndex;
            Random = random;
        }

        public IReadOnlyList<string> Files { get; }

        public int FileIndex { get; }

        public Random Random { get; }

        public string Text { get; set; } = string.Empty;

        public string[] Lines => Text.Split('\n');

        public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];
    }

    private static string Truncate(Context c)
    {
        // Half of the cuts at a line end (a line being typed), half anywhere.
        if (c.Random.Next(2) == 0 && c.Lines.Length > 1)
        {
            string[] lines = c.Lines;
            int keep = c.Random.Next(1, lines.Length);
            string kept = string.Join("\n", lines.Take(keep));
            string next = lines[keep];
            return kept + "\n" + next.Substring(0, c.Random.Next(next.Length + 1));
        }

        return c.Text.Substring(0, c.Random.Next(c.Text.Length + 1));
    }

    private static string? DeleteKey(Context c)
    {
        string[] lines = c.Lines;
        int[] keys = Indices(lines, l => KeyLine.IsMatch(l));
        if (keys.Length == 0)
        {
            return null;
        }

        int at = c.Pick(keys);
        int indent = Indent(lines[at]);
        int end = at + 1;
        while (end < lines.Length && (lines[end].Trim().Length == 0 || Indent(lines[end]) > indent))
        {
            end++;
        }

        // A "- key:" line starts a list item: keep the dash so the item stays an item.
        Match match = KeyLine.Match(lines[at]);
        var result = lines.Take(at).ToList();
        if (match.Groups["dash"].Success && c.Random.Next(2) == 0)
        {
            result.Add(match.Groups["indent"].Value + "- ");
        }

        return string.Join("\n", result.Concat(lines.Skip(end)));
    }

    private static string? SwapValues(Context c)
    {
        string[] lines = c.Lines;
        int[] inline = Indices(lines, l => KeyLine.Match(l) is { Success: true } m && m.Groups["rest"].Value.Trim().Length > 0);
        if (inline.Length < 2)
        {
            return null;
        }

        int a = c.Pick(inline);
        int b = c.Pick(inline);
        Match ma = KeyLine.Match(lines[a]);
        Match mb = KeyLine.Match(lines[b]);
        string restA = ma.Groups["rest"].Value;
        lines[a] = lines[a].Substring(0, ma.Groups["rest"].Index) + mb.Groups["rest"].Value;
        lines[b] = lines[b].Substring(0, mb.Groups["rest"].Index) + restA;
        return string.Join("\n", lines);
    }

    private static string? ContradictoryNumbers(Context c)
    {
        // min above max, count beside min/max, more roles than inputs, elements needing more images than the mode takes.
        switch (c.Random.Next(5))
        {
            case 0:
                return ReplaceOne(c, new Regex(@"min: (\d+)"), m => "min: " + (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + c.Random.Next(1, 20)).ToString(CultureInfo.InvariantCulture));
            case 1:
                return ReplaceOne(c, new Regex(@"max: (\d+)s?"), m => "max: " + c.Random.Next(0, 2).ToString(CultureInfo.InvariantCulture) + (m.Value.EndsWith('s') ? "s" : string.Empty));
            case 2:
                return ReplaceOne(c, new Regex(@"count: (\d+)"), m => m.Value + ", min: " + c.Random.Next(0, 4).ToString(CultureInfo.InvariantCulture));
            case 3:
                return ReplaceOne(c, new Regex(@"elements_require_images: (\d+)"), m => "elements_require_images: " + c.Random.Next(0, 6).ToString(CultureInfo.InvariantCulture));
            default:
                return ReplaceOne(c, new Regex(@"roles: \[([^\]]*)\]"), m => "roles: [" + m.Groups[1].Value + ", " + c.Pick(Roles) + "]");
        }
    }

    private static string? ExtremeNumber(Context c) =>
        ReplaceOne(c, Number, m => c.Pick(ExtremeNumbers) + (m.Value.EndsWith('s') && c.Random.Next(2) == 0 ? "s" : string.Empty));

    private static string? MediaKindChange(Context c)
    {
        switch (c.Random.Next(4))
        {
            case 0:
                return ReplaceOne(c, new Regex(@"media: (image|video)"), m => m.Groups[1].Value == "image" ? "media: video" : "media: image");
            case 1:
                return ReplaceOne(c, new Regex(@"\b(images|videos):"), m => m.Groups[1].Value == "images" ? "videos:" : "images:");
            case 2:
                return ReplaceOne(c, new Regex(@"(text-to-image|text-to-video|image-to-video|image-to-image):"), _ => c.Pick(new[] { "text-to-image:", "text-to-video:", "image-to-video:", "image-to-image:" }));
            default:
                return ReplaceOne(c, new Regex(@"roles: \[[^\]]*\]"), _ => "roles: [" + string.Join(", ", Enumerable.Range(0, 1 + c.Random.Next(2)).Select(_ => c.Pick(Roles))) + "]");
        }
    }

    private static string? DuplicateId(Context c)
    {
        string[] lines = c.Lines;
        int[] entries = Indices(lines, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        if (entries.Length == 0)
        {
            return null;
        }

        int at = c.Pick(entries);
        switch (c.Random.Next(3))
        {
            case 0:
            {
                // Copy the whole entry (same file).
                int end = at + 1;
                while (end < lines.Length && !lines[end].StartsWith("  - ", StringComparison.Ordinal) && (lines[end].Length == 0 || lines[end].StartsWith("   ", StringComparison.Ordinal)))
                {
                    end++;
                }

                return string.Join("\n", lines.Take(end).Concat(lines.Skip(at).Take(end - at)).Concat(lines.Skip(end)));
            }

            case 1:
            {
                // Reuse an id of another file.
                string[] others = c.Files.Where((_, i) => i != c.FileIndex).SelectMany(f => Id.Matches(f).Select(m => m.Groups["id"].Value)).ToArray();
                if (others.Length == 0)
                {
                    return null;
                }

                lines[at] = "  - id: " + c.Pick(others);
                return string.Join("\n", lines);
            }

            default:
            {
                // Reuse an id of this file, or one that differs only in punctuation or case (the same C# name).
                string id = Id.Match(lines[c.Pick(entries)]).Groups["id"].Value;
                lines[at] = "  - id: " + c.Pick(new[] { id, id.Replace('-', '.'), id + "-", id.ToUpperInvariant() });
                return string.Join("\n", lines);
            }
        }
    }

    private static string? Tab(Context c)
    {
        string[] lines = c.Lines;
        int at = c.Random.Next(lines.Length);
        int indent = Indent(lines[at]);
        lines[at] = c.Random.Next(2) == 0 && indent > 0
            ? "\t" + lines[at].Substring(Math.Min(indent, 2))
            : lines[at].Insert(c.Random.Next(lines[at].Length + 1), "\t");
        return string.Join("\n", lines);
    }

    private static string? Indentation(Context c)
    {
        string[] lines = c.Lines;
        int at = c.Random.Next(lines.Length);
        int length = 1 + c.Random.Next(Math.Min(6, lines.Length - at));
        int shift = c.Pick(new[] { -4, -2, -1, 1, 2, 4 });
        for (int i = at; i < at + length; i++)
        {
            lines[i] = shift > 0 ? new string(' ', shift) + lines[i] : lines[i].Substring(Math.Min(-shift, Indent(lines[i])));
        }

        return string.Join("\n", lines);
    }

    private static string? Elements(Context c)
    {
        // Elements where a mode cannot give the picture, or on a model that has none.
        string[] lines = c.Lines;
        int[] modes = Indices(lines, l => Regex.IsMatch(l, @"^      (text-to-video|image-to-video|text-to-image|image-to-image):"));
        if (modes.Length == 0)
        {
            return null;
        }

        int at = c.Pick(modes);
        var added = new List<string> { "        elements_require_images: " + c.Random.Next(0, 5).ToString(CultureInfo.InvariantCulture) };
        if (c.Random.Next(2) == 0)
        {
            added.Add("        images: { min: " + c.Random.Next(0, 3).ToString(CultureInfo.InvariantCulture) + ", max: " + c.Random.Next(1, 4).ToString(CultureInfo.InvariantCulture) + " }");
        }

        var result = lines.Take(at + 1).Concat(added).Concat(lines.Skip(at + 1)).ToList();
        if (c.Random.Next(2) == 0)
        {
            int entry = Array.FindLastIndex(lines, at, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
            if (entry >= 0)
            {
                result.Insert(entry + 1, "    elements: { min_images: " + c.Random.Next(1, 6).ToString(CultureInfo.InvariantCulture) + ", max_images: " + c.Pick(new[] { "2", "4", "7", "100", "101" }) + ", videos: " + c.Random.Next(0, 3).ToString(CultureInfo.InvariantCulture) + " }");
            }
        }

        return string.Join("\n", result);
    }

    private static string? Quality(Context c)
    {
        string[] lines = c.Lines;
        int[] entries = Indices(lines, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        if (entries.Length == 0)
        {
            return null;
        }

        string quality = c.Random.Next(6) switch
        {
            0 => "    quality: { values: [] }",
            1 => "    quality: {}",
            2 => "    quality: { open: true }",
            3 => "    quality: { values: [hd, HD, hd, \"\", \"1080p\", \"all\", \"custom\", \"a\\\"b\"] }",
            4 => "    quality: { values: [" + c.Pick(Names) + "] }",
            _ => "    quality: { values: [{ value: standard }, { meaning: none }], open: false }",
        };
        int at = c.Pick(entries);
        return string.Join("\n", lines.Take(at + 1).Append(quality).Concat(lines.Skip(at + 1)));
    }

    private static string? Name(Context c)
    {
        string[] lines = c.Lines;
        int[] entries = Indices(lines, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        if (entries.Length == 0)
        {
            return null;
        }

        int at = c.Pick(entries);
        return string.Join("\n", lines.Take(at + 1).Append("    name: " + c.Pick(Names)).Concat(lines.Skip(at + 1)));
    }

    private static string? Duration(Context c)
    {
        string duration = c.Random.Next(7) switch
        {
            0 => "{ min: 3s, max: 1s }",
            1 => "{ min: 2147483600s, max: 2147483647s }",
            2 => "{ values: [5s, 5s, 0s] }",
            3 => "{ values: [100000s, 100001s] }",
            4 => "{ fixed: 99999999999s }",
            5 => "{ min: 99990, max: 100000 }",
            _ => "{ configurable: true }",
        };
        // The whole duration entry is replaced, its indented lines included, or a model without one gets it.
        string[] lines = c.Lines;
        int[] durations = Indices(lines, l => l.StartsWith("    duration:", StringComparison.Ordinal));
        if (durations.Length > 0)
        {
            int at = c.Pick(durations);
            int end = at + 1;
            while (end < lines.Length && Indent(lines[end]) > 4)
            {
                end++;
            }

            return string.Join("\n", lines.Take(at).Append("    duration: " + duration).Concat(lines.Skip(end)));
        }

        int[] entries = Indices(lines, l => l.StartsWith("  - id: ", StringComparison.Ordinal));
        if (entries.Length == 0)
        {
            return null;
        }

        int entry = c.Pick(entries);
        return string.Join("\n", lines.Take(entry + 1).Append("    duration: " + duration).Concat(lines.Skip(entry + 1)));
    }

    private static string Characters(Context c)
    {
        var builder = new StringBuilder(c.Text);
        for (int k = 0; k < 1 + c.Random.Next(3); k++)
        {
            builder.Insert(c.Random.Next(builder.Length + 1), c.Pick(Junk));
        }

        return builder.ToString();
    }

    private static string? ReplaceOne(Context c, Regex pattern, Func<Match, string> replacement)
    {
        MatchCollection matches = pattern.Matches(c.Text);
        if (matches.Count == 0)
        {
            return null;
        }

        Match match = matches[c.Random.Next(matches.Count)];
        return c.Text.Substring(0, match.Index) + replacement(match) + c.Text.Substring(match.Index + match.Length);
    }

    private static int[] Indices(string[] lines, Func<string, bool> predicate) =>
        Enumerable.Range(0, lines.Length).Where(i => predicate(lines[i])).ToArray();

    private static int Indent(string line)
    {
        int indent = 0;
        while (indent < line.Length && line[indent] == ' ')
        {
            indent++;
        }

        return indent;
    }
}
