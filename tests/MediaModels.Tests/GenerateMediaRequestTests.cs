using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Rules;

namespace MediaModels.Tests;

public class GenerateMediaRequestTests
{
    [Theory]
    [InlineData(SpecExamples.TextToImage)]
    [InlineData(SpecExamples.ImageToVideo)]
    public void Spec_examples_round_trip_byte_for_byte(string example)
    {
        GenerateMediaRequest request = GenerateMediaRequest.FromJson(example);

        Assert.Equal(JsonText.Minify(example), request.ToJson());
        Assert.Equal(JsonText.Minify(example), JsonText.Minify(request.ToJson(indented: true)));
        Assert.Null(request.ExtensionData);
    }

    [Fact]
    public void Image_to_video_example_reads_every_field()
    {
        GenerateMediaRequest request = GenerateMediaRequest.FromJson(SpecExamples.ImageToVideo);

        Assert.Equal("Gentle motion and subtle movement", request.Prompt);
        Assert.Equal("kling-2-6-image-to-video", request.Model);
        Assert.Equal("image-to-video", request.GenerationType);
        Assert.Equal(new[] { "https://example.com/your-image.jpg" }, request.SourceMediaUrls);
        Assert.Equal("16:9", request.AspectRatio);
        Assert.Equal("5s", request.Duration);
    }

    [Fact]
    public void Built_request_writes_the_spec_example()
    {
        var request = new GenerateMediaRequest
        {
            Model = "kling-2-6-image-to-video",
            Prompt = "Gentle motion and subtle movement",
            GenerationType = "image-to-video",
            SourceMediaUrls = new[] { "https://example.com/your-image.jpg" },
            AspectRatio = "16:9",
            Duration = "5s",
        };

        Assert.Equal(JsonText.Minify(SpecExamples.ImageToVideo), request.ToJson());
    }

    [Fact]
    public void Every_parameter_is_written_in_the_spec_table_order()
    {
        var request = new GenerateMediaRequest
        {
            KlingElements = new[]
            {
                new KlingElement
                {
                    ElementInputVideoUrls = new[] { "https://e.com/v.mp4" },
                    ElementInputUrls = new[] { "https://e.com/a.png" },
                    Description = "d",
                    Name = "n",
                },
            },
            Seed = 7,
            Sound = true,
            Quality = "pro",
            Duration = "10s",
            AspectRatio = "9:16",
            SourceMediaUrls = new[] { "https://e.com/a.png" },
            NegativePrompt = "blur",
            GenerationType = "image-to-video",
            Model = "kling-3-0-pro",
            Prompt = "p",
        };

        Assert.Equal(
            "{\"prompt\":\"p\",\"model\":\"kling-3-0-pro\",\"generation_type\":\"image-to-video\",\"negative_prompt\":\"blur\","
            + "\"source_media_urls\":[\"https://e.com/a.png\"],\"aspect_ratio\":\"9:16\",\"duration\":\"10s\",\"quality\":\"pro\","
            + "\"sound\":true,\"seed\":7,\"kling_elements\":[{\"name\":\"n\",\"description\":\"d\","
            + "\"element_input_urls\":[\"https://e.com/a.png\"],\"element_input_video_urls\":[\"https://e.com/v.mp4\"]}]}",
            request.ToJson());
    }

    [Fact]
    public void Nulls_are_omitted()
    {
        var request = new GenerateMediaRequest { Model = "sora-2", Prompt = "x", Sound = false };

        Assert.Equal("{\"prompt\":\"x\",\"model\":\"sora-2\",\"sound\":false}", request.ToJson());
        Assert.Equal("{}", new GenerateMediaRequest().ToJson());
        Assert.Equal("{\"kling_elements\":[{}]}", new GenerateMediaRequest { KlingElements = new[] { new KlingElement() } }.ToJson());
    }

    [Fact]
    public void Explicit_nulls_read_as_absent()
    {
        GenerateMediaRequest request = GenerateMediaRequest.FromJson(
            "{\"prompt\":null,\"model\":\"m\",\"source_media_urls\":null,\"sound\":null,\"seed\":null,\"kling_elements\":null}");

        Assert.Equal("{\"model\":\"m\"}", request.ToJson());
    }

