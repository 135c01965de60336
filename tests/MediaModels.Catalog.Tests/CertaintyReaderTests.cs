using System.Linq;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

/// <summary>The catalog format's certainty: <c>reading:</c>, <c>readings:</c>, <c>hedges:</c>, and the recorded <c>sound</c> default.</summary>
public class CertaintyReaderTests
{
    private static CatalogReadResult Read(params string[] texts) =>
        CatalogReader.Read(texts.Select((t, i) => ($"f{i}.yaml", t)));

    [Fact]
    public void A_count_reading_narrows_the_stated_counts()
    {
        CatalogReadResult result = Read("""
            models:
              - id: m
                media: video
                generation_types:
                  image-to-video:
                    images:
                      min: 1
                      max: 3
                      reading: { min: 2, note: "Mode 1 is text-to-video." }
            """);
        Assert.Empty(result.Diagnostics);
        SourceMediaLimit images = result.Catalog.Find("m")!.GenerationTypes[0].Images!;
        Assert.Equal((2, (int?)3), (images.Min, images.Max));
        Assert.Equal((1, (int?)3), (images.StatedMin, images.StatedMax));
        Assert.Equal(new CountReading(1, 3, "Mode 1 is text-to-video."), images.Reading);
    }

    [Fact]
    public void A_limit_without_a_reading_states_its_counts()
    {
        SourceMediaLimit images = Read("models:\n  - id: m\n    media: image\n    generation_types: { image-to-image: { images: { min: 1, max: 4 } } }\n")
            .Catalog.Find("m")!.GenerationTypes[0].Images!;
        Assert.Null(images.Reading);
        Assert.Equal((1, (int?)4), (images.StatedMin, images.StatedMax));
    }

    [Fact]
    public void Model_mode_and_duration_readings_hedges_and_the_sound_default_are_read()
    {
        CatalogReadResult result = Read("""
            defaults:
              sound: false
              image_input: { formats: [JPEG], hedges: { formats: most models } }
            models:
              - id: m
                media: video
                generation_types:
                  text-to-video:
                    reading: { note: "Mode read." }
                  image-to-video:
                    videos: { count: 1, max_file_size_mb: 100, hedges: { max_file_size_mb: typically } }
                duration: { min: 3s, max: 15s, reading: { note: "Range read." } }
                prompt_max_length: 10
                readings:
                  prompt_max_length: "Limit read."
                  generation_types: "Modes read."
            """);
        Assert.Empty(result.Diagnostics);
        ModelSpec model = result.Catalog.Find("m")!;
        Assert.Equal(new[] { new FactNote("prompt_max_length", "Limit read."), new FactNote("generation_types", "Modes read.") }, model.Readings.ToArray());
        Assert.Equal("Limit read.", model.ReadingOf(FactKeys.PromptMaxLength));
        Assert.Null(model.ReadingOf(FactKeys.Sound));
        Assert.Equal("Mode read.", model.GenerationTypes[0].Reading);
        Assert.Null(model.GenerationTypes[1].Reading);
        Assert.Equal("typically", model.GenerationTypes[1].Videos!.HedgeOf(FactKeys.MaxFileSizeMb));
        Assert.Equal("Range read.", model.Duration.Reading);
        Assert.False(result.Catalog.Defaults.Sound);
        Assert.Equal("most models", result.Catalog.Defaults.ImageInput!.HedgeOf(FactKeys.Formats));
    }

    [Fact]
    public void The_shipped_catalog_records_the_sound_default_and_the_common_image_formats()
    {
        CatalogDefaults defaults = RuleTestKit.Shipped.Defaults;
        Assert.False(defaults.Sound);
        Assert.Equal(new[] { "JPEG", "PNG", "WebP" }, defaults.ImageInput!.Formats.ToArray());
        Assert.Equal("most models", defaults.ImageInput.HedgeOf(FactKeys.Formats));
        Assert.Equal("typically", defaults.ImageInput.HedgeOf(FactKeys.MaxFileSizeMb));
    }

