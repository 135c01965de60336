using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using MediaModels.Catalog.Rules;
using ModelContextProtocol.Protocol;

namespace MediaModels.Client.Transport;

/// <summary>
/// Reads a tool result: <c>structuredContent</c> when it is a JSON object or array, otherwise the first text content
/// block holding a JSON object or array. An <c>isError</c> result becomes a <see cref="MediaToolException"/>; anything
/// else a <see cref="MalformedToolResultException"/> that quotes what came back.
/// </summary>
internal static class ToolResults
{
    private const int MaxQuoted = 400;

    public static JsonElement Payload(string tool, CallToolResult result)
    {
        if (result.IsError == true)
        {
            throw ToolError(tool, result);
        }

        if (result.StructuredContent is JsonElement structured && structured.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return structured;
        }

        foreach (ContentBlock block in result.Content ?? Array.Empty<ContentBlock>())
        {
            if (block is TextContentBlock text && TryParseJson(text.Text, out JsonElement parsed))
            {
                return parsed;
            }
        }

        throw new MalformedToolResultException(tool, "it holds neither structured content nor text with a JSON object.", Describe(result));
    }

    /// <summary>Deserializes <paramref name="payload"/>, quoting it when it does not fit the expected type.</summary>
    public static T Read<T>(string tool, JsonElement payload, Func<string, T> parse)
    {
        string text = payload.GetRawText();
        try
        {
            return parse(text);
        }
        catch (JsonException exception)
        {
            throw new MalformedToolResultException(tool, exception.Message, Shorten(text), exception);
        }
    }

    public static MediaToolException ToolError(string tool, CallToolResult result)
    {
        string message = TextOf(result);
        string? code = null;
        IReadOnlyList<Violation> violations = Array.Empty<Violation>();
        if (result.StructuredContent is JsonElement structured && structured.ValueKind == JsonValueKind.Object)
        {
            if (structured.TryGetProperty("error", out JsonElement error))
            {
                code = error.ValueKind == JsonValueKind.String ? error.GetString()
                    : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString()
                    : null;
            }

            if (structured.TryGetProperty("diagnostics", out JsonElement diagnostics))
            {
                violations = ViolationJson.Read(diagnostics);
            }

            if (message.Length == 0 && structured.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String)
            {
                message = m.GetString() ?? string.Empty;
            }
        }

        return new MediaToolException(tool, message.Length == 0 ? "(no message)" : message, code, violations, result.StructuredContent?.Clone());
    }

    private static bool TryParseJson(string? text, out JsonElement element)
    {
        element = default;
        string trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(trimmed);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string TextOf(CallToolResult result)
    {
        var text = new StringBuilder();
        foreach (ContentBlock block in result.Content ?? Array.Empty<ContentBlock>())
        {
            if (block is TextContentBlock t && !string.IsNullOrEmpty(t.Text))
            {
                text.Append(text.Length == 0 ? string.Empty : "\n").Append(t.Text);
            }
        }

        return text.ToString();
    }

    internal static string Describe(CallToolResult result)
    {
        var parts = new List<string>();
        if (result.StructuredContent is JsonElement structured)
        {
            parts.Add("structuredContent " + Shorten(structured.GetRawText()));
        }

        foreach (ContentBlock block in result.Content ?? Array.Empty<ContentBlock>())
        {
            parts.Add(block is TextContentBlock text ? "text \"" + Shorten(text.Text ?? string.Empty) + "\"" : block.Type + " content");
        }

        return parts.Count == 0 ? "an empty result (no content, no structuredContent)" : string.Join("; ", parts);
    }

    private static string Shorten(string text) => text.Length <= MaxQuoted ? text : text.Substring(0, MaxQuoted) + "…";
}
