namespace MediaModels.Catalog.Wire;

/// <summary>
/// The member of <see cref="Rules.RequestFacts"/> (or <see cref="Rules.IElementFacts"/>) a wire parameter feeds;
/// <see cref="None"/> for a parameter no rule reads (<c>seed</c>).
/// </summary>
public enum RequestFact
{
    /// <summary>No rule reads the parameter.</summary>
    None,
#pragma warning disable CS1591 // One per member of RequestFacts / IElementFacts.
    Model,
    GenerationType,
    Prompt,
    NegativePrompt,
    SourceMediaUrls,
    AspectRatio,
    Duration,
    Quality,
    Sound,
    KlingElements,
    ElementName,
    ElementDescription,
    ElementImageUrls,
    ElementVideoUrls,
#pragma warning restore CS1591
}
