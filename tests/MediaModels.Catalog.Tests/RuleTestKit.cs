using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Tests;

/// <summary>Builds requests for the rule engine tests and runs them against the shipped catalog.</summary>
internal static class RuleTestKit
{
    public static readonly ModelCatalog Shipped = LoadShipped();

    public static readonly RuleEngine Engine = new(Shipped);

    public static string Img(int n) => $"https://example.com/image-{n}.jpg";

    public static string Vid(int n) => $"https://example.com/video-{n}.mp4";

    public static string[] Imgs(int count) => Enumerable.Range(1, count).Select(Img).ToArray();

    public static RequestFacts Req(string model, string? generationType, params string[] urls) => new()
    {
        Model = model,
        GenerationType = generationType,
        Prompt = "A red car on a mountain road",
        SourceMediaUrls = urls.Length == 0 ? Fact<IReadOnlyList<string?>>.Absent : Fact<IReadOnlyList<string?>>.Of(urls),
    };

    public static string[] Ids(in RequestFacts request) =>
        Engine.Check(request).Select(v => v.Id).ToArray();

    public static string Describe(in RequestFacts request) =>
        string.Join("; ", Engine.Check(request).Select(v => v.ToString()));

    private static ModelCatalog LoadShipped()
    {
        CatalogReadResult result = CatalogReader.ReadFiles(new[] { TestPaths.CatalogFolder });
        if (result.HasErrors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Catalog;
    }
}

/// <summary>A Kling element for tests.</summary>
internal sealed class TestElement : IElementFacts
{
    public Fact<string> Name { get; init; }

    public Fact<string> Description { get; init; }

    public Fact<IReadOnlyList<string?>> ImageUrls { get; init; }

    public Fact<IReadOnlyList<string?>> VideoUrls { get; init; }

    public static TestElement Images(string name, int count) => new()
    {
        Name = name,
        Description = "The hero of the story",
        ImageUrls = Fact<IReadOnlyList<string?>>.Of(RuleTestKit.Imgs(count)),
    };

    public static TestElement Video(string name, int count = 1) => new()
    {
        Name = name,
        Description = "A moving reference",
        VideoUrls = Fact<IReadOnlyList<string?>>.Of(Enumerable.Range(1, count).Select(RuleTestKit.Vid).ToArray()),
    };
}
