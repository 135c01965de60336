using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Validation;

// These tests build invalid requests on purpose, to see Build() refuse them at run time; with constant values the
// analyzers (which this project also runs) report the same rules at compile time, which is right but not the point here.
#pragma warning disable MM0003, MM0004, MM0201, MM0202, MM0203, MM0301, MM0302, MM0303, MM0304, MM0305, MM0402, MM0403, MM0404

namespace MediaModels.Generators.Tests;

/// <summary>
/// This test project consumes the generator itself (ProjectReference as Analyzer + the shipped catalog as
/// AdditionalFiles), so these tests call the generated builders as a user would, over the runtime stand-in.
/// </summary>
public class RuntimeBehaviourTests
{
    [Fact]
    public void Builds_the_spec_example_request()
    {
        GenerateMediaRequest request = MediaCatalog.Kling26ImageToVideo
            .Create("Gentle motion and subtle movement", image: "https://example.com/your-image.jpg")
            .WithAspectRatio(AspectRatio.Widescreen16x9)
            .WithDuration(MediaCatalog.Kling26ImageToVideo.Durations.Seconds5)
            .Build();

        Assert.Equal(
            """{"prompt":"Gentle motion and subtle movement","model":"kling-2-6-image-to-video","generation_type":"image-to-video","source_media_urls":["https://example.com/your-image.jpg"],"aspect_ratio":"16:9","duration":"5s"}""",
            request.ToJson());
    }

    [Fact]
    public void Builders_are_immutable_and_reusable()
    {
        MediaCatalog.Sora2.TextToVideoBuilder base1 = MediaCatalog.Sora2.TextToVideo("A red car");
        GenerateMediaRequest ten = base1.WithDuration(MediaCatalog.Sora2.Durations.Seconds10).Build();
        GenerateMediaRequest fifteen = base1.WithDuration(MediaCatalog.Sora2.Durations.Seconds15).Build();
        GenerateMediaRequest plain = base1.Build();

        Assert.Equal("10s", ten.Duration);
        Assert.Equal("15s", fifteen.Duration);
        Assert.Null(plain.Duration);
        Assert.NotSame(base1.Build(), base1.Build());
    }

    [Fact]
    public void Build_checks_a_dynamic_prompt_against_the_model_limit()
    {
        string prompt = new('x', MediaCatalog.Wan25.MaxPromptLength + 1);
        MediaRequestValidationException exception = Assert.Throws<MediaRequestValidationException>(() => MediaCatalog.Wan25.TextToVideo(prompt).Build());
        Assert.Equal("MM0004", Assert.Single(exception.Errors).Id);

        MediaCatalog.Wan25.TextToVideo(new string('x', MediaCatalog.Wan25.MaxPromptLength)).Build();
    }

    [Fact]
    public void Build_checks_counts_of_lists_known_only_at_run_time()
    {
        var urls = Enumerable.Range(1, MediaCatalog.NanoBanana.ImageToImageMaxImages + 1).Select(i => $"https://e.x/{i}.png").ToList();
        MediaRequestValidationException tooMany = Assert.Throws<MediaRequestValidationException>(() => MediaCatalog.NanoBanana.ImageToImage("x", urls).Build());
        Assert.Contains(tooMany.Errors, v => v.Id == "MM0301");

        MediaRequestValidationException none = Assert.Throws<MediaRequestValidationException>(() => MediaCatalog.NanoBanana.ImageToImage("x", new List<string>()).Build());
        Assert.Contains(none.Errors, v => v.Id == "MM0301");

        MediaRequestValidationException notUrl = Assert.Throws<MediaRequestValidationException>(() => MediaCatalog.Sora2.ImageToVideo("x", "car.png").Build());
        Assert.Contains(notUrl.Errors, v => v.Id == "MM0304");

        MediaRequestValidationException blank = Assert.Throws<MediaRequestValidationException>(() => MediaCatalog.Sora2.TextToVideo("  ").Build());
        Assert.Contains(blank.Errors, v => v.Id == "MM0003");
    }

    [Fact]
    public void Kling_elements_reach_the_wire()
    {
        GenerateMediaRequest request = MediaCatalog.Kling30Std
            .ImageToVideo("@hero jumps over @cat", "https://e.x/start.png", "https://e.x/end.png")
            .WithElement("hero", "the hero", "https://e.x/h1.png", "https://e.x/h2.png", "https://e.x/h3.png")
            .WithVideoElement("cat", "a cat", "https://e.x/cat.mp4")
            .WithSound()
            .WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(12))
            .Build();

