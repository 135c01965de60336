using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Reading;
using MediaModels.Generators.Tests.Infrastructure;

namespace MediaModels.Generators.Tests;

/// <summary>The XML docs of a model's generated class render its fact sheet: the same values and notes as the terminal and the docs.</summary>
public class FactDocsTests
{
    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.RunShipped());

    private static readonly ModelCatalog Shipped = CatalogReader.ReadFiles(new[] { TestPaths.CatalogFolder }).Catalog;

    public static IEnumerable<object[]> ModelIds() => Shipped.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void The_model_docs_carry_the_sheet_values_and_every_note_once(string id)
    {
        ModelSpec model = Shipped.Find(id)!;
        ModelFactSheet sheet = ModelFactSheet.Of(model);
        string source = Generated.Value.ModelClass(ModelNaming.TypeNameOf(model));
        string docs = string.Join("\n", source.Split('\n').TakeWhile(l => !l.Contains("public static class ", StringComparison.Ordinal)));

        foreach (ModelFact fact in sheet.Facts)
        {
            string value = Xml(fact.Value);
            switch (fact.Subject)
            {
                case FactSubject.GenerationType:
                    Assert.Contains($"<c>{fact.Label}</c> ({value})", docs, StringComparison.Ordinal);
                    break;
                case FactSubject.Prompt when fact.Applies:
                    Assert.Contains($"Prompt: at most {value} ", docs, StringComparison.Ordinal);
                    break;
                case FactSubject.Duration when fact.Applies || model.Media == MediaKind.Video:
                    Assert.Contains($"<c>duration</c>: {(model.Duration.Kind == DurationKind.Range ? "whole seconds, " : string.Empty)}{value}, ", docs, StringComparison.Ordinal);
                    break;
                case FactSubject.Pricing when fact.Applies:
                case FactSubject.Sources:
                    Assert.Contains(value + ".", docs, StringComparison.Ordinal);
                    break;
            }

            foreach (string note in fact.Notes)
            {
                // Each note once in the class's remarks; the generated members may repeat the ones about them.
                Assert.Single(docs.Split(Xml(note)).Skip(1));
            }
        }
    }

    [Fact]
    public void A_duration_note_is_on_its_own_model_only()
    {
        const string note = "Optional with/without audio (model variant).";
        Assert.Contains(note, Generated.Value.ModelClass("Kling26ImageToVideo"), StringComparison.Ordinal);
        Assert.DoesNotContain(note, Generated.Value.ModelClass("Wan25"), StringComparison.Ordinal);
        Assert.DoesNotContain(note, Generated.Value.ModelClass("V1ProFastI2v"), StringComparison.Ordinal);
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
