using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests;

/// <summary>
/// Requests the generated types make unwritable: each snippet must fail to compile with exactly the expected error,
/// reported in the snippet (never in generated code).
/// </summary>
public class CompileFailTests
{
    private static readonly Lazy<GeneratorRun> Shipped = new(GeneratorHarness.RunShipped);

    public static IEnumerable<object[]> Cases() => new (string Name, string Expression, string Error)[]
    {
        ("WithSound on sora-2 (no audio)", """MediaCatalog.Sora2.TextToVideo("x").WithSound()""", "CS1061"),
        ("WithNegativePrompt on nano-banana", """MediaCatalog.NanoBanana.TextToImage("x").WithNegativePrompt("blur")""", "CS1061"),
        ("seedance image-to-video with one image", """MediaCatalog.Seedance15Pro.ImageToVideo("x", "https://e.x/start.png")""", "CS7036"),
        ("a duration value of another model", """MediaCatalog.Sora2.TextToVideo("x").WithDuration(MediaCatalog.Wan25.Durations.Seconds5)""", "CS1503"),
        ("elements on kling 3.0 text-to-video without its image", """MediaCatalog.Kling30Std.TextToVideo("@a").WithElement("a", "b", "https://e.x/1.png", "https://e.x/2.png")""", "CS1061"),
        ("elements on kling 3.0 image-to-video with only a start frame", """MediaCatalog.Kling30Pro.ImageToVideo("@a", "https://e.x/s.png").WithVideoElement("a", "b", "https://e.x/a.mp4")""", "CS1061"),
        ("an element with five images", """MediaCatalog.Kling30Std.ImageToVideo("x", "https://e.x/s.png", "https://e.x/e.png").WithElement("a", "b", "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png", "https://e.x/4.png", "https://e.x/5.png")""", "CS1501"),
        ("elements on kling 2.6", """MediaCatalog.Kling26ImageToVideo.Create("x", "https://e.x/i.png").WithElement("a", "b", "https://e.x/1.png", "https://e.x/2.png")""", "CS1061"),
        ("kling 2.6 image-to-video without its image", """MediaCatalog.Kling26ImageToVideo.Create("x")""", "CS7036"),
        ("a second image for kling 2.6 image-to-video", """MediaCatalog.Kling26ImageToVideo.Create("x", "https://e.x/1.png", "https://e.x/2.png")""", "CS1501"),
        ("motion control without the reference video", """MediaCatalog.Kling30MotionControl1080p.Create("x", "https://e.x/me.png")""", "CS7036"),
        ("sora-2 text-to-video with an image", """MediaCatalog.Sora2.TextToVideo("x", "https://e.x/i.png")""", "CS1501"),
        ("kling 2.5 pro without the end frame", """MediaCatalog.Kling25ImageToVideoPro.Create("x", "https://e.x/s.png")""", "CS7036"),
        ("a fourth image for veo3-1 image-to-video", """MediaCatalog.Veo31.ImageToVideo("x", "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png", "https://e.x/4.png")""", "CS1501"),
        ("a text-to-image mode on a video model", """MediaCatalog.Wan25.TextToImage("x")""", "CS0117"),
        ("image-to-image on a text-to-image only model", """MediaCatalog.SeedreamV4.ImageToImage("x", "https://e.x/1.png")""", "CS0117"),
        ("WithDuration on an image model", """MediaCatalog.Imagen4.Create("x").WithDuration(MediaCatalog.Sora2.Durations.Seconds10)""", "CS1061"),
        ("WithDuration on grok's fixed 6s", """MediaCatalog.GrokTextToVideo6s.Create("x").WithDuration(MediaCatalog.Sora2.Durations.Seconds10)""", "CS1061"),
        ("WithDuration on veo3-1 (not configurable)", """MediaCatalog.Veo31.TextToVideo("x").WithDuration(MediaCatalog.Sora2.Durations.Seconds10)""", "CS1061"),
        ("a duration value the model does not list", """MediaCatalog.Sora2.Durations.Seconds5""", "CS0117"),
        ("WithQuality on nano-banana (quality ignored)", """MediaCatalog.NanoBanana.TextToImage("x").WithQuality(MediaCatalog.Imagen4.Qualities.Fast)""", "CS1061"),
        ("a quality value of another model", """MediaCatalog.Sora2Pro.TextToVideo("x").WithQuality(MediaCatalog.Imagen4.Qualities.Standard)""", "CS1503"),
        ("a custom quality on a closed quality set", """MediaCatalog.Sora2Pro.Quality.Custom("8k")""", "CS0117"),
        ("WithResolution (the spec does not name the wire parameter)", """MediaCatalog.NanoBananaPro.TextToImage("x").WithResolution("4K")""", "CS1061"),
        ("WithSound on an image model", """MediaCatalog.Flux2.Create("x").WithSound()""", "CS1061"),
        ("WithNegativePrompt on kling 3.0", """MediaCatalog.Kling30Std.TextToVideo("x").WithNegativePrompt("y")""", "CS1061"),
        ("WithSound on veo3-1", """MediaCatalog.Veo31.TextToVideo("x").WithSound()""", "CS1061"),
        ("a duration string instead of a typed value", """MediaCatalog.Wan25.TextToVideo("x").WithDuration("5s")""", "CS1503"),
        ("an aspect ratio string instead of AspectRatio", """MediaCatalog.Sora2.TextToVideo("x").WithAspectRatio("16:9")""", "CS1503"),
        ("constructing a duration directly", """new MediaCatalog.Wan25.Duration(7)""", "CS0122"),
        ("nano-banana image-to-image with no image", """MediaCatalog.NanoBanana.ImageToImage("x")""", "CS1501"),
        ("Create on a model with several generation types", """MediaCatalog.Sora2.Create("x")""", "CS0117"),
    }.Select(c => new object[] { c.Name, c.Expression, c.Error });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Snippet_does_not_compile(string name, string expression, string expectedError)
    {
        string source = $$"""
            using MediaModels;

            namespace Consumer
            {
                internal static class Snippet
                {
                    internal static object Make() => {{expression}};
                }
            }
            """;
        GeneratorRun shipped = Shipped.Value;
        Compilation compilation = shipped.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ConsumerCompilation.ParseOptions(), "Snippet.cs"));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

        Assert.True(errors.Length > 0, $"'{name}' compiled, but must not.");
        Assert.True(errors.All(e => e.Location.SourceTree?.FilePath == "Snippet.cs"), $"'{name}': errors outside the snippet:\n{ConsumerCompilation.Describe(errors)}");
        Assert.True(errors.Select(e => e.Id).Distinct().SequenceEqual(new[] { expectedError }), $"'{name}': expected {expectedError}, got:\n{ConsumerCompilation.Describe(errors)}");
    }

    [Fact]
    public void There_are_at_least_seventeen_snippets()
    {
        Assert.True(Cases().Count() >= 17);
    }

    [Fact]
    public void The_snippet_template_compiles_with_a_valid_expression()
    {
        // Guards the suite: a template error would make every snippet "fail" for the wrong reason.
        Snippet_compiles("""MediaCatalog.Sora2.TextToVideo("x").WithDuration(MediaCatalog.Sora2.Durations.Seconds10)""");
        Snippet_compiles("""MediaCatalog.Kling30Std.TextToVideo("@a", "https://e.x/s.png").WithElement("a", "b", "https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png", "https://e.x/4.png")""");
    }

    private static void Snippet_compiles(string expression)
    {
        string source = $$"""
            using MediaModels;

            namespace Consumer
            {
                internal static class Snippet
                {
                    internal static object Make() => {{expression}};
                }
            }
            """;
        Compilation compilation = Shipped.Value.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, ConsumerCompilation.ParseOptions(), "Snippet.cs"));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, ConsumerCompilation.Describe(errors));
    }
}
