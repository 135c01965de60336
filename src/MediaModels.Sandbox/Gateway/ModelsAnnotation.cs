using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox.Gateway;

/// <summary>
/// Adds the catalog's rules to the models of a <c>get_models</c> answer: each model the catalog knows gets
/// <c>"catalog_rules": ["text-to-video: no source media", "duration: 5s, 10s", "sound: ignored", …]</c> (its fact
/// sheet, <c>label: value</c>, without notes, sources, pricing and timing); a model the catalog lacks is left as it
/// came and reported. The list is read where the sandbox and most services put it: a root array, or an array under
/// <c>models</c>, <c>data</c>, <c>items</c> or <c>results</c>, of objects with an <c>id</c>.
/// </summary>
internal sealed class ModelsAnnotation
{
    /// <summary>The member added to each known model.</summary>
    public const string Member = "catalog_rules";

    private static readonly string[] ListNames = { "models", "data", "items", "results" };

    private readonly Dictionary<string, JsonArray> _rules = new(StringComparer.Ordinal);

    public ModelsAnnotation(ModelCatalog catalog)
    {
        foreach (ModelSpec model in catalog.Models)
        {
            ModelFactSheet sheet = ModelFactSheet.Of(model, catalog.Defaults);
            _rules[model.Id] = new JsonArray(sheet.Facts
                .Where(f => f.Subject is not (FactSubject.Notes or FactSubject.Sources or FactSubject.Pricing or FactSubject.ProcessingTime))
                .Select(f => (JsonNode)JsonValue.Create(f.ToString())!)
                .ToArray());
        }
    }

    /// <summary>The answer annotated; <paramref name="unknown"/> receives the ids the catalog lacks.</summary>
    public CallToolResult Annotate(CallToolResult result, List<string> unknown)
    {
        if (result.IsError == true)
        {
            return result;
        }

        JsonNode? payload = result.StructuredContent is JsonElement structured ? JsonNode.Parse(structured.GetRawText()) : null;
        int textIndex = -1;
        List<ContentBlock> content = result.Content?.ToList() ?? new List<ContentBlock>();
        for (int i = 0; i < content.Count; i++)
        {
            if (content[i] is TextContentBlock text && TryParse(text.Text, out JsonNode? parsed))
            {
                textIndex = i;
                payload ??= parsed;
                break;
            }
        }

        if (payload is null || ListOf(payload) is not JsonArray models)
        {
            return result;
        }

        foreach (JsonNode? model in models)
        {
            if (model is JsonObject entry && entry["id"] is JsonValue idValue && idValue.TryGetValue(out string? id))
            {
                if (_rules.TryGetValue(id, out JsonArray? rules))
                {
                    entry[Member] = rules.DeepClone();
                }
                else
                {
                    unknown.Add(id);
                }
            }
        }

        string json = payload.ToJsonString();
        if (textIndex >= 0)
        {
            content[textIndex] = new TextContentBlock { Text = json };
        }
        else
        {
            content.Insert(0, new TextContentBlock { Text = json });
        }

        return new CallToolResult
        {
            Content = content,
            StructuredContent = result.StructuredContent is null ? null : ToolReplies.ToElement(payload),
            IsError = result.IsError,
            Meta = result.Meta,
        };
    }

    private static JsonArray? ListOf(JsonNode payload)
    {
        if (payload is JsonArray array)
        {
            return array;
        }

        if (payload is JsonObject root)
        {
            foreach (string name in ListNames)
            {
                if (root[name] is JsonArray list)
                {
                    return list;
                }
            }
        }

        return null;
    }

    private static bool TryParse(string? text, out JsonNode? node)
    {
        node = null;
        string trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        try
        {
            node = JsonNode.Parse(trimmed);
            return node is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
