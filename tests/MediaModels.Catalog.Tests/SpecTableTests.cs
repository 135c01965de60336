using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using static MediaModels.Catalog.Tests.RuleTestKit;

namespace MediaModels.Catalog.Tests;

/// <summary>
/// Every row of every table in the spec has at least one accepted and one rejected request. Keys name the table
/// and row; an empty expectation means the request is accepted with no violation at all.
/// </summary>
public class SpecTableTests
{
    private const string T2I = "text-to-image";
    private const string I2I = "image-to-image";
    private const string T2V = "text-to-video";
    private const string I2V = "image-to-video";

    private static readonly Dictionary<string, (RequestFacts Request, string[] Expected)> Table = Build();

    public static TheoryData<string> Rows => new(Table.Keys.OrderBy(k => k, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row(string key)
    {
        (RequestFacts request, string[] expected) = Table[key];
        Assert.True(expected.SequenceEqual(Ids(request)), $"{key}: expected [{string.Join(", ", expected)}] but got: {Describe(request)}");
    }

    [Fact]
    public void Every_model_has_an_accepted_and_a_rejected_row()
    {
        foreach (string id in Shipped.Ids)
        {
            var rows = Table.Values.Where(r => r.Request.Model.Value == id).ToList();
            Assert.True(rows.Any(r => r.Expected.Length == 0), $"{id} has no accepted row");
            Assert.True(rows.Any(r => r.Expected.Length > 0), $"{id} has no rejected row");
        }
    }

    [Fact]
    public void Every_request_rule_is_produced_by_some_row_or_test()
    {
        var produced = new HashSet<string>(Table.Values.SelectMany(r => Ids(r.Request)));
        string[] elsewhere = { "MM0005", "MM0006", "MM0007", "MM0204" }; // JSON-shape rules: the JSON reader; MM0204: a catalog with aspect ratios (RuleEngineTests).
        foreach (RuleDescriptor rule in MediaRules.All.Where(r => r.Category == MediaRules.UsageCategory && !elsewhere.Contains(r.Id)))
        {
            Assert.True(produced.Contains(rule.Id), $"no row produces {rule.Id}");
        }
    }

    private static Dictionary<string, (RequestFacts, string[])> Build()
    {
        var t = new Dictionary<string, (RequestFacts, string[])>();
        void Add(string key, RequestFacts request, params string[] expected) => t.Add(key, (request, expected));

        // generate_media: the spec's two examples.
        Add("example text-to-image (nano-banana ignores quality)", Req("nano-banana", T2I) with { AspectRatio = "16:9", Quality = "pro" }, "MM0104");
        Add("example image-to-video", Req("kling-2-6-image-to-video", I2V, "https://example.com/your-image.jpg") with { AspectRatio = "16:9", Duration = "5s" });

        // generate_media: model, generation type (default text-to-image), prompt, aspect ratio.
        Add("model unknown, nearest suggested", Req("sora2", T2V), "MM0001");
        Add("model missing", Req("sora-2", T2V) with { Model = Fact<string>.Absent }, "MM0001");
        Add("model not in the catalog and no near miss: only service-wide rules", Req("nano-banana-pro-4k", T2I) with { Duration = "99s" }, "MM0008");
        Add("generation_type omitted means text-to-image: ok on nano-banana", Req("nano-banana", null));
        Add("generation_type omitted means text-to-image: sora-2 has none", Req("sora-2", null), "MM0002");
        Add("generation_type not a known value", Req("sora-2", "video"), "MM0002");
        Add("prompt empty", Req("sora-2", T2V) with { Prompt = "   " }, "MM0003");
        Add("prompt missing", Req("sora-2", T2V) with { Prompt = Fact<string>.Absent }, "MM0003");
        Add("aspect ratio 21:9", Req("sora-2", T2V) with { AspectRatio = "21:9" });
        Add("aspect ratio malformed", Req("sora-2", T2V) with { AspectRatio = "16x9" }, "MM0203");
        Add("aspect ratio zero", Req("sora-2", T2V) with { AspectRatio = "0:1" }, "MM0203");

        // Models that support duration.
        foreach (string id in new[] { "kling-2-6-text-to-video", "wan-2-5" })
        {
            Add($"duration {id} 10s", Req(id, T2V) with { Duration = "10s" });
            Add($"duration {id} 15s", Req(id, T2V) with { Duration = "15s" }, "MM0201");
        }

        Add("duration kling-2-6-image-to-video 5s", Req("kling-2-6-image-to-video", I2V, Img(1)) with { Duration = "5s" });
        Add("duration kling-2-6-image-to-video 8s", Req("kling-2-6-image-to-video", I2V, Img(1)) with { Duration = "8s" }, "MM0201");
        Add("duration wan-2-5 image-to-video 5s", Req("wan-2-5", I2V, Img(1)) with { Duration = "5s" });
        Add("duration v1-pro-fast-i2v 10s", Req("v1-pro-fast-i2v", I2V, Img(1)) with { Duration = "10s" });
        Add("duration v1-pro-fast-i2v 6s", Req("v1-pro-fast-i2v", I2V, Img(1)) with { Duration = "6s" }, "MM0201");
        Add("duration seedance 12s", Req("seedance-1-5-pro", T2V) with { Duration = "12s" });
        Add("duration seedance 10s", Req("seedance-1-5-pro", T2V) with { Duration = "10s" }, "MM0201");
        foreach (string id in new[] { "sora-2", "sora-2-pro" })
        {
            Add($"duration {id} 15s", Req(id, T2V) with { Duration = "15s" });
            Add($"duration {id} 25s", Req(id, T2V) with { Duration = "25s" }, "MM0201");
        }

        Add("duration sora-2-pro-storyboard 25s", Req("sora-2-pro-storyboard", T2V) with { Duration = "25s" });
        Add("duration sora-2-pro-storyboard 20s", Req("sora-2-pro-storyboard", T2V) with { Duration = "20s" }, "MM0201");
        Add("duration grok-text-to-video-6s: none", Req("grok-text-to-video-6s", T2V));
        Add("duration grok-text-to-video-6s fixed, ignored", Req("grok-text-to-video-6s", T2V) with { Duration = "6s" }, "MM0103");
        foreach (string id in new[] { "kling-3-0-std", "kling-3-0-pro" })
        {
            Add($"duration {id} 3s", Req(id, T2V) with { Duration = "3s" });
            Add($"duration {id} 15s", Req(id, T2V) with { Duration = "15s" });
            Add($"duration {id} 16s", Req(id, T2V) with { Duration = "16s" }, "MM0201");
            Add($"duration {id} 2s", Req(id, T2V) with { Duration = "2s" }, "MM0201");
        }

        Add("duration not written in seconds", Req("sora-2", T2V) with { Duration = "10" }, "MM0201");
        Add("duration grok-image-to-video not configurable", Req("grok-image-to-video", I2V, Img(1)) with { Duration = "5s" }, "MM0103");
        Add("duration grok-image-to-video omitted", Req("grok-image-to-video", I2V, Img(1)));
        Add("duration kling-2-5-image-to-video-pro not configurable", Req("kling-2-5-image-to-video-pro", I2V, Img(1), Img(2)) with { Duration = "5s" }, "MM0103");
        Add("duration veo3-1 not configurable", Req("veo3-1", T2V) with { Duration = "8s" }, "MM0103");
        Add("duration veo3-1 omitted", Req("veo3-1", T2V));
        Add("duration ignored by image models", Req("imagen-4", T2I) with { Duration = "5s" }, "MM0103");

        // Models that support negative_prompt.
        foreach (string id in new[] { "imagen-4", "imagen-4-fast", "imagen-4-ultra" })
        {
            Add($"negative_prompt {id}", Req(id, T2I) with { NegativePrompt = "blurry" });
        }

        Add("negative_prompt wan-2-5 text-to-video", Req("wan-2-5", T2V) with { NegativePrompt = "blurry" });
        Add("negative_prompt wan-2-5 image-to-video", Req("wan-2-5", I2V, Img(1)) with { NegativePrompt = "blurry" });
        Add("negative_prompt kling-2-5-image-to-video-pro", Req("kling-2-5-image-to-video-pro", I2V, Img(1), Img(2)) with { NegativePrompt = "blurry" });
        Add("negative_prompt ignored by nano-banana", Req("nano-banana", T2I) with { NegativePrompt = "blurry" }, "MM0102");
        Add("negative_prompt ignored by sora-2", Req("sora-2", T2V) with { NegativePrompt = "blurry" }, "MM0102");

        // Models that support quality.
        foreach (string quality in new[] { "standard", "pro", "high", "hd" })
        {
            Add($"quality sora-2-pro {quality}", Req("sora-2-pro", T2V) with { Quality = quality });
        }

        Add("quality sora-2-pro ultra", Req("sora-2-pro", T2V) with { Quality = "ultra" }, "MM0202");
        Add("quality sora-2-pro image-to-video hd", Req("sora-2-pro", I2V, Img(1)) with { Quality = "hd" });
        foreach (string id in new[] { "imagen-4", "imagen-4-fast", "imagen-4-ultra" })
        {
            Add($"quality {id} ultra", Req(id, T2I) with { Quality = "ultra" });
            Add($"quality {id} pro", Req(id, T2I) with { Quality = "pro" }, "MM0202");
        }

        Add("quality seedream-v4-5-edit basic", Req("seedream-v4-5-edit", I2I, Img(1)) with { Quality = "basic" });
        Add("quality seedream-v4-5-edit other API value (open set)", Req("seedream-v4-5-edit", I2I, Img(1)) with { Quality = "premium" });
        Add("quality seedream-v4-5 basic", Req("seedream-v4-5", T2I) with { Quality = "basic" });
        Add("quality seedream-v4 ignored", Req("seedream-v4", T2I) with { Quality = "basic" }, "MM0104");
        Add("quality 5-lite-text-to-image high", Req("5-lite-text-to-image", T2I) with { Quality = "high" });
        Add("quality 5-lite-image-to-image basic", Req("5-lite-image-to-image", I2I, Img(1)) with { Quality = "basic" });
        Add("quality veo3-1 is a model id, not a parameter", Req("veo3-1", T2V) with { Quality = "fast" }, "MM0104");
        Add("quality veo3-1-fast ignored", Req("veo3-1-fast", T2V) with { Quality = "fast" }, "MM0104");
        foreach (string id in new[] { "flux-2", "nano-banana-pro", "nano-banana-2" })
        {
            Add($"quality {id} takes a resolution instead", Req(id, T2I) with { Quality = "4K" }, "MM0104");
            Add($"quality {id} omitted", Req(id, T2I));
        }

        Add("quality ignored by kling", Req("kling-2-6-text-to-video", T2V) with { Quality = "pro" }, "MM0104");

        // Prompt character limits: at the limit accepted, one over rejected.
        foreach ((string id, string type, string[] urls, int limit) in new[]
        {
            ("wan-2-5", T2V, new string[0], 800),
            ("kling-2-6-text-to-video", T2V, new string[0], 2500),
            ("kling-2-6-image-to-video", I2V, Imgs(1), 2500),
            ("kling-3-0-std", T2V, new string[0], 2500),
            ("kling-3-0-pro", T2V, new string[0], 2500),
            ("kling-2-5-image-to-video-pro", I2V, Imgs(2), 2500),
            ("seedream-v4", T2I, new string[0], 2500),
            ("seedream-v4-edit", I2I, Imgs(1), 2500),
            ("seedream-v4-5", T2I, new string[0], 3000),
            ("seedream-v4-5-edit", I2I, Imgs(1), 3000),
            ("5-lite-text-to-image", T2I, new string[0], 2995),
            ("5-lite-image-to-image", I2I, Imgs(1), 2995),
            ("gpt-1.5-image-medium", T2I, new string[0], 3000),
            ("gpt-1.5-image-high", T2I, new string[0], 3000),
            ("nano-banana", T2I, new string[0], 5000),
            ("imagen-4", T2I, new string[0], 5000),
            ("sora-2", T2V, new string[0], 5000),
            ("flux-2", T2I, new string[0], 5000),
            ("veo3-1", T2V, new string[0], 5000),
            ("v1-pro-fast-i2v", I2V, Imgs(1), 5000),
            ("grok-text-to-video-6s", T2V, new string[0], 5000),
            ("grok-image-to-video", I2V, Imgs(1), 5000),
            ("nano-banana-pro", T2I, new string[0], 20000),
            ("nano-banana-2", T2I, new string[0], 20000),
        })
        {
            Add($"prompt {id} at {limit}", Req(id, type, urls) with { Prompt = new string('a', limit) });
            Add($"prompt {id} over {limit}", Req(id, type, urls) with { Prompt = new string('a', limit + 1) }, "MM0004");
        }

        Add("prompt counts an emoji once", Req("wan-2-5", T2V) with { Prompt = new string('a', 798) + "\ud83d\ude00" });
        Add("prompt without documented limit", Req("seedance-1-5-pro", T2V) with { Prompt = new string('a', 50_000) });

        // Input file limits.
        foreach (string id in new[] { "kling-2-6-motion-control-720p", "kling-2-6-motion-control-1080p", "kling-3-0-motion-control-720p", "kling-3-0-motion-control-1080p" })
        {
            Add($"inputs {id} image + video", Req(id, I2V, Img(1), Vid(1)));
            Add($"inputs {id} image only", Req(id, I2V, Img(1)), "MM0301");
            Add($"inputs {id} two images", Req(id, I2V, Img(1), Img(2)), "MM0303");
            Add($"inputs {id} video in AVI", Req(id, I2V, Img(1), "https://example.com/v.avi"), "MM0305");
        }

        foreach ((string id, string type) in new[] { ("kling-2-6-image-to-video", I2V), ("sora-2", I2V), ("wan-2-5", I2V), ("grok-image-to-video", I2V), ("v1-pro-fast-i2v", I2V) })
        {
            Add($"inputs {id} one image", Req(id, type, Img(1)));
            Add($"inputs {id} two images", Req(id, type, Img(1), Img(2)), "MM0301");
            Add($"inputs {id} no image", Req(id, type), "MM0301");
            Add($"inputs {id} a video", Req(id, type, Vid(1)), "MM0303");
        }

        Add("inputs kling-2-5-image-to-video-pro start + end", Req("kling-2-5-image-to-video-pro", I2V, Img(1), Img(2)));
        Add("inputs kling-2-5-image-to-video-pro one", Req("kling-2-5-image-to-video-pro", I2V, Img(1)), "MM0301");
        foreach (string id in new[] { "kling-3-0-std", "kling-3-0-pro" })
        {
            Add($"inputs {id} start frame", Req(id, I2V, Img(1)));
            Add($"inputs {id} start + end", Req(id, I2V, Img(1), Img(2)));
            Add($"inputs {id} three", Req(id, I2V, Imgs(3)), "MM0301");
            Add($"inputs {id} webp not listed", Req(id, I2V, "https://example.com/a.webp"), "MM0305");
        }

        foreach ((string id, string type, int max) in new[]
        {
            ("seedream-v4-edit", I2I, 10), ("5-lite-image-to-image", I2I, 10), ("nano-banana", I2I, 10), ("nano-banana-edit", I2I, 10),
            ("nano-banana-pro", I2I, 8), ("nano-banana-2", I2I, 8), ("flux-2-edit", I2I, 8), ("gpt-1.5-image-medium", I2I, 16), ("gpt-1.5-image-high", I2I, 16),
        })
        {
            Add($"inputs {id} {max} images", Req(id, type, Imgs(max)));
            Add($"inputs {id} {max + 1} images", Req(id, type, Imgs(max + 1)), "MM0301");
        }

        Add("inputs 5-lite-text-to-image takes none", Req("5-lite-text-to-image", T2I, Img(1)), "MM0302");
        Add("inputs image-to-image needs at least one", Req("seedream-v4-5-edit", I2I), "MM0301");
        Add("inputs veo3-1 text-to-video optional reference", Req("veo3-1", T2V, Img(1)));
        Add("inputs veo3-1 text-to-video two references", Req("veo3-1", T2V, Imgs(2)), "MM0301");
        Add("inputs veo3-1 first + last frame", Req("veo3-1", I2V, Imgs(2)));
        Add("inputs veo3-1 three references", Req("veo3-1", I2V, Imgs(3)));
        Add("inputs veo3-1 four", Req("veo3-1", I2V, Imgs(4)), "MM0301");
        Add("inputs veo3-1-fast first + last frame", Req("veo3-1-fast", I2V, Imgs(2)));
        Add("inputs veo3-1-fast four", Req("veo3-1-fast", I2V, Imgs(4)), "MM0301");
        Add("inputs sora-2-pro-storyboard optional image", Req("sora-2-pro-storyboard", T2V, Img(1)));
        Add("inputs sora-2-pro-storyboard two images", Req("sora-2-pro-storyboard", T2V, Imgs(2)), "MM0301");
        Add("inputs sora-2-pro image-to-video", Req("sora-2-pro", I2V, Img(1)));
        Add("inputs sora-2-pro image-to-video none", Req("sora-2-pro", I2V), "MM0301");
        Add("inputs text-to-video takes none", Req("sora-2", T2V, Img(1)), "MM0302");
        Add("inputs text-to-image takes none", Req("imagen-4", T2I, Img(1)), "MM0302");
        Add("inputs relative URL", Req("sora-2", I2V, "/images/cat.jpg"), "MM0304");
        Add("inputs ftp URL", Req("sora-2", I2V, "ftp://example.com/cat.jpg"), "MM0304");
        Add("inputs URL without extension is not judged", Req("sora-2", I2V, "https://example.com/image?id=42"));

        // Seedance 1.5 Pro: two modes.
        Add("seedance text-to-video no image", Req("seedance-1-5-pro", T2V));
        Add("seedance text-to-video one image", Req("seedance-1-5-pro", T2V, Img(1)));
        Add("seedance text-to-video two images", Req("seedance-1-5-pro", T2V, Imgs(2)), "MM0301");
        Add("seedance image-to-video start + end", Req("seedance-1-5-pro", I2V, Imgs(2)));
        Add("seedance image-to-video one image", Req("seedance-1-5-pro", I2V, Img(1)), "MM0301");
        Add("seedance image-to-video three images", Req("seedance-1-5-pro", I2V, Imgs(3)), "MM0301");

        // Models that support audio.
        foreach ((string id, string type, string[] urls) in new[]
        {
            ("kling-2-6-text-to-video", T2V, new string[0]), ("kling-2-6-image-to-video", I2V, Imgs(1)),
            ("kling-3-0-std", T2V, new string[0]), ("kling-3-0-pro", I2V, Imgs(2)),
            ("seedance-1-5-pro", T2V, new string[0]), ("seedance-1-5-pro", I2V, Imgs(2)),
        })
        {
            Add($"sound {id} {type}", Req(id, type, urls) with { Sound = true });
        }

        Add("sound ignored by sora-2", Req("sora-2", T2V) with { Sound = true }, "MM0101");
        Add("sound ignored by image models", Req("nano-banana", T2I) with { Sound = true }, "MM0101");
        Add("sound false is harmless", Req("sora-2", T2V) with { Sound = false });

        // Kling 3.0 elements.
        IReadOnlyList<IElementFacts> Hero(params IElementFacts[] e) => e;
        foreach (string id in new[] { "kling-3-0-std", "kling-3-0-pro" })
        {
            Add($"elements {id} text-to-video + 1 image", Req(id, T2V, Img(1)) with { Prompt = "@hero runs", KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 2))) });
            Add($"elements {id} image-to-video first + last frame", Req(id, I2V, Imgs(2)) with { Prompt = "@clip plays", KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Video("clip"))) });
            Add($"elements {id} text-to-video without a picture", Req(id, T2V) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 2))) }, "MM0402");
        }

        Add("elements image-to-video with only a start frame", Req("kling-3-0-std", I2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 4))) }, "MM0402");
        Add("elements on kling 2.6", Req("kling-2-6-text-to-video", T2V) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 2))) }, "MM0401");
        Add("elements with 1 image", Req("kling-3-0-std", T2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 1))) }, "MM0403");
        Add("elements with 5 images", Req("kling-3-0-std", T2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 5))) }, "MM0403");
        Add("elements with 2 videos", Req("kling-3-0-std", T2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Video("clip", 2))) }, "MM0403");
        Add("elements without description", Req("kling-3-0-std", T2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(new TestElement { Name = "hero", ImageUrls = Fact<IReadOnlyList<string?>>.Of(Imgs(2)) })) }, "MM0403");
        Add("elements image list holds a video", Req("kling-3-0-std", T2V, Img(1)) with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(new TestElement { Name = "hero", Description = "d", ImageUrls = Fact<IReadOnlyList<string?>>.Of(new[] { Img(1), Vid(1) }) })) }, "MM0303");
        Add("elements prompt names an undeclared element", Req("kling-3-0-std", T2V, Img(1)) with { Prompt = "@villain attacks @hero", KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 2))) }, "MM0404");
        Add("elements e-mail address is not a reference", Req("kling-3-0-std", T2V, Img(1)) with { Prompt = "mail me@example.com about @hero", KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(Hero(TestElement.Images("hero", 2))) });

        // Unknown values (analyzers): nothing is guessed.
        Add("unknown prompt is not judged", Req("wan-2-5", T2V) with { Prompt = Fact<string>.Unknown });
        Add("unknown duration on a configurable model is not judged", Req("wan-2-5", T2V) with { Duration = Fact<string>.Unknown });
        Add("unknown duration on a fixed model is still ignored", Req("grok-text-to-video-6s", T2V) with { Duration = Fact<string>.Unknown }, "MM0103");
        Add("unknown model is not judged", Req("x", T2V) with { Model = Fact<string>.Unknown, Duration = "99s" });
        return t;
    }
}
