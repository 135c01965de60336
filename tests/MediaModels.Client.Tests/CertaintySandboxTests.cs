using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Sandbox;
using MediaModels.Validation;
using Xunit;

namespace MediaModels.Client.Tests;

/// <summary>
/// The client and the sandbox with ids the catalog does not know, readings, the sound default, costs, and videos that
/// follow the aspect ratio.
/// </summary>
public sealed class CertaintySandboxTests
{
    [Fact]
    public async Task A_typo_never_reaches_the_server_and_a_far_id_is_sent_and_answered_clearly()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        var typo = await Assert.ThrowsAsync<MediaRequestValidationException>(() =>
            client.StartAsync(new GenerateMediaRequest { Model = "sora2", Prompt = "A boat", GenerationType = "text-to-video" }, TestKit.Timeout()));
        Assert.Equal(("MM0001", "sora-2"), (Assert.Single(typo.Errors).Id, Assert.Single(typo.Errors).Suggestion));
        Assert.Equal(0, sandbox.Counters.GenerateMediaCalls);

        // The client lets an id the catalog does not know through (a warning); the sandbox, which only knows its catalog, says it cannot simulate it.
        var refused = await Assert.ThrowsAsync<MediaToolException>(() =>
            client.StartAsync(new GenerateMediaRequest { Model = "nano-banana-pro-4k", Prompt = "A boat" }, TestKit.Timeout()));
        Assert.Equal(1, sandbox.Counters.GenerateMediaCalls);
        Assert.Equal("model_not_simulated", refused.ErrorCode);
        Assert.Contains("the sandbox simulates only the models of its catalog", refused.ServerMessage);
        Assert.Contains("mediamodels serve --catalog FILE", refused.ServerMessage);
        Violation warning = Assert.Single(refused.Violations);
        Assert.Equal(("MM0008", Severity.Warning), (warning.Id, warning.Severity));

