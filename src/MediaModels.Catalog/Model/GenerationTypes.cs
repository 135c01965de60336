namespace MediaModels.Catalog;

/// <summary>
/// The four values of <c>generate_media</c>'s <c>generation_type</c> (spec: Tool generate_media table).
/// </summary>
public static class GenerationTypes
{
    /// <summary><c>text-to-image</c>, also the service's default when the parameter is omitted.</summary>
    public const string TextToImage = "text-to-image";

    /// <summary><c>text-to-video</c>.</summary>
    public const string TextToVideo = "text-to-video";

    /// <summary><c>image-to-video</c>.</summary>
    public const string ImageToVideo = "image-to-video";

    /// <summary><c>image-to-image</c>.</summary>
    public const string ImageToImage = "image-to-image";

    /// <summary>The value the service assumes when <c>generation_type</c> is omitted.</summary>
    public const string Default = TextToImage;

    /// <summary>All four, in the spec's order.</summary>
    public static readonly EquatableArray<string> All = EquatableArray.Create(TextToImage, TextToVideo, ImageToVideo, ImageToImage);

    /// <summary>True for one of the four values.</summary>
    public static bool IsKnown(string? value) =>
        value is TextToImage or TextToVideo or ImageToVideo or ImageToImage;

    /// <summary>The kind of media a generation type produces.</summary>
    public static MediaKind OutputOf(string generationType) =>
        generationType is TextToImage or ImageToImage ? MediaKind.Image : MediaKind.Video;
}
