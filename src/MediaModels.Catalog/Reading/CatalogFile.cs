namespace MediaModels.Catalog.Reading;

/// <summary>Where one key of a model entry was written, so merged facts can still be reported in place.</summary>
/// <param name="Key">The key path inside the entry, e.g. <c>sound</c> or <c>generation_types.image-to-video</c>.</param>
/// <param name="Location">The key's position.</param>
public sealed record KeyLocation(string Key, SourceLocation Location);

/// <summary>
/// One entry under <c>models:</c> or <c>overrides:</c> as written: every field optional, so an override can
/// carry only what it changes. Value-equatable, so an unchanged file's drafts compare equal.
/// </summary>
/// <remarks>
/// <see cref="HasErrors"/> is true when the file's check reported a problem inside the entry: a field it could not read
/// is missing from the draft, so the model it declares or changes is left out of the merged catalog (and of the
/// generated code) rather than built from what was left.
/// </remarks>
public sealed record ModelDraft(
    string Id,
    SourceLocation Location,
    string? Name,
    MediaKind? Media,
    string? Family,
    EquatableArray<GenerationTypeSpec>? GenerationTypes,
    DurationRule? Duration,
    bool? Sound,
    bool? NegativePrompt,
    QualityRule? Quality,
    ResolutionRule? Resolution,
    int? PromptMaxLength,
    ElementRules? Elements,
    EquatableArray<string>? AspectRatios,
    PricingFacts? Pricing,
    int? EstimatedTimeSeconds,
    EquatableArray<string>? Notes,
    EquatableArray<string>? Sources,
    EquatableArray<KeyLocation> Keys,
    bool HasErrors = false)
{
    /// <summary>The entry's <c>readings:</c> (model-level facts that are readings of the spec), or null when it gives none.</summary>
    public EquatableArray<FactNote>? Readings { get; init; }

    /// <summary>Where <paramref name="key"/> was written, or the entry's start.</summary>
    public SourceLocation LocationOf(string key)
    {
        foreach (KeyLocation entry in Keys)
        {
            if (entry.Key == key)
            {
                return entry.Location;
            }
        }

        return Location;
    }
}

/// <summary>
/// One catalog file, parsed and checked on its own (MM1001–MM1004, MM1008, MM1009, MM1011, MM1012, MM1014–MM1016 and
/// per-entry contradictions); what spans the files and the merged models is <see cref="CatalogMerger"/>'s.
/// </summary>
/// <param name="Path">The file's path as given.</param>
/// <param name="Defaults">The <c>defaults:</c> section, or null.</param>
/// <param name="Models">Entries under <c>models:</c>.</param>
/// <param name="Overrides">Entries under <c>overrides:</c>.</param>
/// <param name="Diagnostics">Problems found in this file alone.</param>
public sealed record CatalogFile(
    string Path,
    CatalogDefaults? Defaults,
    EquatableArray<ModelDraft> Models,
    EquatableArray<ModelDraft> Overrides,
    EquatableArray<Diagnostics.CatalogDiagnostic> Diagnostics);
