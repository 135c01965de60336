using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Tests;

/// <summary>The runtime validator and the typed builders treat readings and unknown ids as the rule engine decides.</summary>
public class CertaintyValidationTests
{
    [Fact]
    public void A_typo_of_a_model_id_is_an_error_and_throws()
    {
        var request = new GenerateMediaRequest { Model = "sora2", GenerationType = "text-to-video", Prompt = "x" };
        MediaRequestValidationException exception = Assert.Throws<MediaRequestValidationException>(() => RequestValidator.Default.EnsureValid(request));
        Violation violation = Assert.Single(exception.Violations);
        Assert.Equal(("MM0001", Severity.Error, "sora-2"), (violation.Id, violation.Severity, violation.Suggestion));
    }

    [Fact]
    public void An_id_the_catalog_does_not_know_is_a_warning_and_does_not_throw()
    {
        var request = new GenerateMediaRequest { Model = "nano-banana-pro-4k", Prompt = "x", Quality = "ultra", Duration = "99s" };
        Violation violation = Assert.Single(RequestValidator.Default.EnsureValid(request));
        Assert.Equal(("MM0008", Severity.Warning), (violation.Id, violation.Severity));
    }

    [Fact]
    public void A_request_outside_a_reading_warns_and_is_not_refused()
    {
        var request = new GenerateMediaRequest { Model = "sora-2-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/1.png", "https://e.com/2.png", "https://e.com/3.png" } };
        Violation violation = Assert.Single(RequestValidator.Default.EnsureValid(request));
        Assert.Equal(("MM0301", Severity.Warning), (violation.Id, violation.Severity));
        Assert.Contains(RuleEngine.ReadingPrefix, violation.Message);
    }

    [Fact]
    public void A_gif_warns_on_a_model_without_its_own_formats_and_a_webp_does_not()
    {
        var gif = new GenerateMediaRequest { Model = "sora-2", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/cat.gif" } };
        Violation violation = Assert.Single(RequestValidator.Default.Validate(gif));
        Assert.Equal(("MM0305", Severity.Warning, "$.source_media_urls[0]"), (violation.Id, violation.Severity, violation.Path));
        Assert.Equal("'https://e.com/cat.gif' is not in a format most models accept (JPEG, PNG, WebP), and sora-2 lists no formats of its own.", violation.Message);
        Assert.Empty(RequestValidator.Default.Validate(gif with { SourceMediaUrls = new[] { "https://e.com/cat.webp" } }));
    }

    [Fact]
    public void Json_read_requests_get_the_same_verdicts()
    {
        RequestReadResult read = RequestJsonReader.Read("""{"prompt":"x","model":"veo3-1","generation_type":"image-to-video","source_media_urls":["https://e.com/1.png"],"seed":42.5}""");
        Assert.Equal(new[] { ("MM0301", Severity.Warning) }, RequestValidator.Default.Validate(read).Select(v => (v.Id, v.Severity)).ToArray());
    }
}
