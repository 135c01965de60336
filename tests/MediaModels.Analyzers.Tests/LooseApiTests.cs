using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// The loose API: for every request rule a case where it fires (span marked) and a near miss where it must not.
/// </summary>
public sealed class LooseApiTests
{
    internal static string Code(string body) => $$"""
        using System.Collections.Generic;
        using MediaModels;

        class C
        {
            const string Part = "A quiet harbour at dawn, ";

            void M(string url, string text, bool flag, GenerateMediaRequest other)
            {
                {{body}}
            }
        }
        """;

    private static Task Verify(string body, params DiagnosticResult[] expected) => AnalyzerTest.VerifyAsync(Code(body), expected);

    [Fact]
    public Task Valid_request_has_no_diagnostic() => Verify("""
        var r = new GenerateMediaRequest { Prompt = "A red car", Model = "sora-2", GenerationType = "text-to-video", Duration = "10s", AspectRatio = "16:9", Seed = 7 };
        """);

    // MM0001
    [Fact]
    public Task MM0001_unknown_model_with_nearest_id() => Verify(
        """var r = new GenerateMediaRequest { Prompt = "x", Model = {|#0:"sora-3"|}, GenerationType = "text-to-video" };""",
        new DiagnosticResult("MM0001", DiagnosticSeverity.Error).WithLocation(0).WithMessage("Unknown model 'sora-3'. Did you mean 'sora-2'?"));

    [Fact]
    public Task MM0001_near_miss_model_not_constant() => Verify(
        """var r = new GenerateMediaRequest { Prompt = "x", Model = text, GenerationType = "text-to-video" };""");

    // MM0002
    [Fact]
    public Task MM0002_generation_type_not_offered() => Verify(
        """var r = new GenerateMediaRequest { Prompt = "x", Model = "sora-2", GenerationType = {|MM0002:"text-to-image"|} };""");

    [Fact]
    public Task MM0002_omitted_generation_type_marks_the_creation() => Verify(
        """var r = {|MM0002:new GenerateMediaRequest|} { Prompt = "x", Model = "sora-2" };""");

