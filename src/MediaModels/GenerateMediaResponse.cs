using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The answer of <c>generate_media</c>: the generation's id and status, and often an estimate. Members the spec
/// does not define are kept in <see cref="ExtensionData"/> and written back. Numbers are also read from numeric
/// strings, because the spec does not give their JSON types.
/// </summary>
public sealed record GenerateMediaResponse
{
    /// <summary><c>generation_id</c>: pass it to <c>get_generation_status</c>.</summary>
    [JsonPropertyName("generation_id")]
    public string? GenerationId { get; set; }

    /// <summary><c>status</c>, e.g. <c>pending</c>.</summary>
    [JsonPropertyName("status")]
    public GenerationStatus? Status { get; set; }

    /// <summary><c>estimated_time_seconds</c>, when the service sends it.</summary>
    [JsonPropertyName("estimated_time_seconds")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? EstimatedTimeSeconds { get; set; }

    /// <summary><c>estimated_cost_credits</c>, when the service sends it.</summary>
    [JsonPropertyName("estimated_cost_credits")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? EstimatedCostCredits { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The JSON text: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.GenerateMediaResponse, indented);

    /// <summary>Reads a response; malformed or wrongly typed JSON is a <see cref="JsonException"/>.</summary>
    /// <param name="json">A JSON object.</param>
    public static GenerateMediaResponse FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.GenerateMediaResponse);
}
