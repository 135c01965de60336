using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Reading;

/// <summary>
/// Merges parsed files in order into one catalog. A later file may declare new models (<c>models:</c>) or change
/// fields of a model declared earlier (<c>overrides:</c>): each field an override gives replaces the model's field
/// wholesale, except <c>generation_types</c>, which is merged per generation type. Reports duplicate ids (MM1005),
/// overrides of unknown ids (MM1007), contradictions across a merged model (MM1006, MM1013) and the C# name rules
/// (MM1009, MM1010: <see cref="ModelNameCheck"/>).
/// </summary>
/// <remarks>
/// With <see cref="CatalogFileParser"/> this is the one catalog check: <c>mediamodels catalog check</c>, the source
/// generator, the analyzers and the runtime loader all merge through it, so they report the same diagnostics at the same
/// places and agree on the models. A model with any problem (in its entry, in an override of it, or as a whole) is
/// left out of the catalog, so nothing downstream ever sees a model that breaks a rule.
/// </remarks>
public static class CatalogMerger
{
    /// <summary>
    /// The edit-distance work (table cells) spent on did-you-mean suggestions for unknown overrides in one merge: tens
    /// of milliseconds. A file of thousands of misspelt overrides against thousands of models gets suggestions for the
    /// first of them and is still answered at once.
    /// </summary>
    public const long MaxSuggestionWork = 20_000_000;

    /// <summary>Merges <paramref name="files"/> in the order given.</summary>
    public static CatalogReadResult Merge(IEnumerable<CatalogFile> files)
    {
        var diagnostics = new List<CatalogDiagnostic>();
        var drafts = new Dictionary<string, ModelDraft>(StringComparer.Ordinal);
        var declared = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        long suggestionBudget = MaxSuggestionWork;
        var order = new List<string>();
        CatalogDefaults? defaults = null;

        foreach (CatalogFile file in files)
        {
            diagnostics.AddRange(file.Diagnostics);
            defaults = file.Defaults ?? defaults;
            foreach (ModelDraft model in file.Models)
            {
                if (drafts.TryGetValue(model.Id, out ModelDraft? existing))
                {
                    // Reported at both places: the user may be editing either file.
                    diagnostics.Add(new CatalogDiagnostic(MediaRules.CatalogDuplicateId.Id,
                        $"Model '{model.Id}' is already declared at {declared[model.Id]}. To change it, put this entry under overrides:.",
                        model.Location,
                        EquatableArray.Create(declared[model.Id])));
                    continue;
                }

                drafts.Add(model.Id, model);
                declared.Add(model.Id, model.Location);
                order.Add(model.Id);
            }

            foreach (ModelDraft change in file.Overrides)
            {
                if (!drafts.TryGetValue(change.Id, out ModelDraft? existing))
                {
                    string? nearest = NearestName.Find(change.Id, order, ref suggestionBudget);
                    diagnostics.Add(new CatalogDiagnostic(MediaRules.CatalogOverrideUnknown.Id,
                        $"overrides: names '{change.Id}', which no earlier entry declares." + (nearest is null ? " Declare it under models:." : $" Did you mean '{nearest}'?"),
                        change.Location));
                    continue;
                }

                drafts[change.Id] = Apply(existing, change);
            }
        }

        var merged = new List<(ModelDraft Draft, ModelSpec Spec)>();
        foreach (string id in order)
        {
            ModelDraft draft = drafts[id];
            if (Finish(draft, diagnostics) is ModelSpec spec)
            {
                merged.Add((draft, spec));
            }
        }

        var models = new List<ModelSpec>();
        var origins = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach ((ModelDraft draft, ModelSpec spec) in ModelNameCheck.Keep(merged, diagnostics))
        {
            models.Add(spec);
            origins[spec.Id] = draft.Location;
        }

        return new CatalogReadResult(new ModelCatalog(models, defaults, origins), diagnostics);
    }

    private static ModelDraft Apply(ModelDraft model, ModelDraft change)
    {
        var keys = model.Keys.Where(k => !change.Keys.Any(c => c.Key == k.Key)).Concat(change.Keys).ToEquatableArray();
        EquatableArray<GenerationTypeSpec>? types = model.GenerationTypes;
        if (change.GenerationTypes is { } changedTypes)
        {
            var merged = new List<GenerationTypeSpec>(types ?? EquatableArray<GenerationTypeSpec>.Empty);
            foreach (GenerationTypeSpec type in changedTypes)
            {
                int index = merged.FindIndex(t => t.Type == type.Type);
                if (index >= 0)
                {
                    merged[index] = type;
                }
                else
                {
                    merged.Add(type);
                }
            }

            types = merged.OrderBy(t => GenerationTypes.All.AsSpan().IndexOf(t.Type)).ToEquatableArray();
        }

        return model with
        {
            Location = change.Location,
            Name = change.Name ?? model.Name,
            Media = change.Media ?? model.Media,
            Family = change.Family ?? model.Family,
            GenerationTypes = types,
            Duration = change.Duration ?? model.Duration,
            Sound = change.Sound ?? model.Sound,
            NegativePrompt = change.NegativePrompt ?? model.NegativePrompt,
            Quality = change.Quality ?? model.Quality,
            Resolution = change.Resolution ?? model.Resolution,
            PromptMaxLength = change.PromptMaxLength ?? model.PromptMaxLength,
            Elements = change.Elements ?? model.Elements,
            AspectRatios = change.AspectRatios ?? model.AspectRatios,
            Pricing = change.Pricing ?? model.Pricing,
            EstimatedTimeSeconds = change.EstimatedTimeSeconds ?? model.EstimatedTimeSeconds,
            Notes = change.Notes ?? model.Notes,
            Sources = change.Sources ?? model.Sources,
            Keys = keys,
            Readings = MergeReadings(model, change),
            HasErrors = model.HasErrors || change.HasErrors,
        };
    }

