using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The arguments of the <c>generate_media</c> tool, in the order of the spec's parameter table. Every property is
/// optional in the type (so requests can be built from dynamic data and then validated); the service requires
/// <see cref="Prompt"/> and <see cref="Model"/>. A null property is omitted from the JSON. Members the spec does
/// not define are kept in <see cref="ExtensionData"/> and written back.
/// </summary>
/// <remarks>
/// A record: <c>request with { Seed = 7 }</c> copies it. The copy is shallow: lists and
/// <see cref="ExtensionData"/> are shared between the original and the copy.
/// </remarks>
public sealed record GenerateMediaRequest
{
    /// <summary><c>prompt</c> (required): what to generate.</summary>
    [JsonPropertyName(WireNames.Prompt)]
    public string? Prompt { get; set; }

    /// <summary><c>model</c> (required): the model id, e.g. <c>nano-banana</c>, <c>sora-2</c>.</summary>
    [JsonPropertyName(WireNames.Model)]
    public string? Model { get; set; }

    /// <summary>
    /// <c>generation_type</c>: <c>text-to-image</c>, <c>text-to-video</c>, <c>image-to-video</c> or
    /// <c>image-to-image</c>. When omitted the service assumes <c>text-to-image</c>.
    /// </summary>
    [JsonPropertyName(WireNames.GenerationType)]
    public string? GenerationType { get; set; }

    /// <summary><c>negative_prompt</c>: what to avoid; only some models honour it.</summary>
    [JsonPropertyName(WireNames.NegativePrompt)]
    public string? NegativePrompt { get; set; }

    /// <summary>
    /// <c>source_media_urls</c>: input image (and for some models video) URLs for image-to-video and image-to-image.
    /// The wire accepts one string or an array; it is read either way and always written as an array.
    /// </summary>
    [JsonPropertyName(WireNames.SourceMediaUrls)]
    [JsonConverter(typeof(StringOrStringArrayJsonConverter))]
    public IReadOnlyList<string>? SourceMediaUrls { get; set; }

    /// <summary><c>aspect_ratio</c>, e.g. <c>16:9</c>. When omitted the service assumes <c>1:1</c>.</summary>
    [JsonPropertyName(WireNames.AspectRatio)]
    public string? AspectRatio { get; set; }

    /// <summary><c>duration</c>: video length as whole seconds with an s, e.g. <c>5s</c>; only some video models use it.</summary>
    [JsonPropertyName(WireNames.Duration)]
    public string? Duration { get; set; }

    /// <summary><c>quality</c>, e.g. <c>fast</c>, <c>standard</c>, <c>pro</c>, <c>ultra</c>; only some models use it.</summary>
    [JsonPropertyName(WireNames.Quality)]
    public string? Quality { get; set; }

    /// <summary><c>sound</c>: request generated audio; only some video models use it. The service default is false.</summary>
    [JsonPropertyName(WireNames.Sound)]
    public bool? Sound { get; set; }

    /// <summary>
    /// <c>seed</c> for reproducible results. The spec types it as "number", so any JSON number is read and carried
    /// without loss: a whole number in the 64-bit range (<c>42</c>, also written <c>42.0</c> or <c>4.2e1</c>) is written
    /// as an integer, any other (<c>42.5</c>, <c>1e30</c>) exactly as read. Assign a <c>long</c> or <c>decimal</c>
    /// directly (<c>Seed = 7</c>); see <see cref="MediaModels.Seed"/>.
    /// </summary>
    [JsonPropertyName(WireNames.Seed)]
    [JsonConverter(typeof(SeedJsonConverter))]
    public Seed? Seed { get; set; }

    /// <summary><c>kling_elements</c>: elements the prompt references as <c>@name</c> (Kling 3.0 only).</summary>
    [JsonPropertyName(WireNames.KlingElements)]
    public IReadOnlyList<KlingElement>? KlingElements { get; set; }

    /// <summary>Members the spec does not define, kept as read and written after the known ones.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The request as the rule engine sees it. Allocates nothing: the lists are passed as they are.</summary>
    public RequestFacts ToFacts() => new()
    {
        Model = Model,
        GenerationType = GenerationType,
        Prompt = Prompt,
        NegativePrompt = NegativePrompt,
        SourceMediaUrls = Fact<IReadOnlyList<string?>>.Of(SourceMediaUrls),
        AspectRatio = AspectRatio,
        Duration = Duration,
        Quality = Quality,
        Sound = Sound is bool sound ? Fact<bool>.Of(sound) : Fact<bool>.Absent,
        KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(KlingElements),
    };

    /// <summary>The wire JSON: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.GenerateMediaRequest, indented);

    /// <summary>
    /// Reads a request. Throws <see cref="JsonException"/> at the first malformed or wrongly typed value; use
    /// <see cref="Validation.RequestJsonReader"/> to get every problem with its position instead.
    /// </summary>
    /// <param name="json">A JSON object.</param>
    public static GenerateMediaRequest FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.GenerateMediaRequest);
}
