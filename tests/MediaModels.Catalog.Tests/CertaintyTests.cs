using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using static MediaModels.Catalog.Tests.RuleTestKit;

namespace MediaModels.Catalog.Tests;

/// <summary>
/// One row per decision the catalog records about a fact the spec leaves in doubt: a request inside the catalog's reading
/// gets no diagnostic, one outside the reading but inside what the spec states gets the rule's ID as a warning carrying
/// the reading's note, and one outside what the spec states keeps the rule's error.
/// </summary>
public class CertaintyTests
{
    private const string T2I = "text-to-image";
    private const string I2I = "image-to-image";
    private const string T2V = "text-to-video";
    private const string I2V = "image-to-video";

    private static readonly (string Id, Severity Severity)[] None = new (string, Severity)[0];

    private static readonly Dictionary<string, (RequestFacts Request, (string Id, Severity Severity)[] Expected)> Table = Build();

    public static TheoryData<string> Rows => new(Table.Keys.OrderBy(k => k, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Rows))]
    public void Decision(string key)
    {
        (RequestFacts request, (string Id, Severity Severity)[] expected) = Table[key];
        IReadOnlyList<Violation> found = Engine.Check(request);
        Assert.True(expected.SequenceEqual(found.Select(v => (v.Id, v.Severity))), $"{key}: expected [{string.Join(", ", expected)}] but got: {Describe(request)}");
        foreach (Violation violation in found.Where(v => v.Severity == Severity.Warning && Table[key].Expected.Any(e => e.Id == v.Id && MediaRules.Find(v.Id)!.DefaultSeverity == Severity.Error)))
        {
            // A reading's warning says why: the note of the reading, after the fixed sentence.
            Assert.Contains(RuleEngine.ReadingPrefix, violation.Message);
        }
    }

    [Fact]
    public void Every_reading_of_the_shipped_catalog_has_a_row()
    {
        foreach (ModelSpec model in Shipped.Models)
        {
            bool read = !model.Readings.IsEmpty || model.Duration.Reading is not null
                || model.GenerationTypes.Any(t => t.Reading is not null || t.Images?.Reading is not null || t.Videos?.Reading is not null);
            if (read)
            {
                Assert.True(Table.Keys.Any(k => k.StartsWith(model.Id + ":", System.StringComparison.Ordinal)), $"{model.Id} has readings but no decision row");
            }
        }
    }

    [Fact]
    public void The_rules_a_reading_softens_are_the_ones_the_rows_show_as_warnings()
    {
        var softened = Table.Values.SelectMany(r => r.Expected)
            .Where(e => e.Severity == Severity.Warning && MediaRules.Find(e.Id)!.DefaultSeverity == Severity.Error)
            .Select(e => e.Id).Distinct().OrderBy(i => i, System.StringComparer.Ordinal);
        Assert.Equal(RuleEngine.RulesSoftenedByReadings.Select(r => r.Id).OrderBy(i => i, System.StringComparer.Ordinal).Except(new[] { "MM0201", "MM0202" }), softened);

        // The shipped catalog reads no duration or quality value list: an overlay's reading softens those too.
        const string Overlay = "overrides:\n  - id: sora-2\n    readings: { duration: \"Read.\" }\n  - id: imagen-4\n    readings: { quality: \"Read.\" }\n";
        var files = Reading.CatalogReader.ParseFiles(new[] { TestPaths.CatalogFolder }).Append(Reading.CatalogFileParser.Parse("overlay.yaml", Overlay));
        Reading.CatalogReadResult read = Reading.CatalogMerger.Merge(files);
        Assert.Empty(read.Diagnostics);
        var engine = new RuleEngine(read.Catalog);
        Assert.Equal(Severity.Warning, Assert.Single(engine.Check(Req("sora-2", T2V) with { Duration = "25s" })).Severity);
        Assert.Equal(Severity.Warning, Assert.Single(engine.Check(Req("imagen-4", T2I) with { Quality = "pro" })).Severity);
    }

    [Fact]
    public void A_reading_warning_quotes_what_the_spec_says()
    {
        Violation violation = Assert.Single(Engine.Check(Req("veo3-1", I2V, Img(1))));
        Assert.Equal(("MM0301", Severity.Warning), (violation.Id, violation.Severity));
        Assert.StartsWith("veo3-1 image-to-video takes 2–3 images as the catalog reads the spec; 1 URL was sent. " + RuleEngine.ReadingPrefix, violation.Message);
        Assert.Contains("'Depends on mode (1: text-to-video optional reference; 2: first + last frame; 3: reference)'", violation.Message);
    }

    [Fact]
    public void A_request_the_spec_allows_is_not_an_error_on_either_5_lite_or_nano_banana()
    {
        // The input table's rows "5-lite-text-to-image, 5-lite-image-to-image | 10" and "nano-banana, nano-banana-edit | 10" are read alike.
        foreach (string id in new[] { "5-lite-text-to-image", "5-lite-image-to-image", "nano-banana", "nano-banana-edit" })
        {
            Assert.Empty(Engine.Check(Req(id, I2I, Imgs(2))));
            Assert.Equal(10, Shipped.Find(id)!.FindGenerationType(I2I)!.Images!.Max);
        }
    }

    [Fact]
    public void Generated_value_checks_accept_what_only_a_reading_refuses()
    {
        // Duration.FromSeconds and friends refuse only errors: a value that breaks a reading is allowed, with its warning left to Build().
        ModelSpec nanoBanana = Shipped.Find("nano-banana")!;
        Assert.Null(RuleEngine.CheckValue(nanoBanana, Wire.WireParameters.Quality, "pro", Shipped.Defaults));
        Assert.NotNull(RuleEngine.CheckValue(Shipped.Find("imagen-4-fast")!, Wire.WireParameters.Quality, "pro", Shipped.Defaults));
    }

    private static Dictionary<string, (RequestFacts, (string, Severity)[])> Build()
    {
        var t = new Dictionary<string, (RequestFacts, (string, Severity)[])>();
        void Add(string key, RequestFacts request, params (string, Severity)[] expected) => t.Add(key, (request, expected));
        (string, Severity) Warning(string id) => (id, Severity.Warning);
        (string, Severity) Error(string id) => (id, Severity.Error);

        // 5-lite-text-to-image: image-to-image read from the input table's row, as nano-banana's is. The 10 is stated.
        Add("5-lite-text-to-image: image-to-image with 2 images (inside the reading)", Req("5-lite-text-to-image", I2I, Imgs(2)));
        Add("5-lite-text-to-image: image-to-image with 11 images (the stated 10)", Req("5-lite-text-to-image", I2I, Imgs(11)), Error("MM0301"));
        Add("5-lite-text-to-image: text-to-image with an image (the model rules: none)", Req("5-lite-text-to-image", T2I, Img(1)), Error("MM0302"));

        // nano-banana: image-to-image read from the same table; quality ignored per the table though the example sends it.
        Add("nano-banana: image-to-image with 10 images (inside the reading)", Req("nano-banana", I2I, Imgs(10)));
        Add("nano-banana: image-to-image with 11 images (the stated 10)", Req("nano-banana", I2I, Imgs(11)), Error("MM0301"));
        Add("nano-banana: quality pro, as the spec's example sends it", Req("nano-banana", T2I) with { Quality = "pro" }, Warning("MM0104"));

        // nano-banana-edit: read as image-to-image only.
        Add("nano-banana-edit: image-to-image (inside the reading)", Req("nano-banana-edit", I2I, Img(1)));
        Add("nano-banana-edit: text-to-image (outside the reading)", Req("nano-banana-edit", T2I), Warning("MM0002"));
        Add("nano-banana-edit: generation_type omitted (text-to-image, outside the reading)", Req("nano-banana-edit", null), Warning("MM0002"));
        Add("nano-banana-edit: text-to-video (a video mode on an image model)", Req("nano-banana-edit", T2V), Error("MM0002"));

        // nano-banana-pro and nano-banana-2: generation types read from the tables; variants unnamed.
        foreach (string id in new[] { "nano-banana-pro", "nano-banana-2" })
        {
            Add($"{id}: text-to-image (inside the reading)", Req(id, T2I));
            Add($"{id}: image-to-image with 8 images (inside the reading)", Req(id, I2I, Imgs(8)));
            Add($"{id}: image-to-image with 9 images (the stated 8)", Req(id, I2I, Imgs(9)), Error("MM0301"));
            Add($"{id}: text-to-video (a video mode on an image model)", Req(id, T2V), Error("MM0002"));
            Add($"{id}: an unnamed variant is not in the catalog", Req(id + "-4k", T2I), Warning("MM0008"));
        }

        // veo3-1: the modes' generation types are read; the 1–3 is stated.
        Add("veo3-1: image-to-video with 2 images (inside the reading)", Req("veo3-1", I2V, Imgs(2)));
        Add("veo3-1: image-to-video with 3 images (inside the reading)", Req("veo3-1", I2V, Imgs(3)));
        Add("veo3-1: image-to-video with 1 image (mode 1, which the spec calls text-to-video)", Req("veo3-1", I2V, Img(1)), Warning("MM0301"));
        Add("veo3-1: image-to-video with no image (image-to-video needs source media)", Req("veo3-1", I2V), Error("MM0301"));
        Add("veo3-1: image-to-video with 4 images (the stated 1–3)", Req("veo3-1", I2V, Imgs(4)), Error("MM0301"));
        Add("veo3-1: text-to-video with 1 reference (inside the reading)", Req("veo3-1", T2V, Img(1)));
        Add("veo3-1: text-to-video with 3 references (mode 3, outside the reading)", Req("veo3-1", T2V, Imgs(3)), Warning("MM0301"));
        Add("veo3-1: text-to-video with 4 references (the stated 1–3)", Req("veo3-1", T2V, Imgs(4)), Error("MM0301"));

        // veo3-1-fast: everything read as veo3-1's; nothing about its inputs is stated.
        Add("veo3-1-fast: image-to-video with 2 images (inside the reading)", Req("veo3-1-fast", I2V, Imgs(2)));
        Add("veo3-1-fast: image-to-video with 1 image (outside the reading)", Req("veo3-1-fast", I2V, Img(1)), Warning("MM0301"));
        Add("veo3-1-fast: image-to-video with 4 images (outside the reading, nothing stated)", Req("veo3-1-fast", I2V, Imgs(4)), Warning("MM0301"));
        Add("veo3-1-fast: image-to-video with no image", Req("veo3-1-fast", I2V), Error("MM0301"));
        Add("veo3-1-fast: text-to-video with 2 references (outside the reading)", Req("veo3-1-fast", T2V, Imgs(2)), Warning("MM0301"));
        Add("veo3-1-fast: text-to-image (an image mode on a video model)", Req("veo3-1-fast", T2I), Error("MM0002"));

        // sora-2-pro: image count read as sora-2's.
        Add("sora-2-pro: image-to-video with 1 image (inside the reading)", Req("sora-2-pro", I2V, Img(1)));
        Add("sora-2-pro: image-to-video with 3 images (outside the reading)", Req("sora-2-pro", I2V, Imgs(3)), Warning("MM0301"));
        Add("sora-2-pro: image-to-video with no image", Req("sora-2-pro", I2V), Error("MM0301"));

        // sora-2-pro-storyboard: its optional image read as text-to-video.
        Add("sora-2-pro-storyboard: text-to-video with its optional image (inside the reading)", Req("sora-2-pro-storyboard", T2V, Img(1)));
        Add("sora-2-pro-storyboard: image-to-video (outside the reading)", Req("sora-2-pro-storyboard", I2V, Img(1)), Warning("MM0002"));
        Add("sora-2-pro-storyboard: text-to-video with 2 images (the stated 1)", Req("sora-2-pro-storyboard", T2V, Imgs(2)), Error("MM0301"));
        Add("sora-2-pro-storyboard: generation_type omitted (text-to-image on a video model)", Req("sora-2-pro-storyboard", null), Error("MM0002"));

        // Motion control: image + video read as image-to-video.
        foreach (string id in new[] { "kling-2-6-motion-control-720p", "kling-2-6-motion-control-1080p", "kling-3-0-motion-control-720p", "kling-3-0-motion-control-1080p" })
        {
            Add($"{id}: image-to-video with image + video (inside the reading)", Req(id, I2V, Img(1), Vid(1)));
            Add($"{id}: text-to-video (outside the reading)", Req(id, T2V, Img(1), Vid(1)), Warning("MM0002"));
            Add($"{id}: generation_type omitted (text-to-image on a video model)", Req(id, null), Error("MM0002"));
        }

        // Kling 3.0: text-to-video's optional start frame read from the elements section; the range of durations read from "3s – 15s".
        foreach (string id in new[] { "kling-3-0-std", "kling-3-0-pro" })
        {
            Add($"{id}: text-to-video with a start frame (inside the reading)", Req(id, T2V, Img(1)));
            Add($"{id}: text-to-video with start + end frame (outside the reading)", Req(id, T2V, Imgs(2)), Warning("MM0301"));
            Add($"{id}: text-to-video with 3 images (the stated 1–2)", Req(id, T2V, Imgs(3)), Error("MM0301"));
            Add($"{id}: duration 7s, between the stated bounds (inside the reading)", Req(id, T2V) with { Duration = "7s" });
            Add($"{id}: duration 16s (the stated 15s)", Req(id, T2V) with { Duration = "16s" }, Error("MM0201"));
        }

        // gpt-1.5-image: "gpt-1.5-image (image-to-image) | 16" read as both ids' limit; text-to-image read.
        foreach (string id in new[] { "gpt-1.5-image-medium", "gpt-1.5-image-high" })
        {
            Add($"{id}: image-to-image with 16 images (inside the reading)", Req(id, I2I, Imgs(16)));
            Add($"{id}: image-to-image with 17 images (outside the reading, nothing stated for the id)", Req(id, I2I, Imgs(17)), Warning("MM0301"));
            Add($"{id}: text-to-image (inside the reading)", Req(id, T2I));
        }

        // grok: "grok (image/video) | 5,000" read as both grok video ids' limit.
        Add("grok-text-to-video-6s: prompt of 5,000 characters (inside the reading)", Req("grok-text-to-video-6s", T2V) with { Prompt = new string('a', 5000) });
        Add("grok-text-to-video-6s: prompt of 5,001 characters (outside the reading)", Req("grok-text-to-video-6s", T2V) with { Prompt = new string('a', 5001) }, Warning("MM0004"));
        Add("grok-image-to-video: prompt of 5,001 characters (outside the reading)", Req("grok-image-to-video", I2V, Img(1)) with { Prompt = new string('a', 5001) }, Warning("MM0004"));
        Add("grok-image-to-video: an unnamed grok image model is not in the catalog", Req("grok-image", T2I), Warning("MM0008"));

        // seedance: sound read from the audio table against the model rules.
        Add("seedance-1-5-pro: sound (inside the reading)", Req("seedance-1-5-pro", T2V) with { Sound = true });

        // Stated facts keep their errors.
        Add("imagen-4-fast: quality pro (the stated standard / fast / ultra)", Req("imagen-4-fast", T2I) with { Quality = "pro" }, Error("MM0202"));
        Add("sora-2: image-to-video with 2 images (the stated exactly one)", Req("sora-2", I2V, Imgs(2)), Error("MM0301"));

        // The common image formats ("Most models accept images only (JPEG, PNG, WebP…)") where a model lists none of its own.
        Add("common formats: .gif on sora-2, which lists none", Req("sora-2", I2V, "https://example.com/cat.gif"), Warning("MM0305"));
        Add("common formats: .bmp on nano-banana, which lists none", Req("nano-banana", I2I, "https://example.com/cat.bmp"), Warning("MM0305"));
        Add("common formats: .webp on sora-2", Req("sora-2", I2V, "https://example.com/cat.webp"));
        Add("common formats: .JPEG on sora-2", Req("sora-2", I2V, "https://example.com/cat.JPEG"));
        Add("own formats: .webp on kling-3-0-std, which lists PNG/JPG/JPEG", Req("kling-3-0-std", I2V, "https://example.com/a.webp"), Warning("MM0305"));
        Add("own formats: the common list does not apply to a reference video", Req("kling-2-6-motion-control-720p", I2V, Img(1), "https://example.com/v.webm"));
        return t;
    }
}