        var estimate = await Assert.ThrowsAsync<MediaToolException>(() =>
            client.EstimateAsync(new GenerationEstimateRequest { Model = "nano-banana-pro-4k" }, TestKit.Timeout()));
        Assert.Equal("model_not_simulated", estimate.ErrorCode);
    }

    [Fact]
    public async Task A_model_taught_by_an_overlay_is_simulated()
    {
        string overlay = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mediamodels-overlay-{Guid.NewGuid():N}.yaml");
        System.IO.File.WriteAllText(overlay, "models:\n  - id: nano-banana-pro-4k\n    media: image\n    generation_types: { text-to-image: }\n");
        try
        {
            await using SandboxServer sandbox = await TestKit.StartHttpAsync(catalog: new[] { overlay });
            // The client checks against the same catalog the sandbox serves: the model is known there, so no warning.
            var validator = new RequestValidator(ShippedCatalog.ReadWith(new[] { overlay }).Catalog);
            await using MediaClient client = await MediaClient.ConnectAsync(
                new MediaClientOptions { Endpoint = sandbox.Endpoint, Validator = validator }.Fast(), TestKit.Timeout());
            GenerationResult result = await client.GenerateAsync(new GenerateMediaRequest { Model = "nano-banana-pro-4k", Prompt = "A boat" }, null, TestKit.Timeout());
            Assert.Empty(result.Warnings);
            Assert.Equal("image", Assert.Single(result.Outputs).MediaType);
        }
        finally
        {
            System.IO.File.Delete(overlay);
        }
    }

    [Fact]
    public async Task A_request_outside_a_reading_is_accepted_with_its_warning()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        var request = new GenerateMediaRequest
        {
            Model = "veo3-1", Prompt = "A boat", GenerationType = "image-to-video", SourceMediaUrls = new[] { "https://example.com/start.png" }, Seed = 42.5m,
        };

        StartedGeneration started = await client.StartAsync(request, TestKit.Timeout());

        // Once from the client's own check and once from the server's: the same rule, the same message.
        Assert.All(started.Warnings, w => Assert.Equal(("MM0301", Severity.Warning), (w.Id, w.Severity)));
        Assert.Contains(started.Warnings, w => w.Message.Contains(RuleEngine.ReadingPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_tool_schema_carries_the_sound_default()
    {
        JsonElement sound = ToolSchemas.GenerateMedia(ShippedCatalog.Instance).InputSchema.GetProperty("properties").GetProperty(WireNames.Sound);
        Assert.Equal(JsonValueKind.False, sound.GetProperty("default").ValueKind);
        Assert.Equal(ShippedCatalog.Instance.Defaults.Sound, sound.GetProperty("default").GetBoolean());
    }

    [Fact]
    public async Task Every_cost_field_of_get_models_is_typed()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        ModelList models = await client.GetModelsAsync(TestKit.Timeout());

        ModelCost motion = models.Find("kling-3-0-motion-control-720p")!.Cost!;
        Assert.Equal((24d, "reference_video", 720d), (motion.CreditsPerSecond!.Value, motion.SecondsOf, motion.MaxCredits!.Value));
        Assert.Equal(32d * 30, models.Find("kling-3-0-motion-control-1080p")!.Cost!.MaxCredits);
        ModelCost audio = models.Find("kling-2-6-text-to-video")!.Cost!;
        Assert.Null(audio.CreditsPerSecond);
        Assert.Equal(new[] { "Different pricing for audio vs no-audio variants." }, audio.Notes);
        Assert.Null(models.Find("nano-banana")!.Cost);

        // Each member the sandbox sends in cost has a typed property.
        var typed = new Dictionary<string, Func<ModelCost, object?>>
        {
            ["credits_per_second"] = c => c.CreditsPerSecond,
            ["seconds_of"] = c => c.SecondsOf,
            ["max_credits"] = c => c.MaxCredits,
            ["notes"] = c => c.Notes.Count == 0 ? null : c.Notes,
        };
        foreach (ModelInfo model in models.Models.Where(m => m.Cost is not null))
        {
            foreach (JsonProperty member in model.Cost!.Raw.EnumerateObject())
            {
                Assert.True(typed.TryGetValue(member.Name, out var read), $"{model.Id}: cost.{member.Name} has no typed property");
                Assert.NotNull(read!(model.Cost));
            }
        }
    }

    [Fact]
    public void Cost_is_read_leniently()
    {
        ModelList list = ModelList.Parse(JsonDocument.Parse("""
            [ { "id": "a", "cost": 5 },
              { "id": "b", "cost": { "credits": 3, "notes": "per image" } },
              { "id": "c", "credits_per_second": 2 },
              { "id": "d", "cost": "free" } ]
            """).RootElement);
        Assert.Equal(5, list.Find("a")!.Cost!.CreditsPerGeneration);
        Assert.Equal((3d, "per image"), (list.Find("b")!.Cost!.CreditsPerGeneration!.Value, Assert.Single(list.Find("b")!.Cost!.Notes)));
        Assert.Equal((null, 2d), (list.Find("c")!.Cost, list.Find("c")!.CreditsPerSecond!.Value));
        Assert.Null(list.Find("d")!.Cost);
    }

    [Fact]
    public async Task Motion_control_is_priced_from_the_reference_video_not_the_ignored_duration()
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);
        var request = new GenerateMediaRequest
        {
            Model = "kling-3-0-motion-control-720p", Prompt = "Dance", GenerationType = "image-to-video", Duration = "10s",
            SourceMediaUrls = new[] { "https://example.com/me.png", "https://example.com/dance.mp4" },
        };

        // A video the sandbox did not serve: its length is unknown, so no estimate, but why and the stated bound.
        StartedGeneration outside = await client.StartAsync(request, TestKit.Timeout());
        Assert.Null(outside.Response.EstimatedCostCredits);
        Assert.Equal(720, outside.Response.ExtensionData!["estimated_cost_credits_max"].GetDouble());
        Assert.Contains("as long as the reference video (at most 30 s), not the request's duration", outside.Response.ExtensionData["estimated_cost_note"].GetString());
        Assert.Contains(outside.Warnings, w => w.Id == "MM0103");

        // A video the sandbox served itself: one second long, so 24 credits.
        GenerationResult video = await client.GenerateAsync(TestKit.ImageToVideo(), null, TestKit.Timeout());
        StartedGeneration served = await client.StartAsync(request with { SourceMediaUrls = new[] { "https://example.com/me.png", video.Outputs[0].Url! } }, TestKit.Timeout());
        Assert.Equal(24 * MediaFiles.VideoLength.TotalSeconds, served.Response.EstimatedCostCredits);
        Assert.False(served.Response.ExtensionData?.ContainsKey("estimated_cost_note") ?? false);
    }

    [Theory]
    [InlineData("9:16", 36, 64)]
    [InlineData("1:1", 64, 64)]
    [InlineData("16:9", 64, 36)]
    [InlineData("21:9", 64, 28)]
    [InlineData(null, 64, 64)]
    public async Task Video_outputs_follow_the_aspect_ratio(string? ratio, int width, int height)
    {
        await using SandboxServer sandbox = await TestKit.StartHttpAsync();
        await using MediaClient client = await TestKit.ConnectAsync(sandbox);

        GenerationResult result = await client.GenerateAsync(TestKit.ImageToVideo() with { AspectRatio = ratio }, null, TestKit.Timeout());

        GenerationOutput output = Assert.Single(result.Outputs);
        Assert.Equal((width, height), (output.Dimensions!.Width, output.Dimensions.Height));
        using var http = new HttpClient();
        Assert.Equal((width, height), Mp4Video.Size(await http.GetByteArrayAsync(output.Url)));
        (int thumbWidth, int thumbHeight) = TestKit.AssertValidPng(await http.GetByteArrayAsync(output.ThumbnailUrl));
        Assert.Equal(Math.Sign(width - height), Math.Sign(thumbWidth - thumbHeight));
    }

    [Theory]
    [InlineData("9:16", 36, 64)]
    [InlineData("21:9", 64, 28)]
    [InlineData("4:5", 52, 64)]
    [InlineData("3:2", 64, 42)]
    [InlineData("1:1", 64, 64)]
    public void Videos_written_in_code_are_h264_mp4s_of_the_size_they_say(string ratio, int width, int height)
    {
        byte[] mp4 = MediaFiles.Mp4For(ratio);
        Assert.Equal((width, height), MediaFiles.VideoSizeFor(ratio));
        Assert.Equal(new[] { "ftyp", "moov", "mdat" }, TestKit.Mp4Boxes(mp4));
        Assert.Equal((width, height), Mp4Video.Size(mp4));
        Assert.Equal((width, height), Mp4Video.SpsSize(mp4));
        Assert.Equal(MediaFiles.VideoLength, Mp4Video.Duration(mp4));
    }

    [Fact]
    public void The_16_by_9_video_is_the_embedded_sample()
    {
        Assert.Same(MediaFiles.Mp4, MediaFiles.Mp4For("16:9"));
        Assert.Equal((MediaFiles.VideoWidth, MediaFiles.VideoHeight), Mp4Video.Size(MediaFiles.Mp4));
        Assert.Equal(MediaFiles.VideoLength, Mp4Video.Duration(MediaFiles.Mp4));
    }
}

