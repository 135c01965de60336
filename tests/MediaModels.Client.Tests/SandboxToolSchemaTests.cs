using System;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog;
using MediaModels.Catalog.Wire;
using MediaModels.Sandbox;
using ModelContextProtocol.Protocol;
using Xunit;

namespace MediaModels.Client.Tests;

/// <summary>The sandbox offers exactly the parameters of the wire-parameter table, with the catalog's defaults and element limits.</summary>
public sealed class SandboxToolSchemaTests
{
    private static readonly ModelCatalog Catalog = ShippedCatalog.Instance;

    [Fact]
    public void Generate_media_schema_has_every_parameter_of_the_table_with_its_json_type()
    {
        JsonElement schema = ToolSchemas.GenerateMedia(Catalog).InputSchema;
        JsonElement properties = schema.GetProperty("properties");
        Assert.Equal(
            WireParameters.GenerateMedia.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            properties.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            JsonElement type = properties.GetProperty(parameter.Name).GetProperty("type");
            string shown = type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()!;
            Assert.Equal(parameter.SpecType, shown);
        }

        Assert.Equal(
            WireParameters.GenerateMedia.Where(p => p.Required).Select(p => p.Name),
            schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(Catalog.Defaults.AspectRatio, properties.GetProperty(WireNames.AspectRatio).GetProperty("default").GetString());
        Assert.Equal(GenerationTypes.All.ToArray(), properties.GetProperty(WireNames.GenerationType).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public void Element_schema_takes_its_members_from_the_table_and_its_counts_from_the_catalog()
    {
        JsonElement element = ToolSchemas.GenerateMedia(Catalog).InputSchema
            .GetProperty("properties").GetProperty(WireNames.KlingElements).GetProperty("items");
        Assert.Equal(
            WireParameters.KlingElement.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            element.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        ElementRules rules = Catalog.Find("kling-3-0-std")!.Elements!;
        string images = element.GetProperty("properties").GetProperty(WireNames.ElementInputUrls).GetProperty("description").GetString()!;
        Assert.Contains($"{rules.MinImages}–{rules.MaxImages} image URLs", images, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_schema_has_the_estimate_parameters_and_requires_only_the_model()
    {
        Tool tool = ToolSchemas.GetGenerationEstimate(Catalog);
        JsonElement schema = tool.InputSchema;
        Assert.Equal(
            WireParameters.GenerationEstimate.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal),
            schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { WireNames.Model }, schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }
}
