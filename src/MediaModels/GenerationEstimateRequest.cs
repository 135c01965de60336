using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MediaModels.Catalog.Wire;
using MediaModels.Json;

namespace MediaModels;

/// <summary>The arguments of <c>get_generation_estimate</c> (no job is started).</summary>
public sealed record GenerationEstimateRequest
{
    /// <summary><c>model</c> (required): the model id.</summary>
    [JsonPropertyName(WireNames.Model)]
    public string? Model { get; set; }

    /// <summary><c>generation_type</c>, as in <c>generate_media</c>. When omitted the service assumes <c>text-to-image</c>.</summary>
    [JsonPropertyName(WireNames.GenerationType)]
    public string? GenerationType { get; set; }

    /// <summary><c>prompt</c>: optional; can affect the estimate.</summary>
    [JsonPropertyName(WireNames.Prompt)]
    public string? Prompt { get; set; }

    /// <summary><c>negative_prompt</c>: optional.</summary>
    [JsonPropertyName(WireNames.NegativePrompt)]
    public string? NegativePrompt { get; set; }

    /// <summary><c>parameters</c>: optional extra parameters (e.g. <c>duration</c>), as a JSON object.</summary>
    [JsonPropertyName(WireNames.Parameters)]
    public JsonObject? Parameters { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The JSON text: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.GenerationEstimateRequest, indented);

    /// <summary>
    /// The estimate request for a generation request: <c>get_generation_estimate</c>'s own parameters (model,
    /// generation type, prompt, negative prompt) at the top, every other parameter of the request in <c>parameters</c>.
    /// </summary>
    /// <param name="request">A generation request.</param>
    public static GenerationEstimateRequest For(GenerateMediaRequest request)
    {
        if (request is null)
        {
            throw new System.ArgumentNullException(nameof(request));
        }

        var parameters = (JsonObject)JsonNode.Parse(request.ToJson())!;
        foreach (WireParameter own in WireParameters.GenerationEstimate)
        {
            parameters.Remove(own.Name);
        }

        return new GenerationEstimateRequest
        {
            Model = request.Model,
            GenerationType = request.GenerationType,
            Prompt = request.Prompt,
            NegativePrompt = request.NegativePrompt,
            Parameters = parameters.Count == 0 ? null : parameters,
        };
    }

    /// <summary>Reads a request; malformed or wrongly typed JSON is a <see cref="JsonException"/>.</summary>
    /// <param name="json">A JSON object.</param>
    public static GenerationEstimateRequest FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.GenerationEstimateRequest);
}
