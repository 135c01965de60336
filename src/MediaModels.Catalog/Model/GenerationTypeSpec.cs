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
    /// <summary>A mode whose being offered is a reading of the spec (see <see cref="Reading"/>).</summary>
    /// <remarks>Generated code calls constructors, not object initializers, so it compiles as C# 8.</remarks>
#pragma warning disable CS1573 // The other parameters are the primary constructor's.
    public GenerationTypeSpec(string type, SourceMediaLimit? images, SourceMediaLimit? videos, int? elementsRequireImages, EquatableArray<string> notes, string? reading)
#pragma warning restore CS1573
        : this(type, images, videos, elementsRequireImages, notes)
    {
        Reading = reading;
    }

    /// <summary>
    /// Why offering this mode is the catalog's reading of the spec (the spec does not name the mode for this model), or
    /// null when the spec states it. Requests in the mode are checked as usual; the note is shown wherever the mode is.
    /// </summary>
    public string? Reading { get; init; }

    /// <summary>True when the mode takes no source media at all.</summary>
    public bool TakesNoMedia => Images is null && Videos is null;

    /// <summary>Fewest URLs in <c>source_media_urls</c>.</summary>
    public int MinTotal => (Images?.Min ?? 0) + (Videos?.Min ?? 0);

    /// <summary>Most URLs in <c>source_media_urls</c>, or null when unbounded.</summary>
    public int? MaxTotal =>
        (Images is { Max: null } || Videos is { Max: null }) ? null : (Images?.Max ?? 0) + (Videos?.Max ?? 0);
}
