namespace MediaModels.Catalog;

/// <summary>
/// Everything the catalog knows about one model. Value-equatable: two specs read from the same facts are
/// equal, wherever in which file they were written (positions live in <see cref="ModelCatalog"/>).
/// </summary>
/// <param name="Id">The wire id, e.g. <c>kling-2-6-image-to-video</c>.</param>
/// <param name="Name">The C# name the catalog asks for, or null to derive one from the id.</param>
/// <param name="Media">What the model produces.</param>
/// <param name="Family">A grouping for docs (kling, sora, …), or null.</param>
/// <param name="GenerationTypes">The generation types offered, each with the source media it takes.</param>
/// <param name="Duration">How <c>duration</c> is treated.</param>
/// <param name="Sound">True when <c>sound: true</c> yields generated audio.</param>
/// <param name="NegativePrompt">True when <c>negative_prompt</c> is honoured.</param>
/// <param name="Quality">How <c>quality</c> is used, or null when it is ignored.</param>
/// <param name="Resolution">Resolution choices, or null.</param>
/// <param name="PromptMaxLength">The documented prompt limit in characters, or null when none is documented.</param>
/// <param name="Elements">Kling elements rules, or null when the model has none.</param>
/// <param name="AspectRatios">A closed list of aspect ratios, or empty when the spec gives none for the model.</param>
/// <param name="Pricing">Pricing facts the spec gives, or null.</param>
/// <param name="EstimatedTimeSeconds">A documented typical processing time, or null.</param>
/// <param name="Notes">Free-text notes: ambiguities, decisions and their reasons.</param>
/// <param name="Sources">The spec sections each fact was taken from.</param>
public sealed record ModelSpec(
    string Id,
    string? Name,
    MediaKind Media,
    string? Family,
    EquatableArray<GenerationTypeSpec> GenerationTypes,
    DurationRule Duration,
    bool Sound,
    bool NegativePrompt,
    QualityRule? Quality,
    ResolutionRule? Resolution,
    int? PromptMaxLength,
    ElementRules? Elements,
    EquatableArray<string> AspectRatios,
    PricingFacts? Pricing,
    int? EstimatedTimeSeconds,
    EquatableArray<string> Notes,
    EquatableArray<string> Sources)
{
    /// <summary>A spec whose facts include readings of the spec (see <see cref="Readings"/>).</summary>
    /// <remarks>Generated code calls constructors, not object initializers, so it compiles as C# 8.</remarks>
#pragma warning disable CS1573 // The other parameters are the primary constructor's.
    public ModelSpec(
        string id,
        string? name,
        MediaKind media,
        string? family,
        EquatableArray<GenerationTypeSpec> generationTypes,
        DurationRule duration,
        bool sound,
        bool negativePrompt,
        QualityRule? quality,
        ResolutionRule? resolution,
        int? promptMaxLength,
        ElementRules? elements,
        EquatableArray<string> aspectRatios,
        PricingFacts? pricing,
        int? estimatedTimeSeconds,
        EquatableArray<string> notes,
        EquatableArray<string> sources,
        EquatableArray<FactNote> readings)
#pragma warning restore CS1573
        : this(id, name, media, family, generationTypes, duration, sound, negativePrompt, quality, resolution, promptMaxLength, elements, aspectRatios, pricing, estimatedTimeSeconds, notes, sources)
    {
        Readings = readings;
    }

    /// <summary>
    /// The model-level facts that are the catalog's reading of the spec rather than something it states, each with what
    /// the spec says and why it is in doubt (keys from <see cref="FactKeys.ModelReadings"/>). A request that breaks only
    /// a reading gets the rule's warning, not its error. Empty when every fact is stated.
    /// </summary>
    public EquatableArray<FactNote> Readings { get; init; }

    /// <summary>Why <paramref name="fact"/> (one of <see cref="FactKeys"/>) is a reading, or null when the spec states it.</summary>
    public string? ReadingOf(string fact) => FactNotes.Find(Readings, fact);

    /// <summary>The spec for <paramref name="generationType"/>, or null when the model does not offer it.</summary>
    public GenerationTypeSpec? FindGenerationType(string? generationType)
    {
        foreach (GenerationTypeSpec spec in GenerationTypes)
        {
            if (string.Equals(spec.Type, generationType, System.StringComparison.Ordinal))
            {
                return spec;
            }
        }

        return null;
    }
}
