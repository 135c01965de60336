using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MediaModels.Catalog.Facts;

/// <summary>
/// Everything the catalog says about one model as an ordered list of facts with their text: the one projection that
/// the generated XML docs, the terminal (<c>mediamodels models ID</c>) and <c>docs/models.md</c> render, each only
/// formatting it. A fact carries the notes of this model on its subject and nothing else, so no surface can put one
/// model's notes on another.
/// </summary>
public sealed class ModelFactSheet
{
    private const string Ignored = "ignored";
    private const string NotDocumented = "not documented";

    // Facts that do not depend on the model are shared: the generator builds a sheet per model inside the compiler.
    private static readonly ModelFact SoundYes = Flag(FactSubject.Sound, "sound", true);
    private static readonly ModelFact SoundIgnored = Flag(FactSubject.Sound, "sound", false);
    private static readonly ModelFact NegativePromptYes = Flag(FactSubject.NegativePrompt, "negative_prompt", true);
    private static readonly ModelFact NegativePromptIgnored = Flag(FactSubject.NegativePrompt, "negative_prompt", false);
    private static readonly ModelFact QualityIgnored = Absent(FactSubject.Quality, "quality", Ignored);
    private static readonly ModelFact PromptNotDocumented = Absent(FactSubject.Prompt, "prompt limit", NotDocumented);
    private static readonly ModelFact AnyAspectRatio = Absent(FactSubject.AspectRatio, "aspect_ratio", "any W:H");
    private static readonly ModelFact AllStated = Plain(FactSubject.Certainty, "certainty", "every fact above is stated by the spec");

    /// <summary>How a prompt limit counts characters, said wherever a limit is shown: the spec gives numbers, not the unit.</summary>
    public const string PromptCounting = "counted as Unicode code points: the catalog's choice, the spec does not say how it counts (an emoji counts once)";

    /// <summary>The value of a sheet's certainty fact when some facts are readings (its terms list them).</summary>
    public const string SomeRead = "stated by the spec, except these readings of it (a request outside one gets a warning, not an error)";

    private ModelFactSheet(ModelSpec model, EquatableArray<ModelFact> facts)
    {
        Model = model;
        Facts = facts;
    }

    /// <summary>The model the facts are about.</summary>
    public ModelSpec Model { get; }

    /// <summary><c>image</c> or <c>video</c>: what the model produces.</summary>
    public string Media => MediaName(Model.Media);

    /// <summary>The facts in <see cref="FactSubject"/> order; subjects that do not concern the model are left out (see each subject).</summary>
    public EquatableArray<ModelFact> Facts { get; }

    /// <summary>The sheet of <paramref name="model"/>; <paramref name="defaults"/> gives what applies when a parameter is omitted.</summary>
    public static ModelFactSheet Of(ModelSpec model, CatalogDefaults defaults) => Build(model, defaults);

    /// <summary>
    /// The sheet of <paramref name="model"/> without the catalog's defaults: the one fact that names a default (the
    /// aspect ratio of a model that lists none) leaves it out. The generator uses this, so that a model's file does
    /// not depend on the defaults.
    /// </summary>
    public static ModelFactSheet Of(ModelSpec model) => Build(model, null);

