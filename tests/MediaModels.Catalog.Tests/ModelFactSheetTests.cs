using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Facts;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class ModelFactSheetTests
{
    private static readonly ModelCatalog Shipped = CatalogReader.ReadFiles(new[] { TestPaths.CatalogFolder }).Catalog;

    public static IEnumerable<object[]> ModelIds() => Shipped.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Every_note_of_a_model_is_on_exactly_one_of_its_facts_and_no_other_note_is(string id)
    {
        ModelSpec model = Shipped.Find(id)!;
        var expected = new List<string>();
        foreach (GenerationTypeSpec mode in model.GenerationTypes)
        {
            expected.AddRange(mode.Notes);
            expected.AddRange(mode.Images?.Notes ?? EquatableArray<string>.Empty);
            expected.AddRange(mode.Videos?.Notes ?? EquatableArray<string>.Empty);
        }

        expected.AddRange(model.Duration.Notes);
        expected.AddRange(model.Quality?.Notes ?? EquatableArray<string>.Empty);
        expected.AddRange(model.Resolution?.Notes ?? EquatableArray<string>.Empty);
        expected.AddRange(model.Elements?.Notes ?? EquatableArray<string>.Empty);
        expected.AddRange(model.Pricing?.Notes ?? EquatableArray<string>.Empty);
        expected.AddRange(model.Notes);

        ModelFactSheet sheet = ModelFactSheet.Of(model, Shipped.Defaults);
        Assert.Equal(expected.OrderBy(n => n), sheet.Facts.SelectMany(f => f.Notes).OrderBy(n => n));
    }

    [Fact]
    public void A_note_stays_with_its_model_even_when_another_model_has_the_same_durations()
    {
        ModelFact kling = ModelFactSheet.Of(Shipped.Find("kling-2-6-image-to-video")!).Find(FactSubject.Duration)!;
        ModelFact wan = ModelFactSheet.Of(Shipped.Find("wan-2-5")!).Find(FactSubject.Duration)!;
        ModelFact v1 = ModelFactSheet.Of(Shipped.Find("v1-pro-fast-i2v")!).Find(FactSubject.Duration)!;

        Assert.Equal("5s, 10s", kling.Value);
        Assert.Equal(kling.Value, wan.Value);
        Assert.Equal(kling.Value, v1.Value);
        Assert.Equal(new[] { "Optional with/without audio (model variant)." }, kling.Notes);
        Assert.Empty(wan.Notes);
        Assert.Empty(v1.Notes);
    }

    [Fact]
    public void Facts_come_in_subject_order_with_one_fact_per_generation_type_first()
    {
        foreach (ModelSpec model in Shipped.Models)
        {
            ModelFactSheet sheet = ModelFactSheet.Of(model, Shipped.Defaults);
            FactSubject[] subjects = sheet.Facts.Select(f => f.Subject).ToArray();
            Assert.Equal(subjects.OrderBy(s => s), subjects);
            Assert.Equal(model.GenerationTypes.Select(t => t.Type), sheet.Facts.Where(f => f.Subject == FactSubject.GenerationType).Select(f => f.Label));
            foreach (FactSubject always in new[] { FactSubject.Prompt, FactSubject.Duration, FactSubject.Sound, FactSubject.NegativePrompt, FactSubject.Quality, FactSubject.AspectRatio })
            {
                Assert.Single(sheet.Facts, f => f.Subject == always);
            }
        }
    }

    private static string? Count(SourceMediaLimit? limit, string kind) => limit is null ? null
        : limit.Reading is null ? limit.Describe(kind)
        : $"{limit.Describe(kind)} (a reading; the spec states {limit.DescribeStatedCount()})";

    [Fact]
    public void Values_are_the_catalog_rules_own_descriptions()
    {
        foreach (ModelSpec model in Shipped.Models)
        {
            ModelFactSheet sheet = ModelFactSheet.Of(model, Shipped.Defaults);
            Assert.Equal(model.Duration.Describe(), sheet.Find(FactSubject.Duration)!.Value);
            Assert.Equal(model.Duration.IsConfigurable, sheet.Find(FactSubject.Duration)!.Applies);
            Assert.Equal(model.Sound, sheet.Find(FactSubject.Sound)!.Applies);
            Assert.Equal(model.NegativePrompt, sheet.Find(FactSubject.NegativePrompt)!.Applies);
            Assert.Equal(model.Quality is not null, sheet.Find(FactSubject.Quality)!.Applies);
            Assert.Equal(model.PromptMaxLength is not null, sheet.Find(FactSubject.Prompt)!.Applies);
            foreach (GenerationTypeSpec mode in model.GenerationTypes)
            {
                ModelFact fact = sheet.FindGenerationType(mode.Type)!;
                // The rule's own count, marked where the count is the catalog's reading of the spec.
                string[] counts = new[] { Count(mode.Images, "image"), Count(mode.Videos, "video") }.OfType<string>().ToArray();
                Assert.Equal(counts, fact.Terms.Select(t => t.Text));
                Assert.Equal(mode.TakesNoMedia ? "no source media" : string.Join(" + ", fact.Terms), fact.Value);
            }
        }
    }

    [Fact]
    public void Limits_are_written_in_words_with_their_units()
    {
        ModelFactSheet motion = ModelFactSheet.Of(Shipped.Find("kling-3-0-motion-control-1080p")!, Shipped.Defaults);
        Assert.Equal(
            // The spec's hedge stays: "typically up to 100 MB" is not a hard limit (issue 12).
            "exactly 1 image + exactly 1 video (reference-video, MP4/WebM, typically up to 100 MB, up to 30 s)",
            motion.FindGenerationType(GenerationTypes.ImageToVideo)!.Value);
        Assert.Equal("32 credits per second of output", motion.Find(FactSubject.Pricing)!.Value);
        Assert.Equal("not documented", motion.Find(FactSubject.Prompt)!.Value);
        Assert.Equal("any W:H (default 1:1)", motion.Find(FactSubject.AspectRatio)!.Value);
        Assert.Equal("any W:H", ModelFactSheet.Of(Shipped.Find("kling-3-0-motion-control-1080p")!).Find(FactSubject.AspectRatio)!.Value);

        ModelFactSheet kling = ModelFactSheet.Of(Shipped.Find("kling-3-0-pro")!, Shipped.Defaults);
        ModelFact elements = kling.Find(FactSubject.Elements)!;
        Assert.Equal(
            "2–4 images (JPG/PNG, at least 300×300 px, up to 10 MB each) or exactly 1 video (MP4/MOV, up to 50 MB); usable in text-to-video with 1 image, image-to-video with 2 images",
            elements.Value);
        Assert.Equal(new[] { "text-to-video with 1 image", "image-to-video with 2 images" }, elements.Details);
        Assert.Equal("2,500 characters", kling.Find(FactSubject.Prompt)!.Value);

        ModelFact quality = ModelFactSheet.Of(Shipped.Find("imagen-4")!).Find(FactSubject.Quality)!;
        Assert.Equal(new[] { "mapped to model_variant" }, quality.Details);
        Assert.StartsWith(string.Join(", ", quality.Terms) + "; mapped to model_variant", quality.Value);
        Assert.Equal("basic, high; other API values accepted", ModelFactSheet.Of(Shipped.Find("5-lite-text-to-image")!).Find(FactSubject.Quality)!.Value);
    }

    [Fact]
    public void Facts_only_on_models_they_concern()
    {
        ModelFactSheet wan = ModelFactSheet.Of(Shipped.Find("wan-2-5")!, Shipped.Defaults);
        Assert.Null(wan.Find(FactSubject.Elements));
        Assert.Null(wan.Find(FactSubject.Resolution));
        Assert.Null(wan.Find(FactSubject.Pricing));
        Assert.Null(wan.Find(FactSubject.Notes));
        Assert.Null(wan.FindGenerationType(GenerationTypes.TextToImage));
        Assert.Equal("ignored", wan.Find(FactSubject.Sound)!.Value);
        Assert.Equal("yes", wan.Find(FactSubject.NegativePrompt)!.Value);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void The_last_fact_is_the_certainty_and_lists_exactly_the_models_readings(string id)
    {
        ModelSpec model = Shipped.Find(id)!;
        ModelFact certainty = ModelFactSheet.Of(model, Shipped.Defaults).Facts.Last();
        IReadOnlyList<ModelReading> readings = ModelReadings.Of(model);

        Assert.Equal(FactSubject.Certainty, certainty.Subject);
        Assert.Equal(readings.Select(r => (r.Subject, (string?)r.Note)), certainty.Terms.Select(t => (t.Text, t.Detail)));
        Assert.Equal(readings.Count == 0 ? "every fact above is stated by the spec" : ModelFactSheet.SomeRead, certainty.Value);
    }

    [Fact]
    public void The_defaults_list_every_parameter_the_spec_gives_a_default_for_sound_included()
    {
        Assert.Equal(
            new[] { "generation_type text-to-image", "aspect_ratio 1:1", "quality standard", "sound false" },
            Shipped.Defaults.WhenOmitted().Select(d => d.Parameter + " " + d.Value));
    }
}
