using System;
using System.Linq;
using System.Text.Json;
using MediaModels.Sandbox;

namespace MediaModels.Client.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 36)]
    [InlineData(300, 7)]
    public void Pngs_drawn_in_code_are_valid(int width, int height) =>
        Assert.Equal((width, height), TestKit.AssertValidPng(MediaFiles.Png(width, height)));

    [Fact]
    public void The_embedded_mp4_has_ftyp_then_moov_and_mdat()
    {
        var boxes = TestKit.Mp4Boxes(MediaFiles.Mp4);
        Assert.Equal("ftyp", boxes[0]);
        Assert.Contains("moov", boxes);
        Assert.Contains("mdat", boxes);
        Assert.Equal("isom", System.Text.Encoding.ASCII.GetString(MediaFiles.Mp4, 8, 4));
    }

    [Theory]
    [InlineData("16:9", 64, 36)]
    [InlineData("9:16", 36, 64)]
    [InlineData("1:1", 64, 64)]
    [InlineData(null, 64, 64)]
    [InlineData("wide", 64, 64)]
    public void Image_sizes_follow_the_aspect_ratio(string? ratio, int width, int height) =>
        Assert.Equal((width, height), MediaFiles.ImageSizeFor(ratio));

    [Fact]
    public void Poll_schedule_polls_at_half_and_at_the_estimate_then_backs_off_within_bounds()
    {
        var schedule = new PollSchedule(8, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3));
        TimeSpan[] waits = Enumerable.Range(0, 8).Select(_ => schedule.Next()).ToArray();
        Assert.InRange(waits[0].TotalSeconds, 3 * 0.8, 3 * 1.2); // half of 8 s, capped at 3 s
        Assert.InRange(waits[1].TotalSeconds, 3 * 0.8, 3 * 1.2); // the second half, capped
        Assert.InRange(waits[2].TotalSeconds, 1 * 0.8, 1 * 1.2); // an eighth of the estimate
        Assert.InRange(waits[3].TotalSeconds, 2 * 0.8, 2 * 1.2);
        Assert.All(waits.Skip(4), w => Assert.InRange(w.TotalSeconds, 3 * 0.8, 3 * 1.2));

        var unknown = new PollSchedule(null, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
        Assert.InRange(unknown.Next().TotalMilliseconds, 80, 120);
        Assert.InRange(unknown.Next().TotalMilliseconds, 160, 240);
    }

    [Fact]
    public void Models_are_read_from_any_plausible_shape_keeping_the_raw_json()
    {
        ModelList array = ModelList.Parse(Json("""[{"model":"a","types":"x","generation_types":"text-to-image, image-to-image","needs_input_image":"true","estimated_time":"12.5","surprise":{"deep":[1]}}, "b", {"no_id":true}]"""));
        Assert.Equal(new[] { "a", "b" }, array.Models.Select(m => m.Id));
        Assert.Equal(new[] { "text-to-image", "image-to-image" }, array.Models[0].GenerationTypes);
        Assert.True(array.Models[0].RequiresInputImage);
        Assert.Equal(12.5, array.Models[0].EstimatedTimeSeconds);
        Assert.True(array.Models[0].Raw.TryGetProperty("surprise", out _));

        ModelList keyed = ModelList.Parse(Json("""{"sora-2":{"generation_types":[{"type":"text-to-video"}],"inputs":{"text-to-video":{"images":{"count":"1"}}},"credits_per_second":3}}"""));
        ModelInfo sora = Assert.Single(keyed.Models);
        Assert.Equal("sora-2", sora.Id);
        Assert.Equal(new[] { "text-to-video" }, sora.GenerationTypes);
        Assert.Equal(new InputCount(1, 1), sora.Inputs["text-to-video"].Images);
        Assert.Equal(3, sora.CreditsPerSecond);

        Assert.Empty(ModelList.Parse(Json("42")).Models);
        Assert.Single(ModelList.Parse(Json("""{"data":[{"id":"x"}]}""")).Models);
    }

    [Fact]
    public void Command_lines_split_at_spaces_outside_quotes()
    {
        Assert.Equal(new[] { "dotnet", "my tool.dll", "serve", "--stdio" }, MediaClientOptions.SplitCommandLine("dotnet \"my tool.dll\" serve  --stdio"));
        Assert.Equal(new[] { "a", "" , "b" }, MediaClientOptions.SplitCommandLine("a '' b"));
    }

    [Fact]
    public void Loopback_detection_refuses_wildcards()
    {
        Assert.True(SandboxServer.IsLoopback("http://127.0.0.1:0"));
        Assert.True(SandboxServer.IsLoopback("http://localhost:5000"));
        Assert.True(SandboxServer.IsLoopback("http://[::1]:5000"));
        Assert.False(SandboxServer.IsLoopback("http://0.0.0.0:5000"));
        Assert.False(SandboxServer.IsLoopback("http://*:5000"));
        Assert.False(SandboxServer.IsLoopback("http://+:5000"));
        Assert.False(SandboxServer.IsLoopback("http://192.168.1.4:5000"));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_non_loopback_binding_without_a_token_is_refused()
    {
        var error = await Assert.ThrowsAsync<SandboxConfigurationException>(() => SandboxServer.StartAsync(new SandboxOptions { Urls = new[] { "http://0.0.0.0:0" } }));
        Assert.Contains("--token", error.Message);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
