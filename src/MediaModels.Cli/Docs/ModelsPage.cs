using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
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
        md.Append($"{catalog.Models.Count} models. Defaults when a parameter is omitted: `generation_type` {catalog.Defaults.GenerationType}, ");
        md.Append($"`aspect_ratio` {catalog.Defaults.AspectRatio}" + (catalog.Defaults.Quality is string q ? $", `quality` {q}" : string.Empty) + ".\n\n");
        foreach (string note in catalog.Defaults.Notes)
        {
            md.Append("- ").Append(note).Append('\n');
        }

        md.Append('\n');
        Matrix(catalog, md);
        md.Append("## The spec's tables, regenerated from the catalog\n\n");
        Durations(catalog, md);
        NegativePrompt(catalog, md);
        Quality(catalog, md);
        Prompt(catalog, md);
        Inputs(catalog, md);
        Sound(catalog, md);
        Elements(catalog, md);
        Modes(catalog, md);
        Pricing(catalog, md);
        md.Append("## Models\n\n");
        foreach (ModelSpec model in catalog.Models)
        {
            Section(model, md);
        }

        return md.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>The cell of a generation type in the matrix: "—" when not offered.</summary>
    public static string ModeCell(ModelSpec model, string type) =>
        model.FindGenerationType(type) is { } mode ? (mode.TakesNoMedia ? "✓" : "✓ " + ModelText.Inputs(mode, brief: true)) : "—";

    public static string DurationCell(ModelSpec model) => model.Duration.Kind == DurationKind.Unsupported ? "—" : model.Duration.Describe();

    public static string QualityCell(ModelSpec model) =>
        model.Quality is { } quality
            ? string.Join(", ", quality.Values.Select(v => v.Value)) + (quality.Open ? ", …" : string.Empty)
            : model.Resolution is { } resolution ? "resolution " + string.Join("/", resolution.Values) : "—";

    public static string PromptCell(ModelSpec model) => model.PromptMaxLength?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static void Matrix(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(MatrixHeading).Append("\n\n");
        md.Append("✓ = offered (with its source media), — = not offered / ignored.\n\n");
        var table = new MarkdownTable("Model", "Media", "text-to-image", "text-to-video", "image-to-video", "image-to-image", "Duration", "Sound", "Negative prompt", "Quality", "Prompt limit");
        foreach (ModelSpec model in catalog.Models)
        {
            table.Row(
                $"`{model.Id}`",
                model.Media == MediaKind.Image ? "image" : "video",
                ModeCell(model, GenerationTypes.TextToImage),
                ModeCell(model, GenerationTypes.TextToVideo),
                ModeCell(model, GenerationTypes.ImageToVideo),
                ModeCell(model, GenerationTypes.ImageToImage),
                DurationCell(model),
                model.Sound ? "✓" : "—",
                model.NegativePrompt ? "✓" : "—",
                QualityCell(model),
                PromptCell(model));
        }

        table.WriteTo(md);
    }

    private static void Durations(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(DurationHeading).Append("\n\n");
        var table = new MarkdownTable("Model(s)", "Supported values", "Notes");
        foreach (var group in catalog.Models.Where(m => m.Duration.Kind != DurationKind.Unsupported).GroupBy(m => m.Duration.Describe()))
        {
            table.Row(Ids(group), group.Key, string.Join(" ", group.SelectMany(m => m.Duration.Notes).Distinct()));
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

    private static void Quality(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(QualityHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "How it works", "Values");
        foreach (ModelSpec model in catalog.Models)
        {
            if (model.Quality is { } quality)
            {
                string how = quality.MapsTo is null ? "Uses quality directly." : $"Mapped to {quality.MapsTo}.";
                string values = string.Join(", ", quality.Values.Select(v => v.Meaning is null ? $"`{v.Value}`" : $"`{v.Value}` ({v.Meaning})"));
                table.Row($"`{model.Id}`", how, values + (quality.Open ? "; other API values accepted" : string.Empty));
            }
            else if (model.Resolution is { } resolution)
            {
                table.Row($"`{model.Id}`", "Resolution, not a generic quality string (quality is ignored).", string.Join(", ", resolution.Values));
            }
        }

        table.WriteTo(md);
        md.Append("Every other model ignores `quality` (MM0104).\n\n");
    }

    private static void Prompt(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(PromptHeading).Append("\n\n");
        var table = new MarkdownTable("Model(s)", "Max characters");
        foreach (var group in catalog.Models.Where(m => m.PromptMaxLength is not null).GroupBy(m => m.PromptMaxLength!.Value).OrderBy(g => g.Key))
        {
            table.Row(Ids(group), group.Key.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.WriteTo(md);
        md.Append("Other models have no documented limit. Characters are Unicode code points.\n\n");
    }

    private static void Inputs(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(InputHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Generation type", "Source media");
        foreach (ModelSpec model in catalog.Models)
        {
            foreach (GenerationTypeSpec mode in model.GenerationTypes.Where(t => !t.TakesNoMedia))
            {
                table.Row($"`{model.Id}`", mode.Type, ModelText.Inputs(mode));
            }
        }

        table.WriteTo(md);
        if (catalog.Defaults.ImageInput is { } image)
        {
            md.Append($"Most models accept images as {string.Join(", ", image.Formats)}" + (image.MaxFileSizeMb is double mb ? $", typically up to {mb.ToString(CultureInfo.InvariantCulture)} MB per file" : string.Empty) + ".\n\n");
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

    private static void Elements(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(ElementsHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Image element", "Video element", "Usable in");
        foreach (ModelSpec model in catalog.Models.Where(m => m.Elements is not null))
        {
            ElementRules rules = model.Elements!;
            string image = $"{rules.MinImages}–{rules.MaxImages} images" + Details(rules.ImageFormats, rules.MaxImageFileSizeMb) + (rules.MinImagePixels is int px ? $", min {px}×{px} px" : string.Empty);
            string video = $"{rules.Videos} video" + Details(rules.VideoFormats, rules.MaxVideoFileSizeMb);
            string usable = string.Join("; ", model.GenerationTypes.Where(t => t.ElementsRequireImages is not null).Select(t => $"{t.Type} with {t.ElementsRequireImages} image(s)"));
            table.Row($"`{model.Id}`", image, video, usable);
        }

        table.WriteTo(md);
        md.Append("Each element needs a `name` (referenced as `@name` in the prompt) and a `description`.\n\n");
    }

    private static void Modes(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(ModesHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "`generation_type`", "`source_media_urls`");
        foreach (ModelSpec model in catalog.Models.Where(m => m.GenerationTypes.Count > 1 && m.GenerationTypes.Select(t => ModelText.Inputs(t)).Distinct().Count() > 1))
        {
            foreach (GenerationTypeSpec mode in model.GenerationTypes)
            {
                table.Row($"`{model.Id}`", mode.Type, mode.TakesNoMedia ? "omit" : ModelText.Inputs(mode));
            }
        }

        table.WriteTo(md);
    }

    private static void Pricing(ModelCatalog catalog, StringBuilder md)
    {
        md.Append(PricingHeading).Append("\n\n");
        var table = new MarkdownTable("Model", "Pricing");
        foreach (ModelSpec model in catalog.Models.Where(m => m.Pricing is not null))
        {
            table.Row($"`{model.Id}`", PricingText(model.Pricing!));
        }

        table.WriteTo(md);
    }

    private static void Section(ModelSpec model, StringBuilder md)
    {
        md.Append($"### `{model.Id}`\n\n");
        md.Append($"- Media: {(model.Media == MediaKind.Image ? "image" : "video")}; C# name `{ModelNaming.TypeNameOf(model)}`\n");
        foreach (GenerationTypeSpec mode in model.GenerationTypes)
        {
            md.Append($"- `{mode.Type}`: {ModelText.Inputs(mode)}\n");
            foreach (string note in mode.Notes.Concat(mode.Images?.Notes ?? EquatableArray<string>.Empty).Concat(mode.Videos?.Notes ?? EquatableArray<string>.Empty))
            {
                md.Append($"  - {note}\n");
            }
        }

        md.Append($"- Duration: {model.Duration.Describe()}\n");
        md.Append($"- Sound: {(model.Sound ? "yes" : "ignored")}; negative prompt: {(model.NegativePrompt ? "yes" : "ignored")}; quality: {QualityCell(model).Replace("—", "ignored")}\n");
        md.Append($"- Prompt limit: {(model.PromptMaxLength is int limit ? limit.ToString("N0", CultureInfo.InvariantCulture) + " characters" : "not documented")}\n");
        if (model.Pricing is { } pricing)
        {
            md.Append($"- Pricing: {PricingText(pricing)}\n");
        }

        var notes = model.Notes.Concat(model.Duration.Notes).Concat(model.Quality?.Notes ?? EquatableArray<string>.Empty)
            .Concat(model.Resolution?.Notes ?? EquatableArray<string>.Empty).Concat(model.Elements?.Notes ?? EquatableArray<string>.Empty).ToList();
        if (notes.Count > 0)
        {
            md.Append("- Notes:\n");
            foreach (string note in notes)
            {
                md.Append($"  - {note}\n");
            }
        }

        if (!model.Sources.IsEmpty)
        {
            md.Append($"- Spec sections: {string.Join("; ", model.Sources)}\n");
        }

        md.Append('\n');
    }

    private static string PricingText(PricingFacts pricing) =>
        string.Join(" ", new[] { pricing.CreditsPerSecond is double c ? $"{c.ToString(CultureInfo.InvariantCulture)} credits per second." : null }.Concat(pricing.Notes).Where(s => s is not null));

    private static string Details(EquatableArray<string> formats, double? maxMb) =>
        (formats.IsEmpty ? string.Empty : $" ({string.Join("/", formats)})") + (maxMb is double mb ? $", max {mb.ToString(CultureInfo.InvariantCulture)} MB each" : string.Empty);

    private static string Ids(IEnumerable<ModelSpec> models) => string.Join(", ", models.Select(m => $"`{m.Id}`"));

    private static string Types(ModelSpec model) => string.Join(", ", model.GenerationTypes.Select(t => t.Type));
}
