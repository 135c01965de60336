using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;

namespace MediaModels.Cli;

/// <summary>Plain-text renderings of models for the terminal.</summary>
internal static class ModelText
{
    public static void WriteTable(ModelCatalog catalog, TextWriter output)
    {
        string[] headers = { "ID", "MEDIA", "GENERATION TYPES", "DURATIONS", "SOUND", "PROMPT LIMIT" };
        var rows = catalog.Models.Select(m => new[]
        {
            m.Id,
            m.Media == MediaKind.Image ? "image" : "video",
            string.Join(", ", m.GenerationTypes.Select(t => t.Type)),
            m.Duration.Kind == DurationKind.Unsupported ? "-" : m.Duration.Describe(),
            m.Sound ? "yes" : "-",
            m.PromptMaxLength?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
        }).ToList();
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (string[] row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    public static void WriteDetails(ModelSpec model, ModelCatalog catalog, TextWriter output)
    {
        output.WriteLine($"{model.Id} ({(model.Media == MediaKind.Image ? "image" : "video")} model, C# name {ModelNaming.TypeNameOf(model)})");
        if (catalog.OriginOf(model.Id) is SourceLocation origin)
        {
            output.WriteLine($"  declared at: {origin}");
        }

        output.WriteLine("  generation types:");
        foreach (GenerationTypeSpec type in model.GenerationTypes)
        {
            output.WriteLine($"    {type.Type}: {Inputs(type)}");
            foreach (string note in type.Notes)
            {
                output.WriteLine($"      note: {note}");
            }
        }

        output.WriteLine($"  duration: {model.Duration.Describe()}");
        output.WriteLine($"  sound: {(model.Sound ? "yes" : "ignored")}");
        output.WriteLine($"  negative_prompt: {(model.NegativePrompt ? "yes" : "ignored")}");
        output.WriteLine($"  quality: {Quality(model)}");
        if (model.Resolution is { } resolution)
        {
            output.WriteLine($"  resolution: {string.Join(", ", resolution.Values)}{(resolution.Parameter is null ? " (wire parameter not documented)" : $" via {resolution.Parameter}")}");
        }

        output.WriteLine($"  prompt limit: {(model.PromptMaxLength is int limit ? limit.ToString("N0", CultureInfo.InvariantCulture) + " characters" : "not documented")}");
        output.WriteLine($"  aspect ratios: {(model.AspectRatios.IsEmpty ? $"any W:H (default {catalog.Defaults.AspectRatio})" : string.Join(", ", model.AspectRatios))}");
        if (model.Elements is { } elements)
        {
            output.WriteLine($"  kling elements: {elements.MinImages}–{elements.MaxImages} images ({string.Join("/", elements.ImageFormats)}) or {elements.Videos} video ({string.Join("/", elements.VideoFormats)})");
        }

        if (model.Pricing is { } pricing)
        {
            if (pricing.CreditsPerSecond is double credits)
            {
                output.WriteLine($"  pricing: {credits.ToString(CultureInfo.InvariantCulture)} credits per second");
            }

            foreach (string note in pricing.Notes)
            {
                output.WriteLine($"  pricing: {note}");
            }
        }

        foreach (string note in model.Notes.Concat(model.Duration.Notes))
        {
            output.WriteLine($"  note: {note}");
        }

        if (!model.Sources.IsEmpty)
        {
            output.WriteLine($"  spec sections: {string.Join("; ", model.Sources)}");
        }
    }

    public static string Inputs(GenerationTypeSpec type, bool brief = false)
    {
        if (type.TakesNoMedia)
        {
            return "no source media";
        }

        var parts = new List<string>();
        if (type.Images is { } images)
        {
            parts.Add(Describe(images, "image", brief));
        }

        if (type.Videos is { } videos)
        {
            parts.Add(Describe(videos, "video", brief));
        }

        return string.Join(" + ", parts);
    }

    private static string Describe(SourceMediaLimit limit, string kind, bool brief)
    {
        string text = limit.Describe(kind);
        if (brief)
        {
            return text;
        }

        var details = new List<string>();
        if (!limit.Roles.IsEmpty)
        {
            details.Add(string.Join(" + ", limit.Roles));
        }

        if (!limit.Formats.IsEmpty)
        {
            details.Add(string.Join("/", limit.Formats));
        }

        if (limit.MaxFileSizeMb is double size)
        {
            details.Add($"≤ {size.ToString(CultureInfo.InvariantCulture)} MB");
        }

        if (limit.MaxDurationSeconds is int seconds)
        {
            details.Add($"≤ {seconds} s");
        }

        return details.Count == 0 ? text : $"{text} ({string.Join(", ", details)})";
    }

    private static string Quality(ModelSpec model)
    {
        if (model.Quality is not { } quality)
        {
            return "ignored";
        }

        string values = string.Join(", ", quality.Values.Select(v => v.Meaning is null ? v.Value : $"{v.Value} → {v.Meaning}"));
        return values + (quality.Open ? " (and other API values)" : string.Empty) + (quality.MapsTo is null ? string.Empty : $"; mapped to {quality.MapsTo}");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
