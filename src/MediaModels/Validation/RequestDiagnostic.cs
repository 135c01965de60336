using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Catalog.Rules;
using MediaModels.Json;

namespace MediaModels.Validation;

/// <summary>
/// One broken rule of a request as JSON, in the one shape every MediaModels surface writes and reads:
/// <c>mediamodels validate --format json</c> and <c>generate --format json</c>, the sandbox's tool errors and
/// warnings, and the client reading a service's answer. A <see cref="Violation"/> plus, where the request was a
/// file, the place in it.
/// </summary>
/// <remarks>
/// <para>JSON: <c>{"id": "MM0201", "severity": "error", "path": "$.duration", "message": "…", "line": 5, "column": 3,
/// "suggestion": "10s"}</c>. The names are lower-case single words (the same in camelCase and snake_case); they do
/// not change. <c>line</c> and <c>column</c> (1-based, columns in UTF-16 code units) are left out when the
/// diagnostic has no place (a request that did not come from a file), <c>suggestion</c> when there is none.</para>
/// <para>Reading: <c>id</c> is required; a missing (or null) <c>severity</c> reads as <c>error</c>, <c>path</c> as
/// <c>$</c>, <c>message</c> as empty, so a service that sends less is still understood. A severity other than
/// <c>error</c> or <c>warning</c>, or a value of the wrong JSON type, is a <see cref="JsonException"/>.</para>
/// </remarks>
/// <param name="Id">The rule ID.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">The JSON path of the offending value.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
/// <param name="Line">1-based line in the request file, or null.</param>
/// <param name="Column">1-based column in the request file, or null.</param>
/// <param name="Suggestion">A replacement value, or null.</param>
public sealed record RequestDiagnostic(
    string Id,
    Severity Severity = Severity.Error,
    string Path = WirePaths.Root,
    string Message = "",
    int? Line = null,
    int? Column = null,
    string? Suggestion = null)
{
    // The parameters' defaults are what a reader gets for a missing member (the serializer binds through this
    // constructor); the properties also turn an explicit JSON null into the same default.

    /// <summary><c>id</c>: the rule ID, e.g. <c>MM0201</c> (shared with the analyzers).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; init; } = Id ?? string.Empty;

    /// <summary><c>severity</c>: <c>error</c> or <c>warning</c>.</summary>
    [JsonPropertyName("severity")]
    [JsonConverter(typeof(SeverityJsonConverter))]
    public Severity Severity { get; init; } = Severity;

    /// <summary><c>path</c>: the JSON path of the offending value, e.g. <c>$.source_media_urls[1]</c>.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = Path ?? WirePaths.Root;

    /// <summary><c>message</c>: what is wrong and what is allowed, naming the model.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = Message ?? string.Empty;

    /// <summary><c>line</c>: 1-based line of the value in the request file, or null when there is no file.</summary>
    [JsonPropertyName("line")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; } = Line;

    /// <summary><c>column</c>: 1-based column (UTF-16 code units) of the value in the request file, or null when there is no file.</summary>
    [JsonPropertyName("column")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Column { get; init; } = Column;

    /// <summary><c>suggestion</c>: a replacement value a tool may offer (nearest id, nearest duration…), or null.</summary>
    [JsonPropertyName("suggestion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Suggestion { get; init; } = Suggestion;

    /// <summary>The diagnostic of <paramref name="violation"/>, placed at <paramref name="position"/> when it has one.</summary>
    /// <param name="violation">The broken rule.</param>
    /// <param name="position">Where the value is in the request file, or null.</param>
    public static RequestDiagnostic From(Violation violation, JsonTextPosition? position = null) =>
        new(violation.Id, violation.Severity, violation.Path, violation.Message, position?.Line, position?.Column, violation.Suggestion);

    /// <summary>The broken rule without its place.</summary>
    public Violation ToViolation() => new(Id, Severity, Path, Message, Suggestion);

    /// <summary>The JSON text: compact, or indented with two spaces.</summary>
    /// <param name="indented">Indent the output.</param>
    public string ToJson(bool indented = false) =>
        WireJson.Serialize(this, MediaModelsJsonContext.Default.RequestDiagnostic, indented);

    /// <summary>Reads one diagnostic; malformed JSON, a missing <c>id</c> or a wrong type is a <see cref="JsonException"/>.</summary>
    /// <param name="json">A JSON object.</param>
    public static RequestDiagnostic FromJson(string json) =>
        WireJson.Deserialize(json, MediaModelsJsonContext.Default.RequestDiagnostic);
}
