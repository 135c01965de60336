using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaModels.Catalog;

namespace MediaModels.Client;

/// <summary>What kind of difference a <see cref="DriftEntry"/> is.</summary>
public enum DriftKind
{
    /// <summary>The service lists a model our catalog does not have.</summary>
    OnlyOnService,

    /// <summary>Our catalog has a model the service does not list.</summary>
    OnlyInCatalog,

    /// <summary>The model produces another kind of media.</summary>
    MediaType,

    /// <summary>The generation types differ.</summary>
    GenerationTypes,

    /// <summary>The input kinds (image, video) differ.</summary>
    InputKinds,

    /// <summary>The counts of inputs of one generation type differ.</summary>
    InputCounts,
}

/// <summary>One difference between our catalog and the live <c>get_models</c>.</summary>
/// <param name="ModelId">The model.</param>
/// <param name="Kind">What differs.</param>
/// <param name="Ours">Our catalog's value, as text ("-" when absent).</param>
/// <param name="Live">The service's value, as text ("-" when absent).</param>
public sealed record DriftEntry(string ModelId, DriftKind Kind, string Ours, string Live);

/// <summary>
/// Compares a catalog with the live <c>get_models</c> answer: models on one side only, media type, generation types,
/// input kinds and input counts per generation type (each compared only when the service reports it), and writes a
/// catalog overlay that adopts what is new or changed.
/// </summary>
public static class CatalogDrift
{
    /// <summary>Every difference, ordered by model id.</summary>
    /// <param name="catalog">Our catalog.</param>
    /// <param name="live">The service's list.</param>
    public static IReadOnlyList<DriftEntry> Compare(ModelCatalog catalog, ModelList live)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (live is null)
        {
            throw new ArgumentNullException(nameof(live));
        }

        var entries = new List<DriftEntry>();
        var liveIds = new HashSet<string>(live.Models.Select(m => m.Id), StringComparer.Ordinal);
        foreach (ModelInfo model in live.Models)
        {
            ModelSpec? ours = catalog.Find(model.Id);
            if (ours is null)
            {
                entries.Add(new DriftEntry(model.Id, DriftKind.OnlyOnService, "-", Summary(model)));
                continue;
            }

            string? liveMedia = Normalize(model.MediaType);
            string ourMedia = ours.Media == MediaKind.Image ? "image" : "video";
            if (liveMedia is "image" or "video" && liveMedia != ourMedia)
            {
                entries.Add(new DriftEntry(model.Id, DriftKind.MediaType, ourMedia, liveMedia));
            }

            string[] ourTypes = ours.GenerationTypes.Select(t => t.Type).OrderBy(t => t, StringComparer.Ordinal).ToArray();
            string[] liveTypes = model.GenerationTypes.Select(t => t.Trim()).OrderBy(t => t, StringComparer.Ordinal).Distinct().ToArray();
            if (liveTypes.Length > 0 && !ourTypes.SequenceEqual(liveTypes, StringComparer.Ordinal))
            {
                entries.Add(new DriftEntry(model.Id, DriftKind.GenerationTypes, string.Join(", ", ourTypes), string.Join(", ", liveTypes)));
            }

            string[] ourKinds = Kinds(ours);
            string[] liveKinds = model.InputMediaTypes.Select(k => Normalize(k) ?? k).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray();
            if (model.InputMediaTypes.Count > 0 && !ourKinds.SequenceEqual(liveKinds, StringComparer.Ordinal))
            {
                entries.Add(new DriftEntry(model.Id, DriftKind.InputKinds, Join(ourKinds), Join(liveKinds)));
            }

            foreach (GenerationTypeSpec type in ours.GenerationTypes)
            {
                if (!model.Inputs.TryGetValue(type.Type, out ModelInputs? inputs))
                {
                    continue;
                }

                string ourText = Describe(type.Images, type.Videos);
                string liveText = Describe(inputs);
                if (ourText != liveText)
                {
                    entries.Add(new DriftEntry(model.Id, DriftKind.InputCounts, $"{type.Type}: {ourText}", $"{type.Type}: {liveText}"));
                }
            }
        }

