namespace MediaModels.Catalog.Rules;

/// <summary>The wire names of <c>generate_media</c>'s parameters and the JSON paths the rules report.</summary>
public static class WirePaths
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Root = "$";
    public const string Prompt = "$.prompt";
    public const string Model = "$.model";
    public const string GenerationType = "$.generation_type";
    public const string NegativePrompt = "$.negative_prompt";
    public const string SourceMediaUrls = "$.source_media_urls";
    public const string AspectRatio = "$.aspect_ratio";
    public const string Duration = "$.duration";
    public const string Quality = "$.quality";
    public const string Sound = "$.sound";
    public const string Seed = "$.seed";
    public const string KlingElements = "$.kling_elements";
#pragma warning restore CS1591

    /// <summary><c>$.source_media_urls[i]</c>.</summary>
    public static string SourceMediaUrl(int index) => $"{SourceMediaUrls}[{index}]";

    /// <summary><c>$.kling_elements[i]</c>.</summary>
    public static string Element(int index) => $"{KlingElements}[{index}]";

    /// <summary><c>$.kling_elements[i].member</c>.</summary>
    public static string ElementMember(int index, string member) => $"{KlingElements}[{index}].{member}";
}
