namespace MediaModels.Catalog;

/// <summary>The rules of Kling elements (<c>kling_elements</c>) for a model that has them.</summary>
/// <param name="MinImages">Fewest images in an image element.</param>
/// <param name="MaxImages">Most images in an image element.</param>
/// <param name="Videos">Videos in a video element.</param>
/// <param name="ImageFormats">Formats of element images.</param>
/// <param name="VideoFormats">Formats of element videos.</param>
/// <param name="MinImagePixels">Smallest image side in pixels, or null.</param>
/// <param name="MaxImageFileSizeMb">Largest element image in MB, or null.</param>
/// <param name="MaxVideoFileSizeMb">Largest element video in MB, or null.</param>
/// <param name="Notes">Notes on elements.</param>
public sealed record ElementRules(
    int MinImages,
    int MaxImages,
    int Videos,
    EquatableArray<string> ImageFormats,
    EquatableArray<string> VideoFormats,
    int? MinImagePixels,
    double? MaxImageFileSizeMb,
    double? MaxVideoFileSizeMb,
    EquatableArray<string> Notes);
