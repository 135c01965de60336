using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The answer of <c>get_generation_status</c>. Members the spec does not define are kept in
/// <see cref="ExtensionData"/> and written back.
/// </summary>
public sealed record GenerationStatusResponse
{
    /// <summary><c>generation_id</c>.</summary>
    [JsonPropertyName("generation_id")]
    public string? GenerationId { get; set; }

    /// <summary><c>status</c>: <c>pending</c>, <c>queued</c>, <c>processing</c>, <c>completed</c>, <c>failed</c>, or another value kept as is.</summary>
    [JsonPropertyName("status")]
    public GenerationStatus? Status { get; set; }

    /// <summary><c>progress</c>; its scale (0–1 or 0–100) is not documented.</summary>
    [JsonPropertyName("progress")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public double? Progress { get; set; }

    /// <summary><c>outputs</c>, when completed.</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<GenerationOutput>? Outputs { get; set; }

    /// <summary><c>error</c>, when the service sends one; its shape (string or object) is not documented.</summary>
    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    /// <summary><c>message</c>, when the service sends one.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// A readable error: <see cref="Error"/> when it is a string, its <c>message</c> member when it is an object,
    /// its JSON text otherwise, and <see cref="Message"/> when there is no error.
    /// </summary>
    public string? GetErrorMessage()
    {
        if (Error is not JsonElement error || error.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Message;
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString();
        }

        if (error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("message", out JsonElement message)
            && message.ValueKind == JsonValueKind.String)
        {
            return message.GetString();
        }

        return error.GetRawText();
    }

    /// <summary>The JSON text: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.GenerationStatusResponse, indented);

    /// <summary>Reads a response; malformed or wrongly typed JSON is a <see cref="JsonException"/>.</summary>
    /// <param name="json">A JSON object.</param>
    public static GenerationStatusResponse FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.GenerationStatusResponse);
}