    [Fact]
    public void Source_media_urls_is_read_from_a_string_or_an_array_and_written_as_an_array()
    {
        GenerateMediaRequest fromString = GenerateMediaRequest.FromJson("{\"source_media_urls\":\"https://e.com/a.jpg\"}");
        GenerateMediaRequest fromArray = GenerateMediaRequest.FromJson("{\"source_media_urls\":[\"https://e.com/a.jpg\",\"https://e.com/b.jpg\"]}");
        GenerateMediaRequest fromEmpty = GenerateMediaRequest.FromJson("{\"source_media_urls\":[]}");

        Assert.Equal(new[] { "https://e.com/a.jpg" }, fromString.SourceMediaUrls);
        Assert.Equal("{\"source_media_urls\":[\"https://e.com/a.jpg\"]}", fromString.ToJson());
        Assert.Equal(new[] { "https://e.com/a.jpg", "https://e.com/b.jpg" }, fromArray.SourceMediaUrls);
        Assert.Equal("{\"source_media_urls\":[\"https://e.com/a.jpg\",\"https://e.com/b.jpg\"]}", fromArray.ToJson());
        Assert.Empty(fromEmpty.SourceMediaUrls!);
        Assert.Equal("{\"source_media_urls\":[]}", fromEmpty.ToJson());
    }

