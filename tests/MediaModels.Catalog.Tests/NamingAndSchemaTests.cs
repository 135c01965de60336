using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using MediaModels.Catalog.Naming;

namespace MediaModels.Catalog.Tests;

public class NamingAndSchemaTests
{
    [Theory]
    [InlineData("kling-2-6-image-to-video", "Kling26ImageToVideo")]
    [InlineData("gpt-1.5-image-medium", "Gpt15ImageMedium")]
    [InlineData("veo3-1", "Veo31")]
    [InlineData("seedream-v4-5-edit", "SeedreamV45Edit")]
    [InlineData("5-lite-text-to-image", "Model5LiteTextToImage")]
    [InlineData("---", "Model")]
    public void Ids_map_to_valid_identifiers(string id, string expected)
    {
        Assert.Equal(expected, ModelNaming.FromId(id));
        Assert.True(ModelNaming.IsValidIdentifier(expected));
    }

    [Fact]
    public void Shipped_names_are_unique()
    {
        var names = RuleTestKit.Shipped.Models.Select(ModelNaming.TypeNameOf).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains("Lite5TextToImage", names);
    }

    [Fact]
    public void Every_catalog_file_names_the_schema()
    {
        foreach (string file in Directory.GetFiles(TestPaths.CatalogFolder, "*.yaml"))
        {
            Assert.StartsWith("# yaml-language-server: $schema=./catalog.schema.json", File.ReadAllText(file));
        }
    }

    /// <summary>The JSON Schema and the reader must agree on every key, or editors would complete keys the reader rejects.</summary>
    [Fact]
    public void Schema_keys_match_the_reader()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.CatalogFolder, "catalog.schema.json")));
        JsonElement root = schema.RootElement;
        JsonElement definitions = root.GetProperty("definitions");
        JsonElement model = definitions.GetProperty("model").GetProperty("properties");
        Assert.Equal(Keys("File"), Names(root.GetProperty("properties")));
        Assert.Equal(Keys("Defaults"), Names(root.GetProperty("properties").GetProperty("defaults").GetProperty("properties")));
        Assert.Equal(Keys("Model"), Names(model));
        Assert.Equal(Keys("MediaLimit"), Names(definitions.GetProperty("mediaLimit").GetProperty("properties")));
        Assert.Equal(Keys("Duration"), Names(model.GetProperty("duration").GetProperty("properties")));
        Assert.Equal(Keys("Quality"), Names(model.GetProperty("quality").GetProperty("properties")));
        Assert.Equal(Keys("Resolution"), Names(model.GetProperty("resolution").GetProperty("properties")));
        Assert.Equal(Keys("Elements"), Names(model.GetProperty("elements").GetProperty("properties")));
        Assert.Equal(Keys("Pricing"), Names(model.GetProperty("pricing").GetProperty("properties")));
        Assert.Equal(Keys("GenerationType"), Names(model.GetProperty("generation_types").GetProperty("properties").GetProperty("image-to-video").GetProperty("oneOf")[1].GetProperty("properties")));
    }

    private static string[] Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    private static string[] Keys(string field)
    {
        System.Type keys = typeof(ModelCatalog).Assembly.GetType("MediaModels.Catalog.Reading.CatalogKeys")!;
        return ((string[])keys.GetField(field, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
    }
}
