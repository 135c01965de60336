using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// One entry of <c>kling_elements</c> (Kling 3.0): a named image or video reference the prompt can mention as
/// <c>@name</c>. It needs a <see cref="Name"/>, a <see cref="Description"/> and either <see cref="ElementInputUrls"/>
/// (images) or <see cref="ElementInputVideoUrls"/> (video), as many and of the formats the model's catalog entry gives
/// (<c>ElementRules</c>; the generated <c>MediaCatalog.Kling30Std.ElementMinImages</c> and its siblings).
/// </summary>
public sealed record KlingElement : IElementFacts
{
    /// <summary><c>name</c>: the element's title, referenced in the prompt as <c>@name</c>.</summary>
    [JsonPropertyName(WireNames.ElementName)]
    public string? Name { get; set; }

    /// <summary><c>description</c>.</summary>
    [JsonPropertyName(WireNames.ElementDescription)]
    public string? Description { get; set; }

    /// <summary><c>element_input_urls</c>: the image URLs of an image element (counts, formats and sizes: the model's <c>ElementRules</c>).</summary>
    [JsonPropertyName(WireNames.ElementInputUrls)]
    [JsonConverter(typeof(StringArrayJsonConverter))]
    public IReadOnlyList<string>? ElementInputUrls { get; set; }

    /// <summary><c>element_input_video_urls</c>: the video URL of a video element (count, formats and size: the model's <c>ElementRules</c>).</summary>
    [JsonPropertyName(WireNames.ElementInputVideoUrls)]
    [JsonConverter(typeof(StringArrayJsonConverter))]
    public IReadOnlyList<string>? ElementInputVideoUrls { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    Fact<string> IElementFacts.Name => Name;

    Fact<string> IElementFacts.Description => Description;

    Fact<IReadOnlyList<string?>> IElementFacts.ImageUrls => Fact<IReadOnlyList<string?>>.Of(ElementInputUrls);

    Fact<IReadOnlyList<string?>> IElementFacts.VideoUrls => Fact<IReadOnlyList<string?>>.Of(ElementInputVideoUrls);
}