    [Theory]
    [InlineData("{\"source_media_urls\":3}")]
    [InlineData("{\"source_media_urls\":[\"a\",null]}")]
    [InlineData("{\"source_media_urls\":[\"a\",1]}")]
    [InlineData("{\"kling_elements\":[{\"element_input_urls\":\"https://e.com/a.png\"}]}")]
    [InlineData("{\"sound\":\"yes\"}")]
    [InlineData("{\"seed\":\"42\"}")]
    [InlineData("{\"seed\":true}")]
    [InlineData("{\"prompt\":3}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{")]
    public void FromJson_rejects_wrong_types_with_a_JsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => GenerateMediaRequest.FromJson(json));
    }

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("42.0", 42L)]
    [InlineData("4.2e1", 42L)]
    [InlineData("-0", 0L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9.223372036854775807E18", long.MaxValue)]
    public void Seed_accepts_whole_numbers_however_written_and_writes_an_integer(string seed, long expected)
    {
        GenerateMediaRequest request = GenerateMediaRequest.FromJson("{\"seed\":" + seed + "}");

        Assert.Equal(expected, request.Seed);
        Assert.Equal("{\"seed\":" + expected.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}", request.ToJson());
    }

    [Theory]
    [InlineData("42.5")]
    [InlineData("-0.125")]
    [InlineData("1e-400")]
    [InlineData("9223372036854775808")]
    [InlineData("1.5E+300")]
    [InlineData("0.1000000000000000055511151231257827")]
    public void Seed_carries_any_other_json_number_without_loss(string seed)
    {
        GenerateMediaRequest request = GenerateMediaRequest.FromJson("{\"seed\":" + seed + "}");

        Assert.False(request.Seed!.Value.IsInt64);
        Assert.Equal(seed, request.Seed.Value.ToString());
        Assert.Equal("{\"seed\":" + seed + "}", request.ToJson());
        Assert.Equal(request, GenerateMediaRequest.FromJson(request.ToJson()));
    }

    [Fact]
    public void A_fractional_seed_set_in_code_round_trips()
    {
        var request = new GenerateMediaRequest { Model = "nano-banana", Prompt = "x", Seed = 42.5m };

        Assert.Equal("{\"prompt\":\"x\",\"model\":\"nano-banana\",\"seed\":42.5}", request.ToJson());
        Assert.Equal(Seed.Parse("42.5"), GenerateMediaRequest.FromJson(request.ToJson()).Seed);
        Assert.Equal(42.5, GenerateMediaRequest.FromJson(request.ToJson()).Seed!.Value.ToDouble());
        Assert.Equal("{\"seed\":0.1}", new GenerateMediaRequest { Seed = (Seed)0.1 }.ToJson());
    }

    [Fact]
    public void Unknown_fields_are_kept_and_written_back_on_the_request_and_on_elements()
    {
        const string json = "{\"prompt\":\"p\",\"model\":\"m\",\"kling_elements\":[{\"name\":\"a\",\"weight\":0.5}],"
            + "\"style\":{\"k\":[1,2.50,\"x\"]},\"resolution\":\"4K\"}";

        GenerateMediaRequest request = GenerateMediaRequest.FromJson(json);

        Assert.Equal(new[] { "style", "resolution" }, request.ExtensionData!.Keys.ToArray());
        Assert.Equal("0.5", request.KlingElements![0].ExtensionData!["weight"].GetRawText());
        Assert.Equal(json, request.ToJson());
    }

    [Fact]
    public void Text_is_written_without_needless_escapes()
    {
        var request = new GenerateMediaRequest { Prompt = "A cat's <hat> & a \"quote\" … 猫 \n" };

        Assert.Equal("{\"prompt\":\"A cat's <hat> & a \\\"quote\\\" … 猫 \\n\"}", request.ToJson());
        Assert.Equal(request.Prompt, GenerateMediaRequest.FromJson(request.ToJson()).Prompt);
    }

    [Fact]
    public void Indented_output_uses_two_spaces()
    {
        var request = new GenerateMediaRequest { Prompt = "p", Model = "m" };

        Assert.Equal("{\n  \"prompt\": \"p\",\n  \"model\": \"m\"\n}", request.ToJson(indented: true).Replace("\r\n", "\n"));
    }

    [Fact]
    public void With_copies_the_record()
    {
        var request = new GenerateMediaRequest { Model = "sora-2", Prompt = "x" };

        GenerateMediaRequest copy = request with { Seed = 1 };

        Assert.Null(request.Seed);
        Assert.Equal(1, copy.Seed);
        Assert.Equal(request, copy with { Seed = null });
    }

    [Fact]
    public void ToFacts_carries_every_field_without_copying_the_lists()
    {
        var images = new[] { "https://e.com/a.png", "https://e.com/b.png" };
        var element = new KlingElement { Name = "hero", Description = "the hero", ElementInputUrls = images };
        var elements = new[] { element };
        var sources = new[] { "https://e.com/start.png" };
        var request = new GenerateMediaRequest
        {
            Prompt = "@hero walks",
            Model = "kling-3-0-pro",
            GenerationType = "image-to-video",
            NegativePrompt = "blur",
            SourceMediaUrls = sources,
            AspectRatio = "16:9",
            Duration = "5s",
            Quality = "pro",
            Sound = false,
            Seed = 3,
            KlingElements = elements,
        };

        RequestFacts facts = request.ToFacts();

        Assert.Equal("@hero walks", facts.Prompt.Value);
        Assert.Equal("kling-3-0-pro", facts.Model.Value);
        Assert.Equal("image-to-video", facts.GenerationType.Value);
        Assert.Equal("blur", facts.NegativePrompt.Value);
        Assert.Same(sources, facts.SourceMediaUrls.Value);
        Assert.Equal("16:9", facts.AspectRatio.Value);
        Assert.Equal("5s", facts.Duration.Value);
        Assert.Equal("pro", facts.Quality.Value);
        Assert.True(facts.Sound.IsKnown);
        Assert.False(facts.Sound.Value);
        Assert.Same(elements, facts.KlingElements.Value);

        IElementFacts elementFacts = facts.KlingElements.Value![0];
        Assert.Equal("hero", elementFacts.Name.Value);
        Assert.Equal("the hero", elementFacts.Description.Value);
        Assert.Same(images, elementFacts.ImageUrls.Value);
        Assert.False(elementFacts.VideoUrls.IsPresent);
    }

    [Fact]
    public void ToFacts_of_an_empty_request_is_all_absent()
    {
        RequestFacts facts = new GenerateMediaRequest().ToFacts();

        Assert.False(facts.Prompt.IsPresent);
        Assert.False(facts.Model.IsPresent);
        Assert.False(facts.GenerationType.IsPresent);
        Assert.False(facts.NegativePrompt.IsPresent);
        Assert.False(facts.SourceMediaUrls.IsPresent);
        Assert.False(facts.AspectRatio.IsPresent);
        Assert.False(facts.Duration.IsPresent);
        Assert.False(facts.Quality.IsPresent);
        Assert.False(facts.Sound.IsPresent);
        Assert.False(facts.KlingElements.IsPresent);
    }

    [Fact]
    public void The_source_generated_context_serialises_like_ToJson_apart_from_escaping()
    {
        var request = new GenerateMediaRequest { Prompt = "p", Model = "m", SourceMediaUrls = new List<string> { "u" } };

        string json = JsonSerializer.Serialize(request, Json.MediaModelsJsonContext.Default.GenerateMediaRequest);

        Assert.Equal(request.ToJson(), json);
    }
}
