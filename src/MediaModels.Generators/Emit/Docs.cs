using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MediaModels.Catalog;

namespace MediaModels.Generators.Emit;

/// <summary>Sentences for XML docs, taken from the catalog's facts.</summary>
internal static class Docs
{
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Writes a <c>remarks</c> block of paragraphs (already XML), or nothing when there are none.</summary>
    public static void Remarks(SourceWriter writer, List<string> paragraphs)
    {
        bool open = false;
        foreach (string paragraph in paragraphs)
        {
            if (paragraph.Length == 0)
            {
                continue;
            }

            if (!open)
            {
                writer.Line("/// <remarks>");
                open = true;
            }

            writer.StartLine().Append("/// <para>").Append(paragraph).Append("</para>").EndLine();
        }

        if (open)
        {
            writer.Line("/// </remarks>");
        }
    }

    /// <summary>Notes as one escaped sentence list, or empty.</summary>
    public static string Notes(EquatableArray<string> notes) => string.Join(" ", notes.Select(Literals.Xml));

    /// <summary>"start frame, end frame" from roles.</summary>
    public static string Role(string role) => role.Replace('-', ' ').Replace('_', ' ');

    /// <summary>"a" or "an" before a word (by its first letter).</summary>
    public static string Article(string word) => word.Length > 0 && "aeiouAEIOU".IndexOf(word[0]) >= 0 ? "an" : "a";

    public static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);

    public static string Kind(MediaKind media) => media == MediaKind.Image ? "image" : "video";

    /// <summary>What a mode takes: "no source media", "exactly 1 image (start frame)", "1–10 images + exactly 1 video".</summary>
    public static string Inputs(GenerationTypeSpec mode)
    {
        if (mode.TakesNoMedia)
        {
            return "no source media";
        }

        var parts = new List<string>();
        if (mode.Images is { } images)
        {
            parts.Add(Limit(images, "image"));
        }

        if (mode.Videos is { } videos)
        {
            parts.Add(Limit(videos, "video"));
        }

        return string.Join(" + ", parts);
    }

    private static string Limit(SourceMediaLimit limit, string word)
    {
        string count = limit.DescribeCount();
        bool plural = !(limit.Min <= 1 && limit.Max == 1);
        string text = count + " " + word + (plural ? "s" : string.Empty);
        if (!limit.Roles.IsEmpty)
        {
            text += " (" + string.Join(", ", limit.Roles.Select(Role)) + ")";
        }

        var facts = new List<string>();
        if (!limit.Formats.IsEmpty)
        {
            facts.Add(string.Join("/", limit.Formats));
        }

        if (limit.MaxFileSizeMb is double size)
        {
            facts.Add("up to " + Number(size) + " MB");
        }

        if (limit.MaxDurationSeconds is int seconds)
        {
            facts.Add("up to " + Number(seconds) + " s");
        }

        if (facts.Count > 0)
        {
            text += ", " + string.Join(", ", facts);
        }

        return Literals.Xml(text);
    }
}