        Assert.Equal(2, request.KlingElements!.Count);
        Assert.Equal(new[] { "https://e.x/h1.png", "https://e.x/h2.png", "https://e.x/h3.png" }, request.KlingElements[0].ElementInputUrls);
        Assert.Equal(new[] { "https://e.x/cat.mp4" }, request.KlingElements[1].ElementInputVideoUrls);
        Assert.True(request.Sound);
        Assert.Equal("12s", request.Duration);
        Assert.Contains("\"kling_elements\":[{\"name\":\"hero\"", request.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_values_check_their_ranges()
    {
        // Refused values are judged by the shared rule engine and name the rule the validator would report.
        Assert.Equal("MM0201", Assert.Throws<MediaRuleArgumentException>(() => MediaCatalog.Kling30Pro.Duration.FromSeconds(16)).RuleId);
        MediaRuleArgumentException tooShort = Assert.Throws<MediaRuleArgumentException>(() => MediaCatalog.Kling30Pro.Duration.FromSeconds(2));
        Assert.StartsWith("MM0201: kling-3-0-pro does not accept duration '2s'; allowed: 3s–15s. Nearest: 3s.", tooShort.Message, StringComparison.Ordinal);
        Assert.Equal("seconds", tooShort.ParamName);
        Assert.Equal(MediaCatalog.Kling30Pro.Durations.Seconds3, MediaCatalog.Kling30Pro.Duration.FromSeconds(MediaCatalog.Kling30Pro.Durations.MinSeconds));
        Assert.Equal(13, MediaCatalog.Kling30Pro.Durations.All.Count);
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(Assert.Throws<MediaRuleArgumentException>(() => MediaCatalog.Seedance15Pro.Duration.FromSeconds(5)));
        Assert.Equal("8s", MediaCatalog.Seedance15Pro.Duration.FromSeconds(8).Value);

        Assert.Equal("MM0202", Assert.Throws<MediaRuleArgumentException>(() => MediaCatalog.Sora2Pro.Quality.FromValue("ultra")).RuleId);
        Assert.Equal("hd", MediaCatalog.Sora2Pro.Qualities.Hd.Value);
        Assert.Equal("max", MediaCatalog.SeedreamV45.Quality.Custom("max").Value);
        Assert.Throws<ArgumentException>(() => MediaCatalog.SeedreamV45.Quality.Custom(" "));

        Assert.Equal("3:2", AspectRatio.Custom(3, 2).Value);
        Assert.Equal(AspectRatio.Widescreen16x9, AspectRatio.Parse("16:9"));
        MediaRuleFormatException malformed = Assert.Throws<MediaRuleFormatException>(() => AspectRatio.Parse("16x9"));
        Assert.Equal("MM0203", malformed.RuleId);
        Assert.IsAssignableFrom<FormatException>(malformed);
        Assert.Equal("MM0203", Assert.Throws<MediaRuleArgumentException>(() => AspectRatio.Custom(0, 1)).RuleId);
        Assert.Equal("MM0203", Assert.Throws<MediaRuleArgumentException>(() => AspectRatio.Custom(1, 100000)).RuleId);
        Assert.Equal(new[] { "1:1", "16:9", "9:16", "4:5", "21:9" }, new[] { AspectRatio.Square1x1, AspectRatio.Widescreen16x9, AspectRatio.Portrait9x16, AspectRatio.Portrait4x5, AspectRatio.Ultrawide21x9 }.Select(r => r.Value));
    }

    [Fact]
    public void Null_arguments_throw_at_once()
    {
        Assert.Throws<ArgumentNullException>(() => MediaCatalog.Sora2.TextToVideo(null!));
        Assert.Throws<ArgumentNullException>(() => MediaCatalog.Sora2.ImageToVideo("x", null!));
        Assert.Throws<ArgumentException>(() => MediaCatalog.NanoBanana.ImageToImage("x", new[] { "https://e.x/1.png", null! }.AsEnumerable()));
        Assert.Throws<ArgumentNullException>(() => MediaCatalog.Sora2.TextToVideo("x").WithAspectRatio(null!));
    }

    [Fact]
    public void The_generated_catalog_is_the_compiled_catalog()
    {
        Assert.Equal(36, MediaCatalog.Catalog.Models.Count);
        Assert.Equal(MediaCatalog.Kling30Std.Spec, MediaCatalog.Catalog.Find("kling-3-0-std"));
        Assert.Equal("1:1", MediaCatalog.Catalog.Defaults.AspectRatio);

        // The literal equals what the YAML reader produces: same facts, value-equal records.
        Catalog.Reading.CatalogReadResult read = Catalog.Reading.CatalogReader.ReadFiles(new[] { Infrastructure.TestPaths.CatalogFolder });
        Assert.Equal(read.Catalog.Models, MediaCatalog.Catalog.Models);
        Assert.Equal(read.Catalog.Defaults, MediaCatalog.Catalog.Defaults);
    }

    [Fact]
    public void Seedance_text_to_video_takes_an_optional_image_and_always_sends_the_generation_type()
    {
        Assert.Null(MediaCatalog.Seedance15Pro.TextToVideo("x").Build().SourceMediaUrls);
        Assert.Equal(new[] { "https://e.x/a.png" }, MediaCatalog.Seedance15Pro.TextToVideo("x", "https://e.x/a.png").Build().SourceMediaUrls);
        Assert.Equal("text-to-image", MediaCatalog.Flux2.Create("x").Build().GenerationType);
    }
}
