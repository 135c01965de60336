using System;
using System.Collections.Generic;
using System.Drawing;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MediaModels.Client.AI;
using MediaModels.Sandbox;
using MediaModels.Validation;
using Microsoft.Extensions.AI;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI.Abstractions 11; so is the adapter.

namespace MediaModels.Client.Tests;

/// <summary>The Microsoft.Extensions.AI <see cref="IImageGenerator"/> over the client, against the sandbox.</summary>
public sealed class ImageGeneratorTests
{
    [Fact]
    public async Task An_image_is_generated_with_the_aspect_ratio_of_the_requested_size_and_returned_as_a_url()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        IImageGenerator generator = client.AsImageGenerator("nano-banana");

        ImageGenerationResponse response = await generator.GenerateImagesAsync("A red car on a mountain road", new ImageGenerationOptions { ImageSize = new Size(1920, 1080) }, TestKit.Timeout());

        UriContent image = Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", image.MediaType);
        using var http = new HttpClient();
        Assert.Equal((64, 36), TestKit.AssertValidPng(await http.GetByteArrayAsync(image.Uri))); // the sandbox draws 16:9 as 64x36
        GenerationResult raw = Assert.IsType<GenerationResult>(response.RawRepresentation);
        Assert.Equal(image.Uri.ToString(), raw.Outputs[0].Url);
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task Data_is_downloaded_when_asked_for_and_the_model_can_be_chosen_per_call()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        IImageGenerator generator = client.AsImageGenerator("nano-banana");

        ImageGenerationResponse response = await generator.GenerateImagesAsync(
            "A lighthouse at night",
            new ImageGenerationOptions { ModelId = "imagen-4", ResponseFormat = ImageGenerationResponseFormat.Data, ImageSize = new Size(1080, 1920) },
            TestKit.Timeout());

