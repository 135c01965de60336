using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The answer of <c>get_generation_estimate</c>. The spec names its content ("estimated time, and optionally
/// confidence / sample size") but not its members; these are the assumed names. Whatever else the service sends is
/// kept in <see cref="ExtensionData"/> and written back. Numbers are also read from numeric strings.
/// </summary>
public sealed record GenerationEstimateResponse
{
    /// <summary><c>estimated_time_seconds</c> (assumed name).</summary>
    [JsonPropertyName("estimated_time_seconds")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? EstimatedTimeSeconds { get; set; }

    /// <summary><c>confidence</c> (assumed name and type; its scale is not documented).</summary>
    [JsonPropertyName("confidence")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Confidence { get; set; }

    /// <summary><c>sample_size</c> (assumed name): how many past generations the estimate is based on.</summary>
    [JsonPropertyName("sample_size")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public int? SampleSize { get; set; }

    /// <summary>Members not modelled above, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The JSON text: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.GenerationEstimateResponse, indented);

    /// <summary>Reads a response; malformed or wrongly typed JSON is a <see cref="JsonException"/>.</summary>
    /// <param name="json">A JSON object.</param>
    public static GenerationEstimateResponse FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.GenerationEstimateResponse);
}