    /// <summary>
    /// An override that restates a fact drops the earlier entry's reading of it (the override's author now gives the
    /// fact, e.g. from get_models); the override's own readings are added.
    /// </summary>
    private static EquatableArray<FactNote>? MergeReadings(ModelDraft model, ModelDraft change)
    {
        if (model.Readings is null)
        {
            return change.Readings;
        }

        var merged = new List<FactNote>();
        foreach (FactNote reading in model.Readings.Value)
        {
            bool restated = change.Keys.Any(k => k.Key == reading.Fact) || (change.Readings?.Any(r => r.Fact == reading.Fact) ?? false);
            if (!restated)
            {
                merged.Add(reading);
            }
        }

        merged.AddRange(change.Readings ?? EquatableArray<FactNote>.Empty);
        return merged.ToEquatableArray();
    }

    /// <summary>Checks a merged model as a whole and turns it into a spec; null when a required field is missing.</summary>
    private static ModelSpec? Finish(ModelDraft draft, List<CatalogDiagnostic> diagnostics)
    {
        if (draft.Media is not MediaKind media || draft.GenerationTypes is not { IsEmpty: false } types)
        {
            return null; // Already reported by the file's own check.
        }

        string context = $"Model '{draft.Id}'";
        bool ok = true;
        foreach (GenerationTypeSpec type in types)
        {
            if (GenerationTypes.OutputOf(type.Type) != media)
            {
                Contradiction("generation_types." + type.Type, $"{context} is an {Word(media)} model but offers {type.Type}, which produces {Word(GenerationTypes.OutputOf(type.Type))}s.");
            }
        }

        if (media == MediaKind.Image)
        {
            if (draft.Sound == true)
            {
                Contradiction("sound", $"{context} is an image model, so it cannot have sound: true.");
            }

            if (draft.Duration is { Kind: not DurationKind.Unsupported })
            {
                Contradiction("duration", $"{context} is an image model, so it cannot have a duration.");
            }

            if (draft.Elements is not null)
            {
                Contradiction("elements", $"{context} is an image model; Kling elements belong to video models.");
            }
        }

        if (draft.Elements is not null && !types.Any(t => t.ElementsRequireImages is not null))
        {
            Contradiction("elements", $"{context} has elements but no generation type says how many images they need (elements_require_images).");
        }

        // Each mode's elements_require_images against the merged model: an override may have changed the mode's images
        // or the model's elements since the file that wrote it.
        bool hasElements = draft.Elements is not null || draft.Keys.Any(k => k.Key == "elements");
        foreach (GenerationTypeSpec type in types)
        {
            if (type.ElementsRequireImages is not int required)
            {
                continue;
            }

            string key = CatalogFileParser.ElementsRequireImagesKey(type.Type);
            if (!hasElements)
            {
                Contradiction(key, $"{context} {type.Type} sets elements_require_images but the model has no 'elements'.");
            }
            else if (type.Images is null && required > 0)
            {
                Report(MediaRules.CatalogElementsNeedMoreImages, key, $"{context} {type.Type}: elements need {required} image{(required == 1 ? string.Empty : "s")} but the mode takes none.");
            }
            else if (type.Images?.Max is int maxImages && required > maxImages)
            {
                Report(MediaRules.CatalogElementsNeedMoreImages, key, $"{context} {type.Type}: elements need {required} images but the mode takes at most {maxImages}.");
            }
        }

        if (!ok || draft.HasErrors)
        {
            return null;
        }

        return new ModelSpec(
            draft.Id,
            draft.Name,
            media,
            draft.Family,
            types,
            draft.Duration ?? DurationRule.Unsupported,
            draft.Sound ?? false,
            draft.NegativePrompt ?? false,
            draft.Quality,
            draft.Resolution,
            draft.PromptMaxLength,
            draft.Elements,
            draft.AspectRatios ?? EquatableArray<string>.Empty,
            draft.Pricing,
            draft.EstimatedTimeSeconds,
            draft.Notes ?? EquatableArray<string>.Empty,
            draft.Sources ?? EquatableArray<string>.Empty)
        {
            Readings = draft.Readings ?? EquatableArray<FactNote>.Empty,
        };

        void Contradiction(string key, string message) => Report(MediaRules.CatalogContradiction, key, message);

        void Report(RuleDescriptor rule, string key, string message)
        {
            ok = false;
            diagnostics.Add(new CatalogDiagnostic(rule.Id, message, draft.LocationOf(key)));
        }

        static string Word(MediaKind kind) => kind == MediaKind.Image ? "image" : "video";
    }
}