    private static ModelFactSheet Build(ModelSpec model, CatalogDefaults? defaults)
    {
        // Sized exactly: the generator builds a sheet per model inside the compiler.
        int size = model.GenerationTypes.Count + 7
            + (model.Resolution is null ? 0 : 1) + (model.Elements is null ? 0 : 1) + (model.Pricing is null ? 0 : 1)
            + (model.EstimatedTimeSeconds is null ? 0 : 1) + (model.Notes.IsEmpty ? 0 : 1) + (model.Sources.IsEmpty ? 0 : 1);
        var facts = new ModelFact[size];
        int count = 0;
        foreach (GenerationTypeSpec mode in model.GenerationTypes)
        {
            facts[count++] = GenerationType(mode);
        }

        facts[count++] = Prompt(model.PromptMaxLength);
        facts[count++] = Duration(model.Duration);
        facts[count++] = model.Sound ? SoundYes : SoundIgnored;
        facts[count++] = model.NegativePrompt ? NegativePromptYes : NegativePromptIgnored;
        facts[count++] = Quality(model.Quality);
        if (model.Resolution is ResolutionRule resolution)
        {
            facts[count++] = Resolution(resolution);
        }

        if (model.Elements is ElementRules elements)
        {
            facts[count++] = Elements(elements, model.GenerationTypes);
        }

        facts[count++] = AspectRatio(model.AspectRatios, defaults);
        if (model.Pricing is PricingFacts pricing)
        {
            facts[count++] = Pricing(pricing);
        }

        if (model.EstimatedTimeSeconds is int seconds)
        {
            facts[count++] = Plain(FactSubject.ProcessingTime, "processing time", "about " + Count(seconds) + " s");
        }

        if (!model.Notes.IsEmpty)
        {
            string all = model.Notes.Count == 1 ? model.Notes[0] : string.Join(" ", model.Notes);
            facts[count++] = new ModelFact(FactSubject.Notes, "notes", true, all, EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, model.Notes);
        }

        if (!model.Sources.IsEmpty)
        {
            facts[count++] = Plain(FactSubject.Sources, "spec sections", string.Join("; ", model.Sources));
        }

        facts[count] = Certainty(model);
        return new ModelFactSheet(model, new EquatableArray<ModelFact>(facts));
    }

