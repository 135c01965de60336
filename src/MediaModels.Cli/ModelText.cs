using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
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

    /// <summary>One model in full: its fact sheet, one line per fact with that fact's notes under it.</summary>
    public static void WriteDetails(ModelSpec model, ModelCatalog catalog, TextWriter output)
    {
        var sheet = ModelFactSheet.Of(model, catalog.Defaults);
        output.WriteLine($"{model.Id} ({sheet.Media} model, C# name {ModelNaming.TypeNameOf(model)})");
        if (catalog.OriginOf(model.Id) is SourceLocation origin)
        {
            output.WriteLine($"  declared at: {origin}");
        }

        output.WriteLine("  generation types:");
        foreach (ModelFact fact in sheet.Facts)
        {
            switch (fact.Subject)
            {
                case FactSubject.GenerationType:
                    output.WriteLine($"    {fact.Label}: {fact.Value}");
                    WriteNotes(fact, "      ", output);
                    break;
                case FactSubject.Notes:
                    WriteNotes(fact, "  ", output);
                    break;
                default:
                    output.WriteLine($"  {fact.Label}: {fact.Value}");
                    if (fact.Subject == FactSubject.Prompt && fact.Applies)
                    {
                        output.WriteLine("    " + ModelFactSheet.PromptCounting);
                    }

                    WriteNotes(fact, "    ", output);
                    break;
            }

            if (fact.Subject == FactSubject.Certainty)
            {
                foreach (FactTerm reading in fact.Terms)
                {
                    output.WriteLine($"    reading, {reading.Text}: {reading.Detail}");
                }
            }
        }

        output.WriteLine("  defaults when omitted: " + string.Join(", ", catalog.Defaults.WhenOmitted().Select(d => d.Parameter + " " + d.Value)));
    }

    private static void WriteNotes(ModelFact fact, string indent, TextWriter output)
    {
        foreach (string note in fact.Notes)
        {
            output.WriteLine($"{indent}note: {note}");
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
