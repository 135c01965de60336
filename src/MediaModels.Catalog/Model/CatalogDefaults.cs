namespace MediaModels.Catalog;

/// <summary>Service-wide defaults the spec states once for every model.</summary>
/// <param name="GenerationType">Assumed when <c>generation_type</c> is omitted (text-to-image).</param>
/// <param name="AspectRatio">Assumed when <c>aspect_ratio</c> is omitted (1:1).</param>
/// <param name="AspectRatioExamples">The examples the spec lists.</param>
/// <param name="Quality">Assumed when <c>quality</c> is omitted (standard).</param>
/// <param name="ImageInput">What most models accept as image input.</param>
/// <param name="Notes">Notes on the defaults.</param>
public sealed record CatalogDefaults(
    string GenerationType,
    string AspectRatio,
    EquatableArray<string> AspectRatioExamples,
    string? Quality,
    SourceMediaLimit? ImageInput,
    EquatableArray<string> Notes)
{
    /// <summary>The defaults the spec states, used when no catalog file sets them.</summary>
    public static readonly CatalogDefaults Spec = new(
        GenerationTypes.Default,
        "1:1",
        EquatableArray<string>.Empty,
        "standard",
        null,
        EquatableArray<string>.Empty);
}