    /// <summary>The first fact about <paramref name="subject"/>, or null when the sheet has none.</summary>
    public ModelFact? Find(FactSubject subject)
    {
        foreach (ModelFact fact in Facts)
        {
            if (fact.Subject == subject)
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary>The fact of the generation type <paramref name="type"/>, or null when the model does not offer it.</summary>
    public ModelFact? FindGenerationType(string type)
    {
        foreach (ModelFact fact in Facts)
        {
            if (fact.Subject == FactSubject.GenerationType && fact.Label == type)
            {
                return fact;
            }
        }

        return null;
    }

    /// <summary><c>image</c> or <c>video</c>.</summary>
    public static string MediaName(MediaKind media) => media == MediaKind.Image ? "image" : "video";

    /// <summary>A whole number as the facts write it: <c>2,500</c>.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A size as the facts write it: <c>10</c>, <c>0.5</c>.</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>What a file must be, without its count or role: <c>PNG/JPG, up to 10 MB, up to 30 s</c>; empty when the catalog says nothing.</summary>
    public static string FileLimits(SourceMediaLimit limit) => MediaDetail(limit, withRoles: false) ?? string.Empty;

    /// <summary>The source media of a generation type: <c>no source media</c>, or one term per kind (<c>exactly 1 image</c>, <c>exactly 1 video (reference-video, MP4/WebM, up to 100 MB, up to 30 s)</c>).</summary>
    private static ModelFact GenerationType(GenerationTypeSpec mode)
    {
        int kinds = (mode.Images is null ? 0 : 1) + (mode.Videos is null ? 0 : 1);
        if (kinds == 0)
        {
            return new ModelFact(FactSubject.GenerationType, mode.Type, true, "no source media", EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, mode.Notes);
        }

        var terms = new FactTerm[kinds];
        int index = 0;
        if (mode.Images is SourceMediaLimit images)
        {
            terms[index++] = new FactTerm(CountOf(images, "image"), MediaDetail(images, withRoles: true));
        }

        if (mode.Videos is SourceMediaLimit videos)
        {
            terms[index] = new FactTerm(CountOf(videos, "video"), MediaDetail(videos, withRoles: true));
        }

        string value = kinds == 1 ? terms[0].ToString() : terms[0] + " + " + terms[1];
        EquatableArray<string> notes = Concat(mode.Notes, mode.Images?.Notes, mode.Videos?.Notes);
        return new ModelFact(FactSubject.GenerationType, mode.Type, true, value, new EquatableArray<FactTerm>(terms), EquatableArray<string>.Empty, notes);
    }

    /// <summary>"every fact above is stated by the spec", or the readings as terms (subject, note).</summary>
    private static ModelFact Certainty(ModelSpec model)
    {
        IReadOnlyList<ModelReading> readings = ModelReadings.Of(model);
        if (readings.Count == 0)
        {
            return AllStated;
        }

        var terms = new FactTerm[readings.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new FactTerm(readings[i].Subject, readings[i].Note);
        }

        return new ModelFact(FactSubject.Certainty, "certainty", true, SomeRead, new EquatableArray<FactTerm>(terms), EquatableArray<string>.Empty, EquatableArray<string>.Empty);
    }

    /// <summary>"exactly 1 image", marked where the count is the catalog's reading: "exactly 1 image (a reading; the spec states at least 1)".</summary>
    private static string CountOf(SourceMediaLimit limit, string kind) => limit.Reading is not null
        ? limit.Describe(kind) + " (a reading; the spec states " + limit.DescribeStatedCount() + ")"
        : limit.Describe(kind);

    private static ModelFact Prompt(int? maxLength) => maxLength is int max
        ? Plain(FactSubject.Prompt, "prompt limit", Count(max) + " characters")
        : PromptNotDocumented;

    private static ModelFact Duration(DurationRule rule) =>
        new(FactSubject.Duration, "duration", rule.IsConfigurable, rule.Describe(), EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, rule.Notes);

    private static ModelFact Flag(FactSubject subject, string label, bool honoured) =>
        new(subject, label, honoured, honoured ? "yes" : Ignored, EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    private static ModelFact Absent(FactSubject subject, string label, string value) =>
        new(subject, label, false, value, EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    private static ModelFact Quality(QualityRule? rule)
    {
        if (rule is null)
        {
            return QualityIgnored;
        }

        var terms = new FactTerm[rule.Values.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new FactTerm(rule.Values[i].Value, rule.Values[i].Meaning);
        }

        var details = new List<string>(2);
        if (rule.Open)
        {
            details.Add("other API values accepted");
        }

        if (rule.MapsTo is string mapsTo)
        {
            details.Add("mapped to " + mapsTo);
        }

        return WithTerms(FactSubject.Quality, "quality", terms, ", ", details, rule.Notes);
    }

    private static ModelFact Resolution(ResolutionRule rule)
    {
        var terms = new FactTerm[rule.Values.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new FactTerm(rule.Values[i], null);
        }

        string carrier = rule.Parameter is string parameter ? "wire parameter " + parameter : "wire parameter not documented";
        return WithTerms(FactSubject.Resolution, "resolution", terms, ", ", new List<string>(1) { carrier }, rule.Notes);
    }

    private static ModelFact Elements(ElementRules rules, EquatableArray<GenerationTypeSpec> modes)
    {
        var image = new StringBuilder();
        Join(image, string.Join("/", rules.ImageFormats));
        if (rules.MinImagePixels is int pixels)
        {
            Join(image, "at least " + Count(pixels) + "×" + Count(pixels) + " px");
        }

        if (rules.MaxImageFileSizeMb is double imageSize)
        {
            Join(image, "up to " + Number(imageSize) + " MB each");
        }

        var terms = new List<FactTerm>(2)
        {
            new(SourceMediaLimit.Describe(rules.MinImages, rules.MaxImages) + " images", image.Length == 0 ? null : image.ToString()),
        };
        if (rules.Videos > 0)
        {
            var video = new StringBuilder();
            Join(video, string.Join("/", rules.VideoFormats));
            if (rules.MaxVideoFileSizeMb is double videoSize)
            {
                Join(video, "up to " + Number(videoSize) + " MB");
            }

            terms.Add(new FactTerm(SourceMediaLimit.Describe(rules.Videos, rules.Videos) + (rules.Videos == 1 ? " video" : " videos"), video.Length == 0 ? null : video.ToString()));
        }

        var usable = new List<string>(modes.Count);
        foreach (GenerationTypeSpec mode in modes)
        {
            if (mode.ElementsRequireImages is int needed)
            {
                usable.Add(mode.Type + " with " + Count(needed) + (needed == 1 ? " image" : " images"));
            }
        }

        string value = string.Join(" or ", terms) + (usable.Count == 0 ? string.Empty : "; usable in " + string.Join(", ", usable));
        return new ModelFact(FactSubject.Elements, "kling_elements", true, value, terms.ToEquatableArray(), usable.ToEquatableArray(), rules.Notes);
    }

    private static ModelFact AspectRatio(EquatableArray<string> ratios, CatalogDefaults? defaults)
    {
        if (ratios.IsEmpty)
        {
            return defaults is null ? AnyAspectRatio : Absent(FactSubject.AspectRatio, "aspect_ratio", "any W:H (default " + defaults.AspectRatio + ")");
        }

        var terms = new FactTerm[ratios.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = new FactTerm(ratios[i], null);
        }

        return WithTerms(FactSubject.AspectRatio, "aspect_ratio", terms, ", ", null, EquatableArray<string>.Empty);
    }

    /// <summary>Credits per second when the catalog has a figure; the pricing notes either way.</summary>
    private static ModelFact Pricing(PricingFacts pricing) => pricing.CreditsPerSecond is double credits
        ? new ModelFact(FactSubject.Pricing, "pricing", true, Number(credits) + " credits per second of output", EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, pricing.Notes)
        : new ModelFact(FactSubject.Pricing, "pricing", false, "no figure documented", EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, pricing.Notes);

    private static ModelFact Plain(FactSubject subject, string label, string value) =>
        new(subject, label, true, value, EquatableArray<FactTerm>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>A fact whose value is its terms joined, then its details after semicolons: <c>basic, high; other API values accepted</c>.</summary>
    private static ModelFact WithTerms(FactSubject subject, string label, FactTerm[] terms, string separator, List<string>? details, EquatableArray<string> notes)
    {
        var value = new StringBuilder();
        for (int i = 0; i < terms.Length; i++)
        {
            if (i > 0)
            {
                value.Append(separator);
            }

            value.Append(terms[i].ToString());
        }

        if (details is not null)
        {
            foreach (string detail in details)
            {
                value.Append("; ").Append(detail);
            }
        }

        return new ModelFact(
            subject,
            label,
            true,
            value.ToString(),
            new EquatableArray<FactTerm>(terms),
            details is null ? EquatableArray<string>.Empty : new EquatableArray<string>(details.ToArray()),
            notes);
    }

    /// <summary>Roles, formats, size and length of one kind of source media: <c>start-frame + end-frame, PNG/JPG, up to 10 MB</c>, or null.</summary>
    private static string? MediaDetail(SourceMediaLimit limit, bool withRoles)
    {
        bool roles = withRoles && !limit.Roles.IsEmpty;
        if (!roles && limit.Formats.IsEmpty && limit.MaxFileSizeMb is null && limit.MaxDurationSeconds is null)
        {
            return null; // most limits: nothing to say, nothing allocated
        }

        var detail = new StringBuilder();
        if (roles)
        {
            Join(detail, string.Join(" + ", limit.Roles));
        }

        Join(detail, string.Join("/", limit.Formats));
        // With the spec's hedge where it gives one ("typically up to 100 MB"): a hedged size is not a hard limit.
        if (ModelReadings.DescribeMaxFileSize(limit) is string size)
        {
            Join(detail, size);
        }

        if (limit.MaxDurationSeconds is int seconds)
        {
            Join(detail, "up to " + Count(seconds) + " s");
        }

        return detail.ToString();
    }

    private static void Join(StringBuilder builder, string part)
    {
        if (part.Length == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(", ");
        }

        builder.Append(part);
    }

    private static EquatableArray<string> Concat(EquatableArray<string> first, EquatableArray<string>? second, EquatableArray<string>? third)
    {
        int count = first.Count + (second?.Count ?? 0) + (third?.Count ?? 0);
        if (count == first.Count)
        {
            return first;
        }

        var all = new string[count];
        int index = Copy(first, all, 0);
        index = second is EquatableArray<string> s ? Copy(s, all, index) : index;
        _ = third is EquatableArray<string> t ? Copy(t, all, index) : index;
        return new EquatableArray<string>(all);
    }

    private static int Copy(EquatableArray<string> notes, string[] target, int index)
    {
        foreach (string note in notes)
        {
            target[index++] = note;
        }

        return index;
    }
}
