using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaModels;

/// <summary>One output of a completed generation. Members the spec does not define are kept in <see cref="ExtensionData"/>.</summary>
public sealed record GenerationOutput
{
    /// <summary><c>url</c>: the generated file.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary><c>thumbnail_url</c>.</summary>
    [JsonPropertyName("thumbnail_url")]
    public string? ThumbnailUrl { get; set; }

    /// <summary><c>optimized_url</c>.</summary>
    [JsonPropertyName("optimized_url")]
    public string? OptimizedUrl { get; set; }

    /// <summary><c>media_type</c>, e.g. <c>image</c> or <c>video</c> (values not documented).</summary>
    [JsonPropertyName("media_type")]
    public string? MediaType { get; set; }

    /// <summary><c>dimensions</c>; its shape is not documented, see <see cref="MediaDimensions"/>.</summary>
    [JsonPropertyName("dimensions")]
    public MediaDimensions? Dimensions { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