/// <summary>Reads what a test needs from an MP4: the visual sample entry's size, the SPS's size, the movie's length.</summary>
internal static class Mp4Video
{
    private static readonly HashSet<string> Containers = new() { "moov", "trak", "mdia", "minf", "stbl" };

    public static (int Width, int Height) Size(byte[] mp4)
    {
        byte[] avc1 = Find(mp4, "stsd")!;
        int entry = 8; // version/flags + entry_count
        Assert.Equal("avc1", Encoding.ASCII.GetString(avc1, entry + 4, 4));
        return (BinaryPrimitives.ReadUInt16BigEndian(avc1.AsSpan(entry + 32)), BinaryPrimitives.ReadUInt16BigEndian(avc1.AsSpan(entry + 34)));
    }

    public static TimeSpan Duration(byte[] mp4)
    {
        byte[] mvhd = Find(mp4, "mvhd")!;
        uint timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd.AsSpan(12));
        uint duration = BinaryPrimitives.ReadUInt32BigEndian(mvhd.AsSpan(16));
        return TimeSpan.FromMilliseconds(duration * 1000.0 / timescale);
    }

    /// <summary>The picture size the H.264 sequence parameter set in avcC gives (macroblocks less the cropping).</summary>
    public static (int Width, int Height) SpsSize(byte[] mp4)
    {
        byte[] stsd = Find(mp4, "stsd")!;
        int avcC = IndexOf(stsd, "avcC") + 4;
        int spsLength = BinaryPrimitives.ReadUInt16BigEndian(stsd.AsSpan(avcC + 6));
        var bits = new Bits(stsd.AsSpan(avcC + 8 + 1, spsLength - 1).ToArray()); // after the NAL header
        Assert.Equal(66u, bits.Read(8));                // Baseline
        bits.Read(16);                                  // constraints, level
        bits.Ue();                                      // sps id
        bits.Ue();                                      // log2_max_frame_num_minus4
        Assert.Equal(2u, bits.Ue());                    // pic_order_cnt_type
        bits.Ue();                                      // max_num_ref_frames
        bits.Read(1);
        int width = (int)(bits.Ue() + 1) * 16;
        int height = (int)(bits.Ue() + 1) * 16;
        Assert.Equal(1u, bits.Read(1));                 // frame_mbs_only_flag
        bits.Read(1);
        if (bits.Read(1) == 1)
        {
            width -= 2 * (int)(bits.Ue() + bits.Ue());
            height -= 2 * (int)(bits.Ue() + bits.Ue());
        }

        return (width, height);
    }

    private static byte[]? Find(byte[] data, string type)
    {
        int at = 0;
        while (at + 8 <= data.Length)
        {
            int size = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            string name = Encoding.ASCII.GetString(data, at + 4, 4);
            byte[] payload = data.AsSpan(at + 8, size - 8).ToArray();
            if (name == type)
            {
                return payload;
            }

            if (Containers.Contains(name) && Find(payload, type) is byte[] inner)
            {
                return inner;
            }

            at += size;
        }

        return null;
    }

    private static int IndexOf(byte[] data, string text)
    {
        byte[] needle = Encoding.ASCII.GetBytes(text);
        for (int i = 0; i + needle.Length <= data.Length; i++)
        {
            if (data.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"'{text}' not found");
    }

    private sealed class Bits
    {
        private readonly byte[] _data;
        private int _position;

        public Bits(byte[] data) => _data = data;

        public uint Read(int count)
        {
            uint value = 0;
            for (int i = 0; i < count; i++, _position++)
            {
                value = (value << 1) | (uint)((_data[_position / 8] >> (7 - (_position % 8))) & 1);
            }

            return value;
        }

        public uint Ue()
        {
            int zeros = 0;
            while (Read(1) == 0)
            {
                zeros++;
            }

            return (uint)((1 << zeros) - 1) + Read(zeros);
        }
    }
}
