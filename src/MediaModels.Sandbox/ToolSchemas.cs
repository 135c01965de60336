using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog;
using MediaModels.Catalog.Wire;
using ModelContextProtocol.Protocol;

namespace MediaModels.Sandbox;

/// <summary>
/// The four tools as the spec (<c>spec/media-tools.md</c>) describes them. The request tools' input schemas are built
/// from the wire-parameter table (<see cref="WireParameters"/>) and the catalog (defaults, generation types, element
/// limits), so the sandbox offers exactly the parameters every other surface knows.
/// </summary>
internal static class ToolSchemas
{
    public static Tool GenerateMedia(ModelCatalog catalog) => Make(
        ServiceContract.Tools.GenerateMedia,
        "Starts an image or video generation. Response: generation_id, status (e.g. pending), and often estimated_time_seconds and estimated_cost_credits. Poll with get_generation_status until status is completed or failed.",
        RequestSchema(WireParameters.GenerateMedia, catalog, estimate: false));

    public static Tool GetGenerationStatus() => Make(
        ServiceContract.Tools.GetGenerationStatus,
        "Checks the status of a media generation and gets output URLs when done. Response: status (pending, queued, processing, completed, failed), progress, and when completed an outputs array with url, thumbnail_url, optimized_url, media_type, dimensions.",
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["generation_id"] = new JsonObject { ["type"] = "string", ["description"] = "ID returned from generate_media." },
            },
            ["required"] = new JsonArray("generation_id"),
        });

    public static Tool GetGenerationEstimate(ModelCatalog catalog) => Make(
        ServiceContract.Tools.GetGenerationEstimate,
        "Gets a parameter-specific estimated processing time for a given model and options (no job is started). For a per-model estimated duration in one call, use get_models.",
        RequestSchema(WireParameters.GenerationEstimate, catalog, estimate: true));

    public static Tool GetModels() => Make(
        ServiceContract.Tools.GetModels,
        "Lists the available models with costs (where known), whether a model needs an input image, supported generation types, input_media_types (image, video), required input counts per generation type, and estimated_time_seconds.",
        new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() });

    private static JsonObject RequestSchema(IReadOnlyList<WireParameter> parameters, ModelCatalog catalog, bool estimate)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (WireParameter parameter in parameters)
        {
            JsonObject property = TypeOf(parameter, catalog);
            if (parameter == WireParameters.GenerationType)
            {
                property["enum"] = new JsonArray(GenerationTypes.All.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
            }

            if (DefaultOf(parameter, catalog.Defaults) is JsonNode value)
            {
                property["default"] = value;
            }

            property["description"] = estimate ? parameter.EstimateDescription ?? parameter.Description : parameter.Description;
            properties[parameter.Name] = property;
            if (estimate ? parameter.RequiredInEstimate : parameter.Required)
            {
                required.Add(parameter.Name);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    private static JsonObject TypeOf(WireParameter parameter, ModelCatalog catalog) => parameter.Kind switch
    {
        WireJsonKind.String => new JsonObject { ["type"] = "string" },
        WireJsonKind.Boolean => new JsonObject { ["type"] = "boolean" },
        WireJsonKind.Number => new JsonObject { ["type"] = "number" },
        WireJsonKind.Object => new JsonObject { ["type"] = "object" },
        WireJsonKind.StringOrStringArray => new JsonObject { ["type"] = new JsonArray("string", "array"), ["items"] = new JsonObject { ["type"] = "string" } },
        WireJsonKind.StringArray => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        _ => new JsonObject { ["type"] = "array", ["items"] = ElementSchema(catalog) },
    };

    /// <summary>A Kling element's schema, its counts and formats taken from the catalog's first model with elements.</summary>
    private static JsonObject ElementSchema(ModelCatalog catalog)
    {
        ElementRules? rules = catalog.Models.Select(m => m.Elements).FirstOrDefault(e => e is not null);
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (WireParameter member in WireParameters.KlingElement)
        {
            JsonObject property = TypeOf(member, catalog);
            property["description"] = member.Description + (rules is null ? string.Empty : member.Fact switch
            {
                RequestFact.ElementImageUrls => string.Format(CultureInfo.InvariantCulture, " {0}–{1} image URLs{2}.", rules.MinImages, rules.MaxImages, Formats(rules.ImageFormats)),
                RequestFact.ElementVideoUrls => string.Format(CultureInfo.InvariantCulture, " {0} video URL{1}{2}.", rules.Videos, rules.Videos == 1 ? string.Empty : "s", Formats(rules.VideoFormats)),
                _ => string.Empty,
            });
            properties[member.Name] = property;
            if (member.Required)
            {
                required.Add(member.Name);
            }
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };

        static string Formats(EquatableArray<string> formats) => formats.Count == 0 ? string.Empty : " (" + string.Join("/", formats) + ")";
    }

    /// <summary>The service default of <paramref name="parameter"/> that the catalog records, as JSON, or null.</summary>
    private static JsonNode? DefaultOf(WireParameter parameter, CatalogDefaults defaults) =>
        parameter == WireParameters.GenerationType ? JsonValue.Create(defaults.GenerationType)
        : parameter == WireParameters.AspectRatio ? JsonValue.Create(defaults.AspectRatio)
        : parameter == WireParameters.Quality && defaults.Quality is string quality ? JsonValue.Create(quality)
        : parameter == WireParameters.Sound ? JsonValue.Create(defaults.Sound)
        : null;

    private static Tool Make(string name, string description, JsonObject schema)
    {
        using JsonDocument document = JsonDocument.Parse(schema.ToJsonString());
        return new Tool { Name = name, Description = description, InputSchema = document.RootElement.Clone() };
    }
}
