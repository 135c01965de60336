using MediaModels.Catalog.Wire;

namespace MediaModels.Catalog.Rules;

/// <summary>The JSON paths the rules report, built from the wire names of <see cref="WireNames"/>.</summary>
public static class WirePaths
{
#pragma warning disable CS1591 // The names are the documentation.
    public const string Root = "$";
    public const string Prompt = Root + "." + WireNames.Prompt;
    public const string Model = Root + "." + WireNames.Model;
    public const string GenerationType = Root + "." + WireNames.GenerationType;
    public const string NegativePrompt = Root + "." + WireNames.NegativePrompt;
    public const string SourceMediaUrls = Root + "." + WireNames.SourceMediaUrls;
    public const string AspectRatio = Root + "." + WireNames.AspectRatio;
    public const string Duration = Root + "." + WireNames.Duration;
    public const string Quality = Root + "." + WireNames.Quality;
    public const string Sound = Root + "." + WireNames.Sound;
    public const string Seed = Root + "." + WireNames.Seed;
    public const string KlingElements = Root + "." + WireNames.KlingElements;
#pragma warning restore CS1591

    /// <summary><c>$.source_media_urls[i]</c>.</summary>
    public static string SourceMediaUrl(int index) => $"{SourceMediaUrls}[{index}]";

    /// <summary><c>$.kling_elements[i]</c>.</summary>
    public static string Element(int index) => $"{KlingElements}[{index}]";

    /// <summary><c>$.kling_elements[i].member</c>.</summary>
    public static string ElementMember(int index, string member) => $"{KlingElements}[{index}].{member}";
}