        DataContent image = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("image/png", image.MediaType);
        Assert.Equal((36, 64), TestKit.AssertValidPng(image.Data.ToArray()));
        Assert.Equal("imagen-4", Assert.IsType<GenerationResult>(response.RawRepresentation).Status.ExtensionData!["model"].GetString());
    }

    [Fact]
    public async Task An_edit_is_image_to_image_with_the_original_urls()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        var generator = (MediaImageGenerator)client.AsImageGenerator("nano-banana");
        AIContent[] originals = { new UriContent("https://example.com/sketch-1.png", "image/png"), new UriContent("https://example.com/sketch-2.png", "image/png") };

        GenerateMediaRequest mapped = generator.ToRequest(new ImageGenerationRequest("Blend them into one poster", originals), null);
        ImageGenerationResponse response = await generator.EditImagesAsync(originals, "Blend them into one poster", cancellationToken: TestKit.Timeout());

        Assert.Equal("image-to-image", mapped.GenerationType);
        Assert.Equal(new[] { "https://example.com/sketch-1.png", "https://example.com/sketch-2.png" }, mapped.SourceMediaUrls);
        Assert.Equal("nano-banana", mapped.Model);
        Assert.IsType<UriContent>(Assert.Single(response.Contents));
        Assert.Equal(1, sandbox.Counters.GenerationsAccepted);
    }

    [Fact]
    public async Task Inline_image_data_cannot_be_an_original_and_nothing_is_sent()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        IImageGenerator generator = client.AsImageGenerator("nano-banana");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => generator.EditImageAsync(new DataContent(MediaFiles.Png(4, 4), "image/png"), "Make it blue", cancellationToken: TestKit.Timeout()));

        Assert.Contains("takes source images as URLs", error.Message);
        Assert.Contains("UriContent", error.Message);
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task A_request_the_rules_refuse_throws_the_validation_exception_with_the_rule_ids()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        var video = await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.AsImageGenerator("sora-2").GenerateImagesAsync("A boat", cancellationToken: TestKit.Timeout()));
        var tooMany = await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.AsImageGenerator("nano-banana").EditImagesAsync(
            Enumerable.Range(1, 11).Select(i => (AIContent)new UriContent($"https://example.com/{i}.png", "image/png")),
            "Blend",
            cancellationToken: TestKit.Timeout()));
        var local = await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.AsImageGenerator("nano-banana").EditImagesAsync(new AIContent[] { new UriContent("file:///tmp/a.png", "image/png") }, "Blend", cancellationToken: TestKit.Timeout()));

        Assert.Contains(video.Errors, v => v.Id == "MM0002");
        Assert.Contains(tooMany.Errors, v => v.Id == "MM0301");
        Assert.Contains(local.Errors, v => v.Id == "MM0304");
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task A_refused_request_with_a_count_is_refused_once()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        var logs = new CapturingLoggerProvider();
        await using var client = new MediaClient(new MediaClientOptions { Endpoint = sandbox.Endpoint }.Fast(), logs);

        var refused = await Assert.ThrowsAsync<MediaRequestValidationException>(() => client.AsImageGenerator("sora-2").GenerateImagesAsync("A boat", new ImageGenerationOptions { Count = 3 }, TestKit.Timeout()));

        Assert.Contains(refused.Errors, v => v.Id == "MM0002");
        Assert.Single(logs.Entries, e => e.EventId.Name == "RequestRefused");
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);
    }

    [Fact]
    public async Task Count_starts_that_many_generations_and_options_from_the_raw_representation_are_kept()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        IImageGenerator generator = client.AsImageGenerator("imagen-4");

        ImageGenerationResponse response = await generator.GenerateImagesAsync(
            "A paper boat",
            new ImageGenerationOptions { Count = 3, RawRepresentationFactory = _ => new GenerateMediaRequest { NegativePrompt = "rain", Seed = 7 } },
            TestKit.Timeout());

        Assert.Equal(3, response.Contents.Count);
        Assert.Equal(3, response.Contents.OfType<UriContent>().Select(c => c.Uri).Distinct().Count());
        Assert.Equal(3, Assert.IsType<GenerationResult[]>(response.RawRepresentation).Length);
        Assert.Equal(3, sandbox.Counters.GenerateMediaCalls);
        GenerateMediaRequest mapped = ((MediaImageGenerator)generator).ToRequest(new ImageGenerationRequest("A paper boat"), new ImageGenerationOptions { RawRepresentationFactory = _ => new GenerateMediaRequest { NegativePrompt = "rain", Seed = 7 } });
        Assert.Equal(("rain", 7L, "text-to-image"), (mapped.NegativePrompt, mapped.Seed, mapped.GenerationType));
    }

    [Fact]
    public async Task The_generator_describes_itself_and_its_client()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        using IImageGenerator generator = client.AsImageGenerator("nano-banana");

        ImageGeneratorMetadata metadata = generator.GetService<ImageGeneratorMetadata>()!;
        Assert.Equal(("mediamodels", sandbox.Endpoint, "nano-banana"), (metadata.ProviderName, metadata.ProviderUri, metadata.DefaultModelId));
        Assert.Same(client, generator.GetService<IMediaClient>());
        Assert.Same(generator, generator.GetService<MediaImageGenerator>());
        Assert.Null(generator.GetService<ImageGeneratorMetadata>("a key"));
        Assert.Throws<ArgumentException>(() => client.AsImageGenerator(" "));
    }

    [Theory]
    [InlineData(1024, 1024, "1:1")]
    [InlineData(1920, 1080, "16:9")]
    [InlineData(1080, 1350, "4:5")]
    [InlineData(1792, 1024, "7:4")]
    public void A_size_becomes_its_reduced_ratio_when_the_model_lists_none(int width, int height, string ratio) =>
        Assert.Equal(ratio, MediaImageGenerator.AspectRatioFor(new Size(width, height), Array.Empty<string>()));

    [Fact]
    public void A_size_becomes_the_closest_listed_ratio_when_the_model_lists_them()
    {
        string[] listed = { "1:1", "16:9", "9:16", "21:9" };
        Assert.Equal("16:9", MediaImageGenerator.AspectRatioFor(new Size(1792, 1024), listed));
        Assert.Equal("21:9", MediaImageGenerator.AspectRatioFor(new Size(2560, 1080), listed));
        Assert.Equal("9:16", MediaImageGenerator.AspectRatioFor(new Size(1000, 1600), listed));
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaImageGenerator.AspectRatioFor(new Size(0, 10), listed));
    }
}