    [Theory]
    // A reading can only narrow what the spec states.
    [InlineData("images: { min: 1, max: 3, reading: { max: 4, note: n } }", "MM1006", "max 4 is above the stated max 3")]
    [InlineData("images: { min: 2, reading: { min: 1, note: n } }", "MM1006", "min 1 is below the stated min 2")]
    [InlineData("images: { min: 1, max: 3, reading: { min: 3, max: 2, note: n } }", "MM1006", "min 3 is greater than max 2")]
    [InlineData("images: { min: 1, reading: { count: 2, max: 2, note: n } }", "MM1006", "'count' cannot be combined")]
    // Every reading says why; a count reading says which count.
    [InlineData("images: { min: 1, reading: { max: 2 } }", "MM1003", "has no 'note'")]
    [InlineData("images: { min: 1, reading: { note: n } }", "MM1003", "gives no min, max or count")]
    [InlineData("images: { min: 1, reading: { max: 2, note: \"  \" } }", "MM1009", "is empty")]
    [InlineData("images: { min: 1, reading: { max: 2, note: n, why: w } }", "MM1002", "Unknown key 'why'")]
    // A hedge qualifies a figure the limit gives.
    [InlineData("images: { min: 1, hedges: { max_file_size_mb: typically } }", "MM1006", "gives no max_file_size_mb")]
    [InlineData("images: { min: 1, formats: [PNG], hedges: { format: most } }", "MM1002", "Did you mean 'formats'?")]
    public void A_broken_count_reading_or_hedge_is_reported(string limit, string id, string message)
    {
        CatalogDiagnostic diagnostic = Assert.Single(Read($"models:\n  - id: m\n    media: image\n    generation_types:\n      image-to-image:\n        {limit}\n").Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal(6, diagnostic.Location.Line);
    }

    [Theory]
    [InlineData("readings: { prompt_max_lenght: x }", "MM1002", "Did you mean 'prompt_max_length'?")]
    [InlineData("readings: { media: x }", "MM1002", "Unknown key 'media'")]
    [InlineData("readings: [prompt_max_length]", "MM1004", "must be a mapping")]
    [InlineData("readings: { sound: [x] }", "MM1004", "must be text")]
    public void A_broken_model_reading_is_reported(string readings, string id, string message)
    {
        CatalogDiagnostic diagnostic = Assert.Single(Read($"models:\n  - id: m\n    media: video\n    generation_types: {{ text-to-video: }}\n    {readings}\n").Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message);
    }

    [Fact]
    public void An_override_that_restates_a_fact_drops_the_reading_of_it()
    {
        const string Base = """
            models:
              - id: m
                media: video
                generation_types: { text-to-video: }
                prompt_max_length: 100
                readings: { prompt_max_length: "Read.", generation_types: "Read too." }
            """;
        ModelSpec restated = Read(Base, "overrides:\n  - id: m\n    prompt_max_length: 200\n").Catalog.Find("m")!;
        Assert.Equal((int?)200, restated.PromptMaxLength);
        Assert.Null(restated.ReadingOf(FactKeys.PromptMaxLength));
        Assert.Equal("Read too.", restated.ReadingOf(FactKeys.GenerationTypes));

        ModelSpec reread = Read(Base, "overrides:\n  - id: m\n    readings: { prompt_max_length: \"Read anew.\" }\n").Catalog.Find("m")!;
        Assert.Equal("Read anew.", reread.ReadingOf(FactKeys.PromptMaxLength));
        Assert.Equal("Read too.", reread.ReadingOf(FactKeys.GenerationTypes));
    }

    [Fact]
    public void Readings_take_part_in_value_equality()
    {
        const string Text = "models:\n  - id: m\n    media: video\n    generation_types: { text-to-video: }\n    readings: { sound: \"x\" }\n";
        Assert.Equal(Read(Text).Catalog.Find("m"), Read(Text).Catalog.Find("m"));
        Assert.NotEqual(Read(Text).Catalog.Find("m"), Read(Text.Replace("\"x\"", "\"y\"")).Catalog.Find("m"));
    }
}