    [Fact]
    public Task MM0002_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Prompt = "x", Model = "nano-banana" };""");

    // MM0003
    [Fact]
    public Task MM0003_empty_prompt_literal() => Verify(
        """var r = new GenerateMediaRequest { Prompt = {|MM0003:"   "|}, Model = "nano-banana" };""");

    [Fact]
    public Task MM0003_missing_prompt_on_a_constant_model() => Verify(
        """var r = {|MM0003:new GenerateMediaRequest|} { Model = "nano-banana" };""");

    [Fact]
    public Task MM0003_missing_prompt_when_the_model_is_a_null_constant() => Verify(
        """var r = {|MM0003:new GenerateMediaRequest|} { Model = {|MM0001:null|} };""");

    [Fact]
    public Task MM0003_near_miss_prompt_set_later_or_at_run_time() => Verify("""
        var a = new GenerateMediaRequest { Model = "nano-banana", Prompt = text };
        var b = new GenerateMediaRequest { Model = "nano-banana" };
        b.Prompt = "A cat";
        var c = new GenerateMediaRequest { Prompt = "" + "" + text };
        """);

    // MM0004
    [Fact]
    public Task MM0004_prompt_longer_than_the_limit() => Verify(
        $$"""var r = new GenerateMediaRequest { Model = "wan-2-5", GenerationType = "text-to-video", Prompt = {|MM0004:"{{new string('a', 801)}}"|} };""");

    [Fact]
    public Task MM0004_constant_concatenations_and_interpolations_count() => Verify(
        $$"""
        const int Count = 12345;
        var a = new GenerateMediaRequest { Model = "wan-2-5", GenerationType = "text-to-video", Prompt = {|MM0004:Part + "{{new string('b', 780)}}"|} };
        var b = new GenerateMediaRequest { Model = "wan-2-5", GenerationType = "text-to-video", Prompt = {|MM0004:$"{Part}{Count} {{new string('c', 780)}}"|} };
        """);

    [Fact]
    public Task MM0004_near_miss_at_the_limit_and_not_constant() => Verify(
        $$"""
        var a = new GenerateMediaRequest { Model = "wan-2-5", GenerationType = "text-to-video", Prompt = "{{new string('a', 800)}}" };
        var b = new GenerateMediaRequest { Model = "wan-2-5", GenerationType = "text-to-video", Prompt = $"{text}{{new string('a', 900)}}" };
        """);

    // MM0101–MM0104
    [Fact]
    public Task MM0101_sound_on_a_model_without_audio() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|#0:Sound = true|} };""",
        new DiagnosticResult("MM0101", DiagnosticSeverity.Warning).WithLocation(0).WithMessage("sora-2 has no audio and ignores sound."));

    [Fact]
    public Task MM0101_near_miss() => Verify("""
        var a = new GenerateMediaRequest { Model = "kling-2-6-text-to-video", GenerationType = "text-to-video", Prompt = "x", Sound = true };
        var b = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Sound = false };
        """);

    [Fact]
    public Task MM0102_negative_prompt_ignored() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|MM0102:NegativePrompt = "blur"|} };""");

    [Fact]
    public Task MM0102_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "imagen-4", Prompt = "x", NegativePrompt = "blur" };""");

    [Fact]
    public Task MM0103_duration_ignored() => Verify("""
        var a = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", {|MM0103:Duration = "5s"|} };
        var b = new GenerateMediaRequest { Model = "grok-text-to-video-6s", GenerationType = "text-to-video", Prompt = "x", {|MM0103:Duration = text|} };
        """);

    [Fact]
    public Task MM0103_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Duration = "15s" };""");

    [Fact]
    public Task MM0104_quality_ignored() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|MM0104:Quality = "pro"|} };""");

    [Fact]
    public Task MM0104_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "imagen-4", Prompt = "x", Quality = "fast" };""");

    // MM0201, MM0202
    [Fact]
    public Task MM0201_duration_not_allowed_names_the_allowed_values() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Duration = {|#0:"12s"|} };""",
        new DiagnosticResult("MM0201", DiagnosticSeverity.Error).WithLocation(0).WithMessage("sora-2 does not accept duration '12s'; allowed: 10s, 15s. Nearest: 10s."));

    [Fact]
    public Task MM0201_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "x", Duration = "12s" };""");

    [Fact]
    public Task MM0202_quality_not_allowed() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2-pro", GenerationType = "text-to-video", Prompt = "x", Quality = {|MM0202:"ultra"|} };""");

    [Fact]
    public Task MM0202_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2-pro", GenerationType = "text-to-video", Prompt = "x", Quality = "hd" };""");

    // MM0203, MM0204
    [Fact]
    public Task MM0203_malformed_aspect_ratio() => Verify("""
        var a = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", AspectRatio = {|MM0203:"16/9"|} };
        var b = new GenerateMediaRequest { Prompt = "x", Model = text, AspectRatio = {|MM0203:"0:1"|} };
        """);

    [Fact]
    public Task MM0203_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", AspectRatio = "21:9" };""");

    private const string AspectRatioOverlay = """
        overrides:
          - id: nano-banana
            aspect_ratios: ["1:1", "16:9"]
        """;

    [Fact]
    public Task MM0204_aspect_ratio_not_offered_by_a_catalog_overlay()
    {
        var test = new AnalyzerTest(overlays: new[] { ("/project/my-models.yaml", AspectRatioOverlay, 10) })
        {
            TestCode = Code("""
                var a = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", AspectRatio = {|MM0204:"4:5"|} };
                var b = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", AspectRatio = "16:9" };
                """),
        };
        return test.RunAsync();
    }

    // MM0301–MM0305
    [Fact]
    public Task MM0301_wrong_number_of_source_media() => Verify("""
        var a = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = {|MM0301:new[] { "https://e.com/a.jpg", "https://e.com/b.jpg" }|} };
        var b = new GenerateMediaRequest { Model = "seedance-1-5-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = {|MM0301:["https://e.com/a.jpg"]|} };
        var c = {|MM0301:new GenerateMediaRequest|} { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x" };
        """);

    [Fact]
    public Task MM0301_near_miss() => Verify("""
        var a = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new List<string> { url } };
        var b = new GenerateMediaRequest { Model = "seedance-1-5-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new string[] { url, "https://e.com/b.png" } };
        var c = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = MakeList() };
        """.Replace("MakeList()", "new List<string>(other.SourceMediaUrls!)"));

    [Fact]
    public Task MM0302_source_media_on_a_mode_that_takes_none() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|MM0302:SourceMediaUrls = new[] { "https://e.com/a.jpg" }|} };""");

    [Fact]
    public Task MM0302_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/a.jpg" } };""");

    [Fact]
    public Task MM0303_video_where_an_image_is_expected() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { {|MM0303:"https://e.com/clip.mp4"|} } };""");

    [Fact]
    public Task MM0303_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-2-6-motion-control-720p", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/a.jpg", "https://e.com/clip.mp4" } };""");

    [Fact]
    public Task MM0304_not_an_absolute_http_url() => Verify("""
        var a = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { {|MM0304:"ftp://e.com/a.jpg"|} } };
        var b = new GenerateMediaRequest { Prompt = "x", SourceMediaUrls = [{|MM0304:"images/a.jpg"|}, url] };
        """);

    [Fact]
    public Task MM0304_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-2-6-image-to-video", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "http://e.com/a.jpg" } };""");

    [Fact]
    public Task MM0305_format_not_listed() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { {|MM0305:"https://e.com/a.webp"|} } };""");

    [Fact]
    public Task MM0305_near_miss() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/a.png" } };""");

    // MM0401–MM0404
    [Fact]
    public Task MM0401_elements_on_a_model_without_them() => Verify("""
        var r = new GenerateMediaRequest
        {
            Model = "sora-2",
            GenerationType = "text-to-video",
            Prompt = "x",
            {|MM0401:KlingElements = new[] { new KlingElement { Name = "dog", Description = "a dog", ElementInputUrls = new[] { "https://e.com/1.jpg", "https://e.com/2.jpg" } } }|},
        };
        """);

    [Fact]
    public Task MM0402_elements_without_the_picture_they_need() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "@dog runs", KlingElements = {|MM0402:new[] { new KlingElement { Name = "dog", Description = "a dog", ElementInputUrls = new[] { "https://e.com/1.jpg", "https://e.com/2.jpg" } } }|} };""");

    [Fact]
    public Task MM0403_malformed_element() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "@dog runs", SourceMediaUrls = new[] { "https://e.com/a.png" }, KlingElements = new[] { {|MM0403:new KlingElement { Name = "dog", ElementInputUrls = new[] { "https://e.com/1.jpg", "https://e.com/2.jpg" } }|} } };""");

    [Fact]
    public Task MM0404_prompt_names_an_undeclared_element() => Verify(
        """var r = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = {|MM0404:"@cat chases @dog"|}, SourceMediaUrls = new[] { "https://e.com/a.png" }, KlingElements = new List<KlingElement> { new KlingElement { Name = "dog", Description = "a dog", ElementInputVideoUrls = new[] { "https://e.com/d.mp4" } } } };""");

    [Fact]
    public Task MM04xx_near_miss_well_formed_elements() => Verify("""
        var a = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "@dog runs", SourceMediaUrls = new[] { "https://e.com/a.png" }, KlingElements = new[] { new KlingElement { Name = "dog", Description = "a dog", ElementInputUrls = new[] { "https://e.com/1.jpg", "https://e.com/2.jpg" } } } };
        var b = new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "@cat runs", SourceMediaUrls = new[] { url }, KlingElements = new[] { new KlingElement { Name = text, Description = "a dog", ElementInputUrls = new[] { url, url } } } };
        """);

    // with, assignments
    [Fact]
    public Task With_expression_checks_only_what_it_sets() => Verify("""
        var a = other with { Model = {|MM0001:"sora-3"|} };
        var b = other with { Model = "sora-2", Duration = {|MM0201:"12s"|} };
        var c = other with { Model = "sora-2" };
        var d = other with { Prompt = {|MM0003:""|} };
        """);

    [Fact]
    public Task Property_assignments_after_a_creation_are_part_of_it() => Verify("""
        var r = new GenerateMediaRequest();
        r.Model = "sora-2";
        r.GenerationType = "text-to-video";
        r.Prompt = "A red car";
        {|MM0101:r.Sound = true|};
        r.Duration = {|MM0201:"5s"|};
        """);

    [Fact]
    public Task Lone_property_assignments_are_checked_for_what_they_set() => Verify("""
        other.Model = {|MM0001:"sora-3"|};
        other.Model = "sora-2";
        other.Duration = {|MM0201:"12s"|};
        other.Prompt = text;
        other.AspectRatio = {|MM0203:"wide"|};
        """);

    [Fact]
    public Task A_property_assigned_conditionally_is_known_only_at_run_time() => Verify("""
        var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video" };
        if (flag)
        {
            r.Prompt = "A red car";
        }
        """);

    [Fact]
    public Task Non_constant_values_are_not_judged() => Verify("""
        var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = text, Prompt = text, Duration = text, AspectRatio = text, SourceMediaUrls = other.SourceMediaUrls, KlingElements = other.KlingElements };
        """.Replace("KlingElements = other.KlingElements", "Seed = 1"));

    [Fact]
    public Task Severity_is_configurable_in_editorconfig()
    {
        var test = new AnalyzerTest
        {
            TestCode = Code("""var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|#0:Sound = true|}, {|#1:Quality = "pro"|} };"""),
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MM0104.severity = none\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MM0101", DiagnosticSeverity.Warning).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task Without_catalog_files_nothing_is_reported()
    {
        var test = new AnalyzerTest(withCatalog: false)
        {
            TestCode = Code("""var r = new GenerateMediaRequest { Model = "sora-3", Sound = true };"""),
        };
        return test.RunAsync();
    }
}
