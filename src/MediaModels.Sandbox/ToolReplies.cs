using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog.Rules;
using MediaModels.Json;
using MediaModels.Validation;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox;

/// <summary>
/// The tool results the servers <c>mediamodels serve</c> hosts write: a success (JSON as text and as structured
/// content), a tool error (<c>isError: true</c>, <c>{"error": code, "message": …}</c>) and a refusal listing broken rules
/// in the one diagnostic shape (<see cref="RequestDiagnostic"/>) — the shape the client reads back.
/// </summary>
internal static class ToolReplies
{
    /// <summary>The <c>error</c> code of a request refused for broken rules.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>
    /// A refusal of <paramref name="tool"/>: one line per violation with its rule ID, severity, JSON path, message and,
    /// where there is one, the fix; the violations as <c>diagnostics</c>.
    /// </summary>
    public static CallToolResult Refusal(string tool, IReadOnlyList<Violation> violations, string? preface = null)
    {
        int errors = violations.Count(v => v.Severity == Severity.Error);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{tool} refused: the request breaks {errors} rule{(errors == 1 ? string.Empty : "s")}.");
        if (preface is not null)
        {
            text.Append(' ').Append(preface);
        }

        foreach (Violation v in violations)
        {
            text.AppendLine().Append(Line(v));
        }

        return ToolError(text.ToString(), InvalidRequest, DiagnosticsArray(violations));
    }

    /// <summary><c>MM0201 error at $.duration: message (fix: 10s)</c>.</summary>
    public static string Line(Violation v) =>
        $"{v.Id} {(v.Severity == Severity.Error ? "error" : "warning")} at {v.Path}: {v.Message}{(v.Suggestion is null ? string.Empty : " (fix: " + v.Suggestion + ")")}";

    /// <summary>A tool error: <paramref name="message"/> as text, <c>{"error", "message", "diagnostics"?}</c> as structured content.</summary>
    public static CallToolResult ToolError(string message, string code, JsonArray? diagnostics)
    {
        var structured = new JsonObject { ["error"] = code, ["message"] = message };
        if (diagnostics is not null)
        {
            structured["diagnostics"] = diagnostics;
        }

        return new CallToolResult
        {
            IsError = true,
            Content = new List<ContentBlock> { new TextContentBlock { Text = message } },
            StructuredContent = ToElement(structured),
        };
    }

    /// <summary>A success: the JSON as text and as structured content.</summary>
    public static CallToolResult Success(JsonObject response)
    {
        JsonElement element = ToElement(response);
        return new CallToolResult
        {
            Content = new List<ContentBlock> { new TextContentBlock { Text = element.GetRawText() } },
            StructuredContent = element,
        };
    }

    /// <summary>The violations in the one diagnostic shape, through the runtime's JSON context; no place, since tool arguments are not a file.</summary>
    public static JsonArray DiagnosticsArray(IEnumerable<Violation> violations)
    {
        RequestDiagnostic[] diagnostics = violations.Select(v => RequestDiagnostic.From(v)).ToArray();
        return (JsonArray)JsonSerializer.SerializeToNode(diagnostics, MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic)!;
    }

    /// <summary>A tool call's arguments as one JSON object, for the request reader.</summary>
    public static byte[] ArgumentsJson(IDictionary<string, JsonElement>? arguments)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (arguments is not null)
            {
                foreach (KeyValuePair<string, JsonElement> argument in arguments)
                {
                    writer.WritePropertyName(argument.Key);
                    argument.Value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static JsonElement ToElement(JsonNode node)
    {
        using JsonDocument document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
