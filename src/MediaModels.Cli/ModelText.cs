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
    /// <summary>Every model at a glance, one row per model.</summary>
    public static void WriteTable(ModelCatalog catalog, TextWriter output) => TextTable.Write(
        output,
        new[] { "ID", "MEDIA", "GENERATION TYPES", "DURATIONS", "SOUND", "PROMPT LIMIT" },
        catalog.Models.Select(m => new[]
        {
            m.Id,
            Media(m),
            string.Join(", ", m.GenerationTypes.Select(t => t.Type)),
            m.Duration.Kind == DurationKind.Unsupported ? "-" : m.Duration.Describe(),
            m.Sound ? "yes" : "-",
            m.PromptMaxLength?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
        }));

    /// <summary>The model's media as the table and <c>--format json</c> name it.</summary>
    public static string Media(ModelSpec model) => model.Media == MediaKind.Image ? "image" : "video";

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
}
