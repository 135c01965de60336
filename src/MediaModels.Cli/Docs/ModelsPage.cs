using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Catalog.Naming;

namespace MediaModels.Cli.Docs;

/// <summary>Renders docs/models.md from the catalog: a capability matrix, the spec's tables, and one section per model.</summary>
internal static class ModelsPage
{
    public const string MatrixHeading = "## Capabilities at a glance";
    public const string DurationHeading = "### Models that support `duration`";
    public const string NegativePromptHeading = "### Models that support `negative_prompt`";
    public const string QualityHeading = "### Models that support `quality` (or an equivalent)";
    public const string PromptHeading = "### Prompt character limits";
    public const string InputHeading = "### Input file (image and video) limits";
    public const string SoundHeading = "### Models that support audio (`sound`)";
    public const string ElementsHeading = "### Kling elements";
    public const string ModesHeading = "### Generation modes (check `generation_type` before sending media)";
    public const string PricingHeading = "### Pricing facts";

    public static string Render(ModelCatalog catalog)
    {
        var md = new StringBuilder();
        md.Append("# Models\n\n");
        md.Append("<!-- Generated from catalog/ by `dotnet run --project src/MediaModels.Cli -- docs --out docs`. Do not edit. -->\n\n");
        md.Append($"{catalog.Models.Count} models. Defaults when a parameter is omitted: ")
            .Append(string.Join(", ", catalog.Defaults.WhenOmitted().Select(d => $"`{d.Parameter}` {d.Value}"))).Append(".\n\n");
        md.Append(CertaintyLegend).Append("\n\n");
        foreach (string note in catalog.Defaults.Notes)
        {
            md.Append("- ").Append(note).Append('\n');
        }

        md.Append('\n');
        ModelFactSheet[] sheets = catalog.Models.Select(m => ModelFactSheet.Of(m, catalog.Defaults)).ToArray();
        Matrix(sheets, md);
        md.Append("## The spec's tables, regenerated from the catalog\n\n");
        Durations(sheets, md);
        NegativePrompt(catalog, md);
        Quality(sheets, md);
        Prompt(catalog, md);
        Inputs(catalog, sheets, md);
        Sound(catalog, md);
        Elements(sheets, md);
        Modes(sheets, md);
        Pricing(sheets, md);
        md.Append("## Models\n\n");
        foreach (ModelFactSheet sheet in sheets)
        {
            Section(sheet, md);
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The cell of a generation type in the matrix: its source media without their details, "—" when not offered.</summary>
    private static string ModeCell(ModelFactSheet sheet, string type) =>
        sheet.FindGenerationType(type) is { } mode ? (mode.Terms.IsEmpty ? "✓" : "✓ " + string.Join(" + ", mode.Terms.Select(t => t.Text))) : "—";

    private static string DurationCell(ModelSpec model) => model.Duration.Kind == DurationKind.Unsupported ? "—" : model.Duration.Describe();

    private static string QualityCell(ModelSpec model) =>
        model.Quality is { } quality
            ? string.Join(", ", quality.Values.Select(v => v.Value)) + (quality.Open ? ", …" : string.Empty)
            : model.Resolution is { } resolution ? "resolution " + string.Join("/", resolution.Values) : "—";

    private static string PromptCell(ModelSpec model) => model.PromptMaxLength?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>How the page marks certainty: every fact is the spec's unless marked as a reading or hedged.</summary>
    public const string CertaintyLegend =
        "Certainty: every fact below is stated by the spec unless it is marked as a **reading** (the catalog's interpretation " +
        "where the spec is ambiguous: breaking one is the rule's warning, not its error, and the warning says why the reading is " +
        "in doubt) or keeps the spec's own hedge (\"typically up to 100 MB\"). Prompt lengths are " + ModelFactSheet.PromptCounting + ".";

    /// <summary>The readings column of the matrix: what of the model is read ("—" when the spec states it all).</summary>
    public static string ReadingsCell(ModelSpec model)
    {
        IReadOnlyList<ModelReading> readings = ModelReadings.Of(model);
        return readings.Count == 0 ? "—" : string.Join("; ", readings.Select(r => r.Subject));
    }

    private static void Matrix(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(MatrixHeading).Append("\n\n");
        md.Append("✓ = offered (with its source media), — = not offered / ignored.\n\n");
        var table = new MarkdownTable("Model", "Media", "text-to-image", "text-to-video", "image-to-video", "image-to-image", "Duration", "Sound", "Negative prompt", "Quality", "Prompt limit", "Readings");
        foreach (ModelFactSheet sheet in sheets)
        {
            ModelSpec model = sheet.Model;
            table.Row(
                $"`{model.Id}`",
                sheet.Media,
                ModeCell(sheet, GenerationTypes.TextToImage),
                ModeCell(sheet, GenerationTypes.TextToVideo),
                ModeCell(sheet, GenerationTypes.ImageToVideo),
                ModeCell(sheet, GenerationTypes.ImageToImage),
                DurationCell(model),
                model.Sound ? "✓" : "—",
                model.NegativePrompt ? "✓" : "—",
                QualityCell(model),
                PromptCell(model),
                ReadingsCell(model));
        }

        table.WriteTo(md);
    }

    private static void Durations(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(DurationHeading).Append("\n\n");
        var table = new MarkdownTable("Model(s)", "Supported values", "Notes");
        // Models share a row only when they share the values and the notes: a note is one model's, never its neighbours'.
        var durations = sheets
            .Where(s => s.Model.Duration.Kind != DurationKind.Unsupported)
            .Select(s => (s.Model.Id, Fact: s.Find(FactSubject.Duration)!))
            .GroupBy(m => (m.Fact.Value, Notes: string.Join(" ", m.Fact.Notes)));
        foreach (var group in durations)
        {
            table.Row(string.Join(", ", group.Select(m => $"`{m.Id}`")), group.Key.Value, group.Key.Notes);
        }

        table.WriteTo(md);
        md.Append("Every other model ignores `duration` (MM0103).\n\n");
    }

    private static void NegativePrompt(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(NegativePromptHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Generation types");
        foreach (ModelSpec model in catalog.Models.Where(m => m.NegativePrompt))
        {
            table.Row($"`{model.Id}`", Types(model));
        }

        table.WriteTo(md);
        md.Append("Every other model ignores `negative_prompt` (MM0102).\n\n");
    }

    private static void Quality(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(QualityHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "How it works", "Values");
        foreach (ModelFactSheet sheet in sheets)
        {
            ModelSpec model = sheet.Model;
            if (model.Quality is { } quality)
            {
                ModelFact fact = sheet.Find(FactSubject.Quality)!;
                string how = quality.MapsTo is null ? "Uses quality directly." : $"Mapped to {quality.MapsTo}.";
                string values = string.Join(", ", fact.Terms.Select(t => t.Detail is null ? $"`{t.Text}`" : $"`{t.Text}` ({t.Detail})"));
                table.Row($"`{model.Id}`", how, values + (quality.Open ? "; other API values accepted" : string.Empty));
            }
            else if (sheet.Find(FactSubject.Resolution) is { } resolution)
            {
                table.Row($"`{model.Id}`", "Resolution, not a generic quality string (quality is ignored).", string.Join(", ", resolution.Terms.Select(t => t.Text)));
            }
        }

        table.WriteTo(md);
        md.Append("Every other model ignores `quality` (MM0104).\n\n");
    }

    private static void Prompt(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(PromptHeading).Append("\n\n");
        var table = new MarkdownTable("Model(s)", "Max characters", "Certainty");
        foreach (var group in catalog.Models.Where(m => m.PromptMaxLength is not null)
            .GroupBy(m => (Limit: m.PromptMaxLength!.Value, Reading: m.ReadingOf(FactKeys.PromptMaxLength)))
            .OrderBy(g => g.Key.Limit).ThenBy(g => g.Key.Reading is not null))
        {
            table.Row(Ids(group), group.Key.Limit.ToString("N0", CultureInfo.InvariantCulture), group.Key.Reading is string reading ? "Reading: " + reading : "Stated");
        }

        table.WriteTo(md);
        md.Append("Other models have no documented limit. Characters are " + ModelFactSheet.PromptCounting + ".\n\n");
    }

    private static void Inputs(ModelCatalog catalog, ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(InputHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Generation type", "Source media");
        foreach (ModelFactSheet sheet in sheets)
        {
            foreach (ModelFact mode in sheet.Facts.Where(f => f.Subject == FactSubject.GenerationType && !f.Terms.IsEmpty))
            {
                table.Row($"`{sheet.Model.Id}`", mode.Label, mode.Value);
            }
        }

        table.WriteTo(md);
        if (catalog.Defaults.ImageInput is { } image)
        {
            md.Append($"Images: {image.HedgeOf(FactKeys.Formats) ?? "every model"} accept {string.Join(", ", image.Formats)}" + (ModelReadings.DescribeMaxFileSize(image) is string size ? $", {size} per file" : string.Empty)
                + ". An image in another format, for a model that lists no formats of its own, is MM0305 (a warning, since the spec says \"most models\").\n\n");
        }
    }

    private static void Sound(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(SoundHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Generation types");
        foreach (ModelSpec model in catalog.Models.Where(m => m.Sound))
        {
            table.Row($"`{model.Id}`", Types(model));
        }

        table.WriteTo(md);
        md.Append("Every other model ignores `sound` (MM0101).\n\n");
    }

    private static void Elements(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(ElementsHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Image element", "Video element", "Usable in");
        foreach (ModelFactSheet sheet in sheets)
        {
            if (sheet.Find(FactSubject.Elements) is { } elements)
            {
                string video = elements.Terms.Count > 1 ? elements.Terms[1].ToString() : "—";
                table.Row($"`{sheet.Model.Id}`", elements.Terms[0].ToString(), video, string.Join("; ", elements.Details));
            }
        }

        table.WriteTo(md);
        md.Append("Each element needs a `name` (referenced as `@name` in the prompt) and a `description`.\n\n");
    }

    private static void Modes(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(ModesHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "`generation_type`", "`source_media_urls`");
        foreach (ModelFactSheet sheet in sheets)
        {
            ModelFact[] modes = sheet.Facts.Where(f => f.Subject == FactSubject.GenerationType).ToArray();
            if (modes.Select(m => m.Value).Distinct().Count() < 2)
            {
                continue;
            }

            foreach (ModelFact mode in modes)
            {
                table.Row($"`{sheet.Model.Id}`", mode.Label, mode.Terms.IsEmpty ? "omit" : mode.Value);
            }
        }

        table.WriteTo(md);
    }

    private static void Pricing(ModelFactSheet[] sheets, StringBuilder md)
    {
        md.Append(PricingHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Pricing");
        foreach (ModelFactSheet sheet in sheets)
        {
            if (sheet.Find(FactSubject.Pricing) is { } pricing)
            {
                table.Row($"`{sheet.Model.Id}`", string.Join(" ", (pricing.Applies ? new[] { pricing.Value + "." } : Array.Empty<string>()).Concat(pricing.Notes)));
            }
        }

        table.WriteTo(md);
    }

    /// <summary>One model's section: its fact sheet, one item per fact with that fact's notes nested under it.</summary>
    private static void Section(ModelFactSheet sheet, StringBuilder md)
    {
        ModelSpec model = sheet.Model;
        md.Append($"### `{model.Id}`\n\n");
        md.Append($"- Media: {sheet.Media}; C# name `{ModelNaming.TypeNameOf(model)}`\n");
        foreach (ModelFact fact in sheet.Facts)
        {
            if (fact.Subject == FactSubject.Notes)
            {
                md.Append("- Notes:\n");
            }
            else
            {
                string label = fact.LabelIsWireName ? $"`{fact.Label}`" : char.ToUpperInvariant(fact.Label[0]) + fact.Label.Substring(1);
                md.Append($"- {label}: {fact.Value}\n");
            }

            foreach (string note in fact.Notes)
            {
                md.Append($"  - {note}\n");
            }

            foreach (FactTerm reading in fact.Subject == FactSubject.Certainty ? fact.Terms : EquatableArray<FactTerm>.Empty)
            {
                md.Append($"  - {Reading(reading)}\n");
            }
        }

        md.Append('\n');
    }

    /// <summary>One reading under a section's certainty item: <c>**image-to-video images**: note</c>.</summary>
    public static string Reading(FactTerm reading) => $"**{reading.Text}**: {reading.Detail}";

    private static string Ids(IEnumerable<ModelSpec> models) => string.Join(", ", models.Select(m => $"`{m.Id}`"));

    private static string Types(ModelSpec model) => string.Join(", ", model.GenerationTypes.Select(t => t.Type));
}
