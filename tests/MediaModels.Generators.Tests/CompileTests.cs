using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests;

/// <summary>The generated code compiles without a single warning in consumer compilations (net8.0 and net10.0).</summary>
public class CompileTests
{
    /// <summary>Uses builders of every shape; compiled with the generated code, it must produce no diagnostics at all.</summary>
    internal const string Usage = """
        using System.Collections.Generic;
        using MediaModels;

        namespace Consumer
        {
            /// <summary>Exercises the generated API.</summary>
            public static class Usage
            {
                /// <summary>Builds requests of every shape.</summary>
                public static IReadOnlyList<GenerateMediaRequest> All(string dynamicPrompt, List<string> urls)
                {
                    return new List<GenerateMediaRequest>
                    {
                        MediaCatalog.NanoBanana.TextToImage("A futuristic city").WithAspectRatio(AspectRatio.Widescreen16x9).WithSeed(42).Build(),
                        MediaCatalog.NanoBanana.ImageToImage(dynamicPrompt, "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png").Build(),
                        MediaCatalog.NanoBanana.ImageToImage(dynamicPrompt, urls).Build(),
                        MediaCatalog.Sora2.TextToVideo("A red car").WithDuration(MediaCatalog.Sora2.Durations.Seconds15).Build(),
                        MediaCatalog.Sora2.ImageToVideo("A red car", "https://e.x/car.png").Build(),
                        MediaCatalog.Sora2Pro.TextToVideo("x").WithQuality(MediaCatalog.Sora2Pro.Qualities.Hd).Build(),
                        MediaCatalog.Seedance15Pro.TextToVideo("x").WithSound().WithDuration(MediaCatalog.Seedance15Pro.Durations.Seconds8).Build(),
                        MediaCatalog.Seedance15Pro.TextToVideo("x", "https://e.x/a.png").Build(),
                        MediaCatalog.Seedance15Pro.ImageToVideo("x", "https://e.x/start.png", "https://e.x/end.png").Build(),
                        MediaCatalog.Kling26MotionControl720p.Create("Dance", image: "https://e.x/me.png", referenceVideo: "https://e.x/dance.mp4").Build(),
                        MediaCatalog.Kling26ImageToVideo.Create("Gentle motion", image: "https://e.x/i.jpg").WithAspectRatio(AspectRatio.Widescreen16x9).WithDuration(MediaCatalog.Kling26ImageToVideo.Durations.Seconds5).WithSound().Build(),
                        MediaCatalog.Kling30Std.TextToVideo("@hero walks", "https://e.x/start.png").WithElement("hero", "the hero", "https://e.x/h1.png", "https://e.x/h2.png").WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(7)).Build(),
                        MediaCatalog.Kling30Pro.ImageToVideo("@cat", "https://e.x/s.png", "https://e.x/e.png").WithVideoElement("cat", "a cat", "https://e.x/cat.mp4").Build(),
                        MediaCatalog.Kling30Pro.ImageToVideo("x", "https://e.x/s.png").WithDuration(MediaCatalog.Kling30Pro.Durations.Seconds15).Build(),
                        MediaCatalog.Kling25ImageToVideoPro.Create("x", "https://e.x/s.png", "https://e.x/e.png").WithNegativePrompt("blur").Build(),
                        MediaCatalog.Imagen4.Create("x").WithNegativePrompt("text").WithQuality(MediaCatalog.Imagen4.Qualities.Ultra).Build(),
                        MediaCatalog.Lite5TextToImage.TextToImage("x").WithQuality(MediaCatalog.Lite5TextToImage.Quality.Custom("max")).Build(),
                        MediaCatalog.Lite5TextToImage.ImageToImage("x", "https://e.x/1.png", "https://e.x/2.png").WithSeed(42.5m).Build(),
                        MediaCatalog.SeedreamV45Edit.Create("x", "https://e.x/1.png").WithQuality(MediaCatalog.SeedreamV45Edit.Qualities.Basic).Build(),
                        MediaCatalog.Veo31.ImageToVideo("x", "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png").Build(),
                        MediaCatalog.Veo31.TextToVideo("x", referenceImage: "https://e.x/ref.png").Build(),
                        MediaCatalog.GrokTextToVideo6s.Create("x").WithAspectRatio(AspectRatio.Custom(3, 2)).Build(),
                        MediaCatalog.Wan25.TextToVideo("x").WithNegativePrompt("y").WithDuration(MediaCatalog.Wan25.Durations.Seconds10).Build(),
                        MediaCatalog.Flux2.Create("x").WithAspectRatio(AspectRatio.Parse("4:5")).Build(),
                    };
                }
            }
        }
        """;

