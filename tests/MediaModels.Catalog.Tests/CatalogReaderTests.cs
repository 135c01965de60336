using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class CatalogReaderTests
{
    private const string ValidModel = """
        models:
          - id: my-model
            media: video
            generation_types:
              text-to-video:
            duration:
              values: [5s, 10s]
        """;

    private static CatalogReadResult Read(string text, string path = "my.yaml") =>
        CatalogReader.Read(new[] { (path, text) });

    private static CatalogDiagnostic Single(string text)
    {
        CatalogReadResult result = Read(text);
        return Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void Valid_file_has_no_diagnostics()
    {
        CatalogReadResult result = Read(ValidModel);
        Assert.Empty(result.Diagnostics);
        ModelSpec model = Assert.Single(result.Catalog.Models);
        Assert.Equal(DurationKind.Values, model.Duration.Kind);
        Assert.Equal(new[] { 5, 10 }, model.Duration.Values.ToArray());
    }

    [Theory]
    // YAML syntax: an unclosed flow sequence.
    [InlineData("models: [\n  - id: x\n", "MM1001", 2, 3)]
    // Unknown key, with a did-you-mean in the message.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    sond: true\n", "MM1002", 5, 5)]
    // Wrong type: sound must be a boolean.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    sound: loud\n", "MM1004", 5, 12)]
    // Missing field: media.
    [InlineData("models:\n  - id: m\n    generation_types: { text-to-video: }\n", "MM1003", 2, 5)]
    // Minimum above maximum (its own rule since the emitters rely on it).
    [InlineData("models:\n  - id: m\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 5, max: 2 }\n", "MM1011", 6, 19)]
    // Contradiction: sound on an image model.
    [InlineData("models:\n  - id: m\n    media: image\n    generation_types: { text-to-image: }\n    sound: true\n", "MM1006", 5, 5)]
    // Contradiction: a duration set on a model whose duration is not configurable.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    duration:\n      configurable: false\n      values: [5s]\n", "MM1006", 7, 7)]
    // Duplicate key in one mapping.
    [InlineData("models:\n  - id: m\n    media: video\n    media: image\n    generation_types: { text-to-video: }\n", "MM1008", 4, 5)]
    // Invalid value: a malformed duration.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    duration: { values: [five] }\n", "MM1009", 5, 26)]
    // Invalid value: media that is neither image nor video.
    [InlineData("models:\n  - id: m\n    media: audio\n    generation_types: { text-to-video: }\n", "MM1009", 3, 12)]
    // Tabs used for indentation are accepted by YamlDotNet; we report them.
    [InlineData("models:\n\t- id: m\n", "MM1001", 2, 1)]
    // Text glued after %YAML.
    [InlineData("%YAML 1.2garbage\n---\nmodels: []\n", "MM1001", 1, 1)]
    // Anchors and aliases are refused.
    [InlineData("models:\n  - &a\n    id: m\n", "MM1001", 2, 5)]
    // Override of an unknown model.
    [InlineData("overrides:\n  - id: nobody\n    sound: true\n", "MM1007", 2, 5)]
    // Minimum above maximum: element images, a duration range.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types:\n      image-to-video:\n        images: { count: 1 }\n        elements_require_images: 1\n    elements: { min_images: 4, max_images: 2, videos: 1 }\n", "MM1011", 8, 17)]
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    duration: { min: 9s, max: 3s }\n", "MM1011", 5, 17)]
    // A count above the catalog's limit of inputs.
    [InlineData("models:\n  - id: m\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 1, max: 101 }\n", "MM1012", 6, 32)]
    // Elements needing more images than the mode takes, or images in a mode that takes none.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types:\n      image-to-video:\n        images: { min: 0, max: 2 }\n        elements_require_images: 3\n    elements: { min_images: 2, max_images: 4, videos: 1 }\n", "MM1013", 7, 9)]
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types:\n      text-to-video:\n        elements_require_images: 1\n    elements: { min_images: 2, max_images: 4, videos: 1 }\n", "MM1013", 6, 9)]
    // A duration too long to be written and read back, in any of its forms.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    duration: { fixed: 100001s }\n", "MM1014", 5, 24)]
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    duration: { values: [5s, 99999999999999999999] }\n", "MM1014", 5, 30)]
    // A role naming the other media kind.
    [InlineData("models:\n  - id: m\n    media: video\n    generation_types:\n      image-to-video:\n        images: { count: 1 }\n        videos: { count: 1, roles: [start-frame] }\n", "MM1015", 7, 37)]
    // A quality that allows nothing.
    [InlineData("models:\n  - id: m\n    media: image\n    generation_types: { text-to-image: }\n    quality: { values: [] }\n", "MM1016", 5, 5)]
    public void Broken_file_reports_id_line_and_column(string text, string id, int line, int column)
    {
        CatalogDiagnostic diagnostic = Single(text);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(("my.yaml", line, column), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest_known_key()
    {
        CatalogDiagnostic diagnostic = Single("models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    negativ_prompt: true\n");
        Assert.Contains("Did you mean 'negative_prompt'?", diagnostic.Message);
    }

    [Fact]
    public void Duplicate_id_across_files_points_at_the_later_one_and_names_the_first()
    {
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", ValidModel), ("b.yaml", "\n" + ValidModel) });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MM1005", diagnostic.Id);
        Assert.Equal(new SourceLocation("b.yaml", 3, 5), diagnostic.Location);
        Assert.Contains("a.yaml(2,5)", diagnostic.Message);
        Assert.Single(result.Catalog.Models);
    }

    [Fact]
    public void Later_file_overrides_fields_and_merges_generation_types()
    {
        const string overlay = """
            overrides:
              - id: my-model
                prompt_max_length: 100
                generation_types:
                  image-to-video:
                    images: { count: 1 }
            models:
              - id: new-model
                media: image
                generation_types: { text-to-image: }
            """;
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", ValidModel), ("b.yaml", overlay) });
        Assert.Empty(result.Diagnostics);
        ModelSpec model = result.Catalog.Find("my-model")!;
        Assert.Equal(100, model.PromptMaxLength);
        Assert.Equal(new[] { "text-to-video", "image-to-video" }, model.GenerationTypes.Select(t => t.Type).ToArray());
        Assert.Equal(new[] { 5, 10 }, model.Duration.Values.ToArray());
        Assert.NotNull(result.Catalog.Find("new-model"));
    }

    [Fact]
    public void Override_that_creates_a_contradiction_is_reported_where_the_override_wrote_it()
    {
        const string overlay = "overrides:\n  - id: my-model\n    media: image\n";
        CatalogReadResult result = CatalogReader.Read(new[] { ("a.yaml", ValidModel), ("b.yaml", overlay) });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "MM1006" && d.Message.Contains("text-to-video"));
        Assert.Equal("a.yaml", diagnostic.Location.File);
        Assert.Contains(result.Diagnostics, d => d.Id == "MM1006" && d.Message.Contains("duration") && d.Location.File == "a.yaml");
        Assert.Empty(result.Catalog.Models);
    }

    [Fact]
    public void Two_ids_with_one_csharp_name_are_a_name_clash()
    {
        const string text = "models:\n  - id: veo3-1\n    media: video\n    generation_types: { text-to-video: }\n  - id: veo-3-1\n    media: video\n    generation_types: { text-to-video: }\n";
        CatalogDiagnostic diagnostic = Single(text);
        Assert.Equal("MM1010", diagnostic.Id);
        Assert.Contains("Veo31", diagnostic.Message);
        Assert.Equal(5, diagnostic.Location.Line);
    }

    [Fact]
    public void A_name_override_resolves_a_clash()
    {
        const string text = "models:\n  - id: veo3-1\n    media: video\n    generation_types: { text-to-video: }\n  - id: veo-3-1\n    name: VeoThreeOne\n    media: video\n    generation_types: { text-to-video: }\n";
        Assert.Empty(Read(text).Diagnostics);
    }

    [Fact]
    public void Deep_nesting_is_refused_quickly_with_a_position()
    {
        string text = "models: " + new string('[', 100_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        CatalogDiagnostic diagnostic = Single(text);
        Assert.Equal("MM1001", diagnostic.Id);
        Assert.Contains("Nesting", diagnostic.Message);
        Assert.Equal(1, diagnostic.Location.Line);
    }

    [Fact]
    public void Oversized_file_is_refused()
    {
        var builder = new StringBuilder("# ");
        builder.Append('x', 9 * 1024 * 1024);
        CatalogDiagnostic diagnostic = Single(builder.ToString());
        Assert.Equal("MM1001", diagnostic.Id);
        Assert.Contains("limited", diagnostic.Message);
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        CatalogDiagnostic diagnostic = Single("models: []\n---\nmodels: []\n");
        Assert.Equal("MM1001", diagnostic.Id);
        Assert.Equal(2, diagnostic.Location.Line);
    }

    [Fact]
    public void Empty_file_is_an_empty_catalog()
    {
        CatalogReadResult result = Read(string.Empty);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Catalog.Models);
    }

    [Fact]
    public void Unreadable_file_is_MM1000_and_other_files_are_still_read()
    {
        string missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".yaml");
        CatalogReadResult result = CatalogReader.ReadFiles(new[] { missing, TestPaths.CatalogFolder });
        CatalogDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("MM1000", diagnostic.Id);
        Assert.Equal(missing, diagnostic.Location.File);
        Assert.Equal(36, result.Catalog.Models.Count);
    }

    [Fact]
    public void Every_diagnostic_message_is_actionable_text_with_a_real_position()
    {
        foreach (object[] row in BrokenFiles())
        {
            foreach (CatalogDiagnostic diagnostic in Read((string)row[0]).Diagnostics)
            {
                Assert.True(diagnostic.Location.Line >= 1 && diagnostic.Location.Column >= 1, diagnostic.ToString());
                Assert.Matches(@"^my\.yaml\(\d+,\d+\): error MM1\d{3}: .{10,}$", diagnostic.ToString());
            }
        }
    }

    public static IEnumerable<object[]> BrokenFiles() =>
        typeof(CatalogReaderTests).GetMethod(nameof(Broken_file_reports_id_line_and_column))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => new[] { a.GetData(null!).First()[0] });
}
