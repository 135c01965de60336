namespace MediaModels.Catalog.Wire;

/// <summary>
/// The wire names of the service's tool parameters, as constants so attributes (<c>[JsonPropertyName]</c>) and
/// <c>switch</c> labels can use them. What each one is (type, C# member, required, the request fact it feeds) is in
/// <see cref="WireParameters"/>; nothing else spells these strings.
/// </summary>
public static class WireNames
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Prompt = "prompt";
    public const string Model = "model";
    public const string GenerationType = "generation_type";
    public const string NegativePrompt = "negative_prompt";
    public const string SourceMediaUrls = "source_media_urls";
    public const string AspectRatio = "aspect_ratio";
    public const string Duration = "duration";
    public const string Quality = "quality";
    public const string Sound = "sound";
    public const string Seed = "seed";
    public const string KlingElements = "kling_elements";

    /// <summary><c>get_generation_estimate</c>'s free-form extra parameters.</summary>
    public const string Parameters = "parameters";

    public const string ElementName = "name";
    public const string ElementDescription = "description";
    public const string ElementInputUrls = "element_input_urls";
    public const string ElementInputVideoUrls = "element_input_video_urls";
#pragma warning restore CS1591
}