    [Theory]
    [InlineData(ReferenceSet.Net80)]
    [InlineData(ReferenceSet.Net100)]
    public void Generated_code_compiles_without_warnings(ReferenceSet set)
    {
        CSharpCompilation compilation = ConsumerCompilation.Create(set, Usage);
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedCatalog(), compilation: compilation);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Diagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
        // Every generated file (MediaCatalog, AspectRatio and the model groups) is in the compilation, and the 36 model
        // classes are spread over the groups.
        Assert.Equal(run.Generator.GeneratedSources.Length, run.Output.SyntaxTrees.Count() - 1);
        Assert.Equal(36, run.Generator.GeneratedSources.Where(s => s.HintName is not (HintNames.Catalog or HintNames.AspectRatio)).Sum(s => GeneratedModels.Classes(s.SourceText.ToString()).Count));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8)]
    [InlineData(LanguageVersion.CSharp10)]
    public void Generated_code_compiles_with_the_oldest_language_versions_that_have_nullable(LanguageVersion version)
    {
        CSharpParseOptions options = ConsumerCompilation.ParseOptions(version);
        CSharpCompilation compilation = ConsumerCompilation.Create(ReferenceSet.Net80, options, "namespace Consumer { internal static class Empty { } }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver(GeneratorHarness.ShippedCatalog(), GeneratorHarness.CatalogOptions(GeneratorHarness.ShippedCatalog()), options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);

        Assert.Empty(diagnostics);
        Diagnostic[] problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
    }

    [Fact]
    public void Public_accessibility_and_another_namespace_compile_without_warnings()
    {
        var global = new Dictionary<string, string>
        {
            ["build_property.MediaModelsNamespace"] = "Contoso.Media",
            ["build_property.MediaModelsGeneratedAccessibility"] = "public",
        };
        IReadOnlyList<TestAdditionalText> texts = GeneratorHarness.ShippedCatalog();
        const string usage = """
            namespace Consumer
            {
                /// <summary>Uses the generated API from another namespace.</summary>
                public static class Usage
                {
                    /// <summary>A request.</summary>
                    public static MediaModels.GenerateMediaRequest Make() =>
                        Contoso.Media.MediaCatalog.Sora2.TextToVideo("x").WithAspectRatio(Contoso.Media.AspectRatio.Square1x1).Build();
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(texts, GeneratorHarness.CatalogOptions(texts, global), ConsumerCompilation.Create(ReferenceSet.Net100, usage));

        Assert.Empty(run.GeneratorDiagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
        INamedTypeSymbol? catalog = run.Output.GetTypeByMetadataName("Contoso.Media.MediaCatalog");
        Assert.NotNull(catalog);
        Assert.Equal(Accessibility.Public, catalog!.DeclaredAccessibility);
    }

    [Fact]
    public void Generated_types_are_internal_by_default()
    {
        GeneratorRun run = GeneratorHarness.RunShipped();
        Assert.Equal(Accessibility.Internal, run.Output.GetTypeByMetadataName("MediaModels.MediaCatalog")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, run.Output.GetTypeByMetadataName("MediaModels.AspectRatio")!.DeclaredAccessibility);
    }

    [Fact]
    public void No_catalog_file_generates_nothing()
    {
        var notCatalog = new TestAdditionalText("/repo/other.yaml", "models: []");
        GeneratorRun run = GeneratorHarness.Run(new[] { notCatalog }, new TestOptionsProvider());
        Assert.Empty(run.Generator.GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
    }
    [Fact]
    public void Elements_with_more_images_than_explicit_overloads_take_the_rest_as_params()
    {
        const string catalog = """
            models:
              - id: many-element-images
                media: video
                generation_types:
                  image-to-video:
                    images: { min: 1, max: 1, roles: [start-frame] }
                    elements_require_images: 1
                elements:
                  min_images: 2
                  max_images: 7
                  videos: 0
            """;
        const string usage = """
            namespace Consumer
            {
                /// <summary>Uses the params overload.</summary>
                public static class Usage
                {
                    /// <summary>A request with a six-image element.</summary>
                    public static MediaModels.GenerateMediaRequest Make() =>
                        MediaModels.MediaCatalog.ManyElementImages.Create("@hero", "https://e.x/s.png")
                            .WithElement("hero", "the hero", "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png", "https://e.x/4.png", "https://e.x/5.png", "https://e.x/6.png")
                            .Build();
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("many.yaml", catalog)), compilation: ConsumerCompilation.Create(ReferenceSet.Net100, usage));

        Assert.Empty(run.GeneratorDiagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
        string source = run.ModelClass("ManyElementImages");
        Assert.Contains("WithElement(string name, string description, string image1, string image2, params string[] moreImages)", source);
        Assert.Contains("AddUrls(images, moreImages, nameof(moreImages));", source);
        Assert.Contains("/// <param name=\"moreImages\">URLs of further element images.</param>", source);
        Assert.DoesNotContain("string image3", source);
        Assert.DoesNotContain("WithVideoElement", source);
    }

    /// <summary>
    /// Every namespace the generated code names, in code and in doc comments, is global::-qualified, so no model's
    /// class (a nested type of MediaCatalog, named after any id the catalog gives) can shadow it.
    /// </summary>
    [Fact]
    public void Generated_code_names_every_namespace_through_global()
    {
        GeneratorRun run = GeneratorHarness.RunShipped();
        var unqualified = new List<string>();
        foreach (SyntaxTree tree in run.Output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)))
        {
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes(descendIntoTrivia: true))
            {
                SyntaxNode? left = node switch
                {
                    Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax name when name.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax => name.Left,
                    Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Expression,
                    _ => null,
                };
                if (left is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: "System" or "MediaModels" or "Microsoft" })
                {
                    unqualified.Add($"{System.IO.Path.GetFileName(tree.FilePath)}({node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {node}");
                }
            }
        }

        Assert.True(unqualified.Count == 0, string.Join("\n", unqualified.Distinct().Take(20)));
    }

    [Theory]
    [InlineData("system")]
    [InlineData("media-models")]
    public void A_model_named_like_a_namespace_compiles_without_warnings(string id)
    {
        string overlay = $"models:\n  - id: {id}\n    media: image\n    generation_types:\n      image-to-image:\n        images: {{ min: 1 }}\n";
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedCatalog().Concat(GeneratorHarness.Yaml(("zz-overlay.yaml", overlay))));

        Assert.Empty(run.GeneratorDiagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
    }
}
