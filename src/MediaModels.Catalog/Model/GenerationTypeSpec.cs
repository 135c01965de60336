namespace MediaModels.Catalog;

/// <summary>One generation type a model offers and the source media it takes in that mode.</summary>
/// <param name="Type">One of <see cref="Catalog.GenerationTypes"/>.</param>
/// <param name="Images">Image inputs, or null when the mode takes none.</param>
/// <param name="Videos">Video inputs, or null when the mode takes none.</param>
/// <param name="ElementsRequireImages">
/// When the model has Kling elements: how many images must be sent in this mode before elements may be used;
/// null when elements cannot be used in this mode.</param>
/// <param name="Notes">Notes on this mode.</param>
public sealed record GenerationTypeSpec(
    string Type,
    SourceMediaLimit? Images,
    SourceMediaLimit? Videos,
    int? ElementsRequireImages,
    EquatableArray<string> Notes)
{
    /// <summary>True when the mode takes no source media at all.</summary>
    public bool TakesNoMedia => Images is null && Videos is null;

    /// <summary>Fewest URLs in <c>source_media_urls</c>.</summary>
    public int MinTotal => (Images?.Min ?? 0) + (Videos?.Min ?? 0);

    /// <summary>Most URLs in <c>source_media_urls</c>, or null when unbounded.</summary>
    public int? MaxTotal =>
        (Images is { Max: null } || Videos is { Max: null }) ? null : (Images?.Max ?? 0) + (Videos?.Max ?? 0);
}
