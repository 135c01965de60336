using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Tests;

public class RequestValidatorTests
{
    [Fact]
    public void Embedded_catalog_is_the_catalog_folder()
    {
        string root = FindRoot();
        CatalogReadResult files = CatalogReader.ReadFiles(new[] { Path.Combine(root, "catalog") });
        Assert.Empty(files.Diagnostics);
        Assert.Equal(files.Catalog.Models, ShippedCatalog.Instance.Models);
        Assert.Equal(
            Directory.GetFiles(Path.Combine(root, "catalog"), "*.yaml").Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal),
            ShippedCatalog.Sources().Select(s => Path.GetFileName(s.Path)));
    }

    [Fact]
    public void Valid_request_has_no_violations()
    {
        var request = new GenerateMediaRequest
        {
            Prompt = "Gentle motion",
            Model = "kling-2-6-image-to-video",
            GenerationType = "image-to-video",
            SourceMediaUrls = new[] { "https://example.com/a.jpg" },
            Duration = "10s",
            Sound = true,
        };
        Assert.Empty(RequestValidator.Default.Validate(request));
        Assert.Empty(RequestValidator.Default.EnsureValid(request));
    }

    [Fact]
    public void EnsureValid_throws_one_exception_listing_every_error()
    {
        var request = new GenerateMediaRequest
        {
            Prompt = "",
            Model = "seedance-1-5-pro",
            GenerationType = "image-to-video",
            SourceMediaUrls = new[] { "https://example.com/start.jpg" },
            Duration = "5s",
            NegativePrompt = "blur",
        };
        MediaRequestValidationException exception = Assert.Throws<MediaRequestValidationException>(() => RequestValidator.Default.EnsureValid(request));
        Assert.Equal(new[] { "MM0003", "MM0201", "MM0301" }, exception.Errors.Select(v => v.Id).ToArray());
        Assert.Contains(exception.Violations, v => v.Id == "MM0102" && v.Severity == Severity.Warning);
        Assert.Contains("'seedance-1-5-pro' request is invalid (3 errors)", exception.Message);
        Assert.Contains("MM0301 at $.source_media_urls", exception.Message);
    }

    [Fact]
    public void EnsureValid_returns_warnings_without_throwing()
    {
        var request = new GenerateMediaRequest { Prompt = "A fox", Model = "imagen-4", Sound = true };
        Violation warning = Assert.Single(RequestValidator.Default.EnsureValid(request));
        Assert.Equal("MM0101", warning.Id);
    }

    [Fact]
    public void Elements_are_checked_through_the_runtime_types()
    {
        var request = new GenerateMediaRequest
        {
            Prompt = "@hero waves",
            Model = "kling-3-0-std",
            GenerationType = "text-to-video",
            KlingElements = new[] { new KlingElement { Name = "hero", Description = "d", ElementInputUrls = new[] { "https://example.com/a.jpg" } } },
        };
        string[] ids = RequestValidator.Default.Validate(request).Select(v => v.Id).ToArray();
        Assert.Equal(new[] { "MM0402", "MM0403" }, ids);
    }

    [Fact]
    public void Validating_json_reports_reader_and_rule_violations_together_without_repeats()
    {
        RequestReadResult read = RequestJsonReader.Read("""{"prompt": 3, "model": "sora-2", "generation_type": "text-to-video", "duration": "9s", "colour": "red"}""");
        IReadOnlyList<Violation> violations = RequestValidator.Default.Validate(read);
        Assert.Equal(new[] { "MM0005", "MM0006", "MM0201" }, violations.Select(v => v.Id).ToArray());
    }

    [Fact]
    public void A_validator_over_a_loaded_catalog_knows_its_models()
    {
        CatalogReadResult read = ShippedCatalog.ReadWith(new string[0]);
        Assert.Empty(read.Diagnostics);
        var validator = new RequestValidator(new ModelCatalog(read.Catalog.Models.Where(m => m.Id != "sora-2")));
        Violation violation = Assert.Single(validator.Validate(new GenerateMediaRequest { Prompt = "x", Model = "sora-2", GenerationType = "text-to-video" }));

        // Four edits from sora-2-pro: no typo, so the validator does not know the model rather than refusing it.
        Assert.Equal(("MM0008", Severity.Warning), (violation.Id, violation.Severity));
    }

    private static string FindRoot()
    {
        string? directory = System.AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaModels.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory!;
    }
}