        foreach (ModelSpec model in catalog.Models)
        {
            if (!liveIds.Contains(model.Id))
            {
                entries.Add(new DriftEntry(model.Id, DriftKind.OnlyInCatalog, string.Join(", ", model.GenerationTypes.Select(t => t.Type)), "-"));
            }
        }

        return entries.OrderBy(e => e.ModelId, StringComparer.Ordinal).ThenBy(e => e.Kind).ToArray();
    }

    /// <summary>
    /// A catalog overlay (YAML, for <c>--catalog</c>) adopting what the service has and we do not: new models under
    /// <c>models:</c> (media, generation types and input counts as reported; every other rule unknown) and changed
    /// generation types or input counts under <c>overrides:</c>. Every entry is marked for review. Models missing
    /// from the service and generation types it no longer lists are reported as comments only: an overlay cannot
    /// remove them.
    /// </summary>
    /// <param name="catalog">Our catalog.</param>
    /// <param name="live">The service's list.</param>
    /// <param name="entries">The result of <see cref="Compare"/>.</param>
    /// <param name="source">Where the list came from, for the header comment.</param>
    public static string WriteOverlay(ModelCatalog catalog, ModelList live, IReadOnlyList<DriftEntry> entries, string source)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Catalog overlay written by `mediamodels drift` from the live get_models of ").Append(source)
            .Append(" on ").Append(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(".\n");
        yaml.Append("# REVIEW every entry before use: get_models reports generation types and input counts only, so durations,\n");
        yaml.Append("# prompt limits, sound, quality and the rest are unknown for new models. Use with: --catalog THIS_FILE\n");

        string[] added = entries.Where(e => e.Kind == DriftKind.OnlyOnService).Select(e => e.ModelId).Distinct().ToArray();
        string[] changed = entries.Where(e => e.Kind is DriftKind.GenerationTypes or DriftKind.InputCounts).Select(e => e.ModelId).Distinct().ToArray();
        foreach (DriftEntry entry in entries.Where(e => e.Kind is DriftKind.OnlyInCatalog or DriftKind.MediaType or DriftKind.InputKinds))
        {
            yaml.Append("# NOT ADOPTED (review by hand): ").Append(entry.ModelId).Append(' ').Append(entry.Kind)
                .Append(": ours ").Append(entry.Ours).Append("; live ").Append(entry.Live).Append('\n');
        }

        if (added.Length > 0)
        {
            yaml.Append("models:\n");
            foreach (string id in added)
            {
                ModelInfo model = live.Find(id)!;
                string media = Normalize(model.MediaType) is "image" or "video" ? Normalize(model.MediaType)!
                    : model.GenerationTypes.Any(t => t.EndsWith("-video", StringComparison.Ordinal)) ? "video" : "image";
                yaml.Append("  - id: ").Append(Scalar(id)).Append('\n');
                yaml.Append("    media: ").Append(media).Append('\n');
                AppendGenerationTypes(yaml, model, model.GenerationTypes.Count > 0 ? model.GenerationTypes : new[] { GenerationTypes.Default });
                yaml.Append("    notes:\n");
                yaml.Append("      - ").Append(Scalar($"REVIEW: added by mediamodels drift from the live get_models of {source}; only its generation types and input counts are known.")).Append('\n');
            }
        }

        if (changed.Length > 0)
        {
            yaml.Append("overrides:\n");
            foreach (string id in changed)
            {
                ModelInfo model = live.Find(id)!;
                ModelSpec ours = catalog.Find(id)!;
                foreach (DriftEntry entry in entries.Where(e => e.ModelId == id && e.Kind is DriftKind.GenerationTypes or DriftKind.InputCounts))
                {
                    yaml.Append("  # REVIEW: ").Append(id).Append(' ').Append(entry.Kind).Append(": ours ").Append(entry.Ours).Append("; live ").Append(entry.Live).Append('\n');
                }

                string[] dropped = ours.GenerationTypes.Select(t => t.Type).Where(t => model.GenerationTypes.Count > 0 && !model.GenerationTypes.Contains(t)).ToArray();
                if (dropped.Length > 0)
                {
                    yaml.Append("  # NOT ADOPTED: the service no longer lists ").Append(string.Join(", ", dropped)).Append("; an override cannot remove a generation type.\n");
                }

                yaml.Append("  - id: ").Append(Scalar(id)).Append('\n');
                AppendGenerationTypes(yaml, model, model.GenerationTypes.Count > 0 ? model.GenerationTypes : ours.GenerationTypes.Select(t => t.Type).ToArray());
            }
        }

        if (added.Length == 0 && changed.Length == 0)
        {
            yaml.Append("# Nothing to adopt.\nmodels: []\n");
        }

        return yaml.ToString();
    }

    private static void AppendGenerationTypes(StringBuilder yaml, ModelInfo model, IEnumerable<string> types)
    {
        yaml.Append("    generation_types:\n");
        foreach (string type in types.Distinct())
        {
            yaml.Append("      ").Append(type).Append(':');
            if (model.Inputs.TryGetValue(type, out ModelInputs? inputs) && (inputs.Images is not null || inputs.Videos is not null))
            {
                yaml.Append('\n');
                AppendCount(yaml, "images", inputs.Images);
                AppendCount(yaml, "videos", inputs.Videos);
            }
            else
            {
                yaml.Append('\n');
            }
        }
    }

    private static void AppendCount(StringBuilder yaml, string name, InputCount? count)
    {
        if (count is null || (count.Max is 0))
        {
            return;
        }

        yaml.Append("        ").Append(name).Append(": { min: ").Append((count.Min ?? 0).ToString(CultureInfo.InvariantCulture));
        if (count.Max is int max)
        {
            yaml.Append(", max: ").Append(max.ToString(CultureInfo.InvariantCulture));
        }

        yaml.Append(" }\n");
    }

    private static string Scalar(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string[] Kinds(ModelSpec model)
    {
        var kinds = new List<string>();
        if (model.GenerationTypes.Any(t => t.Images is not null))
        {
            kinds.Add("image");
        }

        if (model.GenerationTypes.Any(t => t.Videos is not null))
        {
            kinds.Add("video");
        }

        return kinds.ToArray();
    }

    private static string Join(string[] values) => values.Length == 0 ? "none" : string.Join(", ", values);

    private static string? Normalize(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "image" or "images" => "image",
        "video" or "videos" => "video",
        null => null,
        string other => other,
    };

    private static string Describe(SourceMediaLimit? images, SourceMediaLimit? videos) =>
        Describe(images is null ? null : new InputCount(images.Min, images.Max), videos is null ? null : new InputCount(videos.Min, videos.Max));

    private static string Describe(ModelInputs inputs) => Describe(inputs.Images, inputs.Videos);

    private static string Describe(InputCount? images, InputCount? videos)
    {
        var parts = new List<string>();
        if (images is not null && images.Max is not 0)
        {
            parts.Add($"images {Range(images)}");
        }

        if (videos is not null && videos.Max is not 0)
        {
            parts.Add($"videos {Range(videos)}");
        }

        return parts.Count == 0 ? "no media" : string.Join(" + ", parts);
    }

    private static string Range(InputCount count) =>
        count.Max is null ? $"{count.Min ?? 0}+" : count.Min == count.Max ? $"{count.Max}" : $"{count.Min ?? 0}-{count.Max}";

    private static string Summary(ModelInfo model) =>
        model.GenerationTypes.Count == 0 ? (model.MediaType ?? "?") : string.Join(", ", model.GenerationTypes);
}
