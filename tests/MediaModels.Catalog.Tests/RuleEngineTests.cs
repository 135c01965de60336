using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using static MediaModels.Catalog.Tests.RuleTestKit;

namespace MediaModels.Catalog.Tests;

public class RuleEngineTests
{
    [Fact]
    public void Unknown_model_suggests_the_nearest_id()
    {
        Violation violation = Assert.Single(Engine.Check(Req("kling-2-6-imagetovideo", "image-to-video", Img(1))));
        Assert.Equal(("MM0001", Severity.Error, "$.model"), (violation.Id, violation.Severity, violation.Path));
        Assert.Equal("kling-2-6-image-to-video", violation.Suggestion);
        Assert.Contains("Did you mean 'kling-2-6-image-to-video'?", violation.Message);
    }

    [Fact]
    public void Duration_violation_names_the_model_the_allowed_values_and_the_nearest()
    {
        Violation violation = Assert.Single(Engine.Check(Req("kling-2-6-text-to-video", "text-to-video") with { Duration = "8s" }));
        Assert.Equal("MM0201", violation.Id);
        Assert.Equal("$.duration", violation.Path);
        Assert.Contains("kling-2-6-text-to-video", violation.Message);
        Assert.Contains("5s, 10s", violation.Message);
        Assert.Equal("10s", violation.Suggestion);
    }

    [Fact]
    public void Range_duration_suggests_the_closest_bound()
    {
        Violation violation = Assert.Single(Engine.Check(Req("kling-3-0-pro", "text-to-video") with { Duration = "20s" }));
        Assert.Equal("15s", violation.Suggestion);
        Assert.Contains("3s–15s", violation.Message);
    }

    [Fact]
    public void Omitted_generation_type_explains_the_default()
    {
        Violation violation = Assert.Single(Engine.Check(Req("sora-2", null)));
        Assert.Equal("MM0002", violation.Id);
        Assert.Contains("assumes text-to-image", violation.Message);
        Assert.Contains("text-to-video, image-to-video", violation.Message);
    }

    [Fact]
    public void Every_violation_is_reported_not_just_the_first()
    {
        RequestFacts request = Req("wan-2-5", "image-to-video", "not a url", Vid(2)) with
        {
            Prompt = new string('x', 900),
            Duration = "7s",
            Quality = "pro",
            Sound = true,
            AspectRatio = "wide",
        };
        string[] ids = Engine.Check(request).Select(v => v.Id).ToArray();
        Assert.Equal(new[] { "MM0004", "MM0304", "MM0203", "MM0101", "MM0201", "MM0104", "MM0301", "MM0303" }, ids);
    }

    [Fact]
    public void Indexed_paths_point_at_the_offending_url()
    {
        IReadOnlyList<Violation> violations = Engine.Check(Req("nano-banana", "image-to-image", Img(1), "file:///tmp/x.png"));
        Violation violation = Assert.Single(violations);
        Assert.Equal("$.source_media_urls[1]", violation.Path);
    }

    [Fact]
    public void Element_paths_point_inside_the_element()
    {
        var element = new TestElement { Name = "hero", Description = "d", ImageUrls = Fact<IReadOnlyList<string?>>.Of(new[] { Img(1), "ftp://x/y.png" }) };
        RequestFacts request = Req("kling-3-0-std", "text-to-video", Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(new IElementFacts[] { element }) };
        Violation violation = Assert.Single(Engine.Check(request));
        Assert.Equal(("MM0304", "$.kling_elements[0].element_input_urls[1]"), (violation.Id, violation.Path));
    }

    [Fact]
    public void Warnings_and_errors_have_the_rule_table_severities()
    {
        Assert.Equal(Severity.Warning, Assert.Single(Engine.Check(Req("sora-2", "text-to-video") with { Sound = true })).Severity);
        Assert.Equal(Severity.Error, Assert.Single(Engine.Check(Req("sora-2", "text-to-video") with { Duration = "5s" })).Severity);
        foreach (RuleDescriptor rule in MediaRules.All)
        {
            bool warning = rule.Id is "MM0006" or "MM0008" or "MM0404" or "MM0305" || rule.Id.StartsWith("MM01");
            Assert.Equal(warning ? Severity.Warning : Severity.Error, rule.DefaultSeverity);
        }
    }

    [Fact]
    public void A_closed_aspect_ratio_list_is_enforced()
    {
        const string text = "models:\n  - id: square-only\n    media: image\n    generation_types: { text-to-image: }\n    aspect_ratios: [\"1:1\"]\n";
        var engine = new RuleEngine(CatalogReader.Read(new[] { ("a.yaml", text) }).Catalog);
        var request = new RequestFacts { Model = "square-only", Prompt = "A cat", AspectRatio = "16:9" };
        Violation violation = Assert.Single(engine.Check(request));
        Assert.Equal(("MM0204", "1:1"), (violation.Id, violation.Suggestion));
        Assert.Empty(engine.Check(request with { AspectRatio = "1:1" }));
    }

    [Fact]
    public void A_valid_request_returns_the_shared_empty_result()
    {
        IReadOnlyList<Violation> first = Engine.Check(Req("sora-2", "text-to-video"));
        IReadOnlyList<Violation> second = Engine.Check(Req("kling-2-6-image-to-video", "image-to-video", Img(1)));
        Assert.Empty(first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Rule_ids_are_unique_and_well_formed()
    {
        Assert.Equal(MediaRules.All.Count, MediaRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(MediaRules.All, r => Assert.Matches(@"^MM[01]\d{3}$", r.Id));
        Assert.Contains(MediaRules.All, r => r.Id == "MM0404");
    }
}
