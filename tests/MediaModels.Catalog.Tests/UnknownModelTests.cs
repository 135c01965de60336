using System.Linq;
using MediaModels.Catalog.Rules;
using static MediaModels.Catalog.Tests.RuleTestKit;

namespace MediaModels.Catalog.Tests;

/// <summary>
/// A model id the catalog does not know: a near miss of a catalogued id is a typo (MM0001, an error with the id to use);
/// any other id may be one of the service's models the spec does not name (MM0008, a warning), checked by the
/// service-wide rules only.
/// </summary>
public class UnknownModelTests
{
    [Theory]
    [InlineData("sora2", "sora-2")]
    [InlineData("Sora-2", "sora-2")]
    [InlineData("veo3", "veo3-1")]
    [InlineData("nano-banan", "nano-banana")]
    [InlineData("kling-2-6-imagetovideo", "kling-2-6-image-to-video")]
    [InlineData("sora-3", "sora-2")]
    public void A_near_miss_is_an_error_naming_the_id(string id, string nearest)
    {
        Violation violation = Assert.Single(Engine.Check(Req(id, "text-to-video")));
        Assert.Equal(("MM0001", Severity.Error, nearest), (violation.Id, violation.Severity, violation.Suggestion));
        Assert.Equal($"Unknown model '{id}'. Did you mean '{nearest}'?", violation.Message);
    }

    [Theory]
    [InlineData("nano-banana-pro-4k")]
    [InlineData("veo3-1-pro")]
    [InlineData("kling-3-0")]
    [InlineData("flux-pro-ultra")]
    [InlineData("midjourney-v7")]
    public void Any_other_id_is_a_warning_that_says_how_to_teach_the_catalog(string id)
    {
        Violation violation = Assert.Single(Engine.Check(Req(id, "text-to-image")));
        Assert.Equal(("MM0008", Severity.Warning, "$.model"), (violation.Id, violation.Severity, violation.Path));
        Assert.Null(violation.Suggestion);
        Assert.Contains($"The catalog does not know model '{id}'", violation.Message);
        Assert.Contains("only the service-wide rules are checked", violation.Message);
        Assert.Contains("mediamodels drift --write-overlay FILE", violation.Message);
        Assert.Contains("--catalog FILE", violation.Message);
    }

    [Fact]
    public void An_id_that_extends_a_catalogued_one_is_named_as_a_possible_variant()
    {
        Violation violation = Assert.Single(Engine.Check(Req("nano-banana-pro-4k", "text-to-image")));
        Assert.Contains("it may be one of the variants of nano-banana-pro the spec mentions without naming", violation.Message);
        Assert.Contains("(the nearest catalogued id is 'kling-3-0-pro')", Assert.Single(Engine.Check(Req("kling-3-0", "text-to-video"))).Message);
    }

    [Fact]
    public void Only_the_service_wide_rules_apply_to_a_model_the_catalog_does_not_know()
    {
        // Model-specific rules say nothing: any duration, quality, sound, prompt length or count.
        RequestFacts request = Req("new-video-model", "image-to-video", Img(1), Img(2), Img(3)) with
        {
            Duration = "99s", Quality = "ultra", Sound = true, NegativePrompt = "blur", Prompt = new string('a', 50_000), AspectRatio = "7:3",
        };
        Assert.Equal(new[] { "MM0008" }, Ids(request));

        // The spec's service-wide rules still hold.
        Assert.Equal(new[] { "MM0008", "MM0003" }, Ids(Req("new-video-model", "text-to-video") with { Prompt = " " }));
        Assert.Equal(new[] { ("MM0008", Severity.Warning), ("MM0002", Severity.Error) }, Check(Req("new-video-model", "video-to-video")));
        Assert.Equal(new[] { ("MM0008", Severity.Warning), ("MM0301", Severity.Error) }, Check(Req("new-video-model", "image-to-video")));
        Assert.Equal(new[] { ("MM0008", Severity.Warning), ("MM0304", Severity.Error) }, Check(Req("new-video-model", "image-to-video", "images/cat.png")));
        Assert.Equal(new[] { ("MM0008", Severity.Warning), ("MM0203", Severity.Error) }, Check(Req("new-video-model", "text-to-video") with { AspectRatio = "16x9" }));
        Assert.Equal(new[] { ("MM0008", Severity.Warning), ("MM0305", Severity.Warning) }, Check(Req("new-image-model", "image-to-image", "https://example.com/cat.gif")));
        Assert.Equal(new[] { "MM0008" }, Ids(Req("new-image-model", "image-to-image", "https://example.com/cat.webp", "https://example.com/clip.mp4")));
    }

    [Fact]
    public void The_id_check_alone_matches_the_request_check()
    {
        Assert.Null(Engine.CheckModelId("sora-2"));
        Assert.Equal("MM0001", Engine.CheckModelId("sora2")!.Id);
        Assert.Equal(Engine.Check(Req("midjourney-v7", "text-to-image")).Single(), Engine.CheckModelId("midjourney-v7"));
    }

    [Fact]
    public void A_missing_model_stays_an_error()
    {
        Violation violation = Assert.Single(Engine.Check(Req("sora-2", "text-to-video") with { Model = Fact<string>.Absent }));
        Assert.Equal(("MM0001", Severity.Error), (violation.Id, violation.Severity));
    }

    private static (string, Severity)[] Check(in RequestFacts request) => Engine.Check(request).Select(v => (v.Id, v.Severity)).ToArray();
}
