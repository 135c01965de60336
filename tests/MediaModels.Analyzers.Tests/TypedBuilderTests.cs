using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// Literals in the generated typed builders (the generator runs in these tests, from the same catalog files): each
/// literal rule fires where a constant is wrong and stays silent where it is right or not constant.
/// </summary>
public sealed class TypedBuilderTests
{
    private static string Code(string body) => $$"""
        using MediaModels;

        class C
        {
            const string Part = "A quiet harbour at dawn, ";

            GenerateMediaRequest M(string url, string text)
            {
                {{body}}
            }
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerTest.VerifyWithBuildersAsync(Code(body), expected);

    [Fact]
    public Task Valid_chains_have_no_diagnostic() => Verify("""
        var a = MediaCatalog.Kling26ImageToVideo.Create("Gentle motion", "https://example.com/your-image.jpg")
            .WithAspectRatio(AspectRatio.Widescreen16x9)
            .WithDuration(MediaCatalog.Kling26ImageToVideo.Durations.Seconds5)
            .WithSound()
            .Build();
        var b = MediaCatalog.Kling30Std.TextToVideo("@dog runs", "https://e.com/a.png").WithElement("dog", "a dog", "https://e.com/1.jpg", "https://e.com/2.jpg").WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(15)).Build();
        var c = MediaCatalog.Wan25.TextToVideo(text).WithAspectRatio(AspectRatio.Parse("4:5")).Build();
        return MediaCatalog.NanoBananaEdit.Create(text, url, "https://e.com/b.png").Build();
        """);

    [Fact]
    public Task MM0003_empty_prompt() => Verify("""
        return MediaCatalog.Kling26ImageToVideo.Create({|MM0003:""|}, "https://e.com/a.jpg").Build();
        """);

    [Fact]
    public Task MM0004_prompt_longer_than_the_limit_with_constant_concatenation() => Verify($$"""
        var a = MediaCatalog.Wan25.TextToVideo({|MM0004:"{{new string('a', 801)}}"|}).Build();
        return MediaCatalog.Wan25.TextToVideo({|MM0004:$"{Part}{{new string('b', 790)}}"|}).Build();
        """);

    [Fact]
    public Task MM0004_near_miss() => Verify($$"""
        var a = MediaCatalog.Wan25.TextToVideo("{{new string('a', 800)}}").Build();
        return MediaCatalog.NanoBananaPro.TextToImage("{{new string('a', 6000)}}").Build();
        """);

    [Fact]
    public Task MM0304_url_literal_not_absolute_http() => Verify("""
        var a = MediaCatalog.Kling26ImageToVideo.Create("x", {|MM0304:"ftp://e.com/a.jpg"|}).Build();
        return MediaCatalog.NanoBananaEdit.Create("x", url, {|MM0304:"b.png"|}, "https://e.com/c.png").Build();
        """);

    [Fact]
    public Task MM0303_video_extension_where_an_image_is_expected() => Verify("""
        var a = MediaCatalog.Kling26ImageToVideo.Create("x", {|MM0303:"https://e.com/clip.mp4"|}).Build();
        return MediaCatalog.Kling30Std.ImageToVideo("x", "https://e.com/a.png", "https://e.com/b.png").WithElement("dog", "a dog", "https://e.com/1.jpg", {|MM0303:"https://e.com/2.mov"|}).Build();
        """);

    [Fact]
    public Task MM0303_near_miss_reference_video_where_a_video_is_expected() => Verify("""
        return MediaCatalog.Kling26MotionControl720p.Create("x", "https://e.com/a.jpg", "https://e.com/clip.mp4").Build();
        """);

    [Fact]
    public Task MM0201_seconds_outside_the_range() => Verify("""
        var d = MediaCatalog.Kling30Std.Duration.FromSeconds({|MM0201:20|});
        return MediaCatalog.Kling30Std.TextToVideo("x").WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds({|MM0201:2|})).Build();
        """);

    [Fact]
    public Task MM0201_near_miss() => Verify("""
        var d = MediaCatalog.Kling30Std.Duration.FromSeconds(3);
        return MediaCatalog.Kling30Std.TextToVideo("x").WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(url.Length)).Build();
        """);

    [Fact]
    public Task MM0202_quality_literal_not_allowed() => Verify("""
        var q = MediaCatalog.Sora2Pro.Quality.FromValue({|MM0202:"ultra"|});
        return MediaCatalog.Sora2Pro.TextToVideo("x").WithQuality(MediaCatalog.Sora2Pro.Quality.FromValue("hd")).Build();
        """);

    [Fact]
    public Task MM0203_malformed_aspect_ratio_literal() => Verify("""
        var a = AspectRatio.Parse({|MM0203:"16/9"|});
        var b = AspectRatio.Custom{|MM0203:(0, 9)|};
        return MediaCatalog.Sora2.TextToVideo("x").WithAspectRatio(AspectRatio.Parse({|MM0203:"wide"|})).Build();
        """);

    [Fact]
    public Task MM0404_prompt_names_an_element_the_chain_does_not_declare() => Verify("""
        return MediaCatalog.Kling30Std.TextToVideo({|MM0404:"@cat and @dog"|}, "https://e.com/a.png")
            .WithElement("dog", "a dog", "https://e.com/1.jpg", "https://e.com/2.jpg")
            .Build();
        """);

    [Fact]
    public Task MM0404_near_miss_chain_not_finished_or_element_declared() => Verify("""
        var partial = MediaCatalog.Kling30Std.TextToVideo("@cat and @dog", "https://e.com/a.png").WithElement("dog", "a dog", "https://e.com/1.jpg", "https://e.com/2.jpg");
        var done = partial.WithVideoElement("cat", "a cat", "https://e.com/c.mp4").Build();
        return MediaCatalog.Kling30Pro.TextToVideo("@dog", "https://e.com/a.png").WithVideoElement("dog", "a dog", "https://e.com/d.mp4").Build();
        """);
}
