using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Wire;

namespace MediaModels.Catalog.Rules;

/// <summary>
/// The one implementation of every request rule (MM0001–MM0404). The analyzers, the runtime validator, the
/// command line and the sandbox server all ask it. It decides only what the facts allow: a value known only at
/// run time is skipped, never guessed. A valid request allocates nothing.
/// </summary>
/// <remarks>
/// Certainty: a fact the catalog records as its reading of the spec (<see cref="ModelSpec.Readings"/>,
/// <see cref="SourceMediaLimit.Reading"/>) is not the spec's word, so a request that breaks only the reading gets the
/// rule's ID as a warning whose message ends with the reading's note; breaking what the spec states stays the rule's
/// severity. A model id the catalog does not know is an error only when it is a near miss of one it does (MM0001);
/// otherwise it is MM0008, a warning, and only the service-wide rules apply.
/// </remarks>
public sealed class RuleEngine
{
    private static readonly Violation[] None = Array.Empty<Violation>();

    /// <summary>Creates an engine over <paramref name="catalog"/>.</summary>
    public RuleEngine(ModelCatalog catalog) => Catalog = catalog;

    /// <summary>The catalog the rules read.</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>Every violation in <paramref name="request"/>, in rule order; an empty array when there is none.</summary>
    public IReadOnlyList<Violation> Check(in RequestFacts request)
    {
        List<Violation>? found = null;
        Check(request, ref found);
        return found is null ? None : found;
    }

    /// <summary>Adds every violation in <paramref name="request"/> to <paramref name="found"/>, creating the list on the first one.</summary>
    public void Check(in RequestFacts request, ref List<Violation>? found)
    {
        var sink = new Sink(found);
        ModelSpec? model = CheckModel(request, ref sink, out bool notCatalogued);
        GenerationTypeSpec? mode = model is null ? null : CheckGenerationType(model, request, ref sink);
        CheckPrompt(model, request, ref sink);
        CheckUrls(request, ref sink);
        CheckAspectRatio(model, Catalog.Defaults, request, ref sink);
        if (notCatalogued)
        {
            CheckServiceWide(Catalog.Defaults, request, ref sink);
        }

        if (model is not null)
        {
            CheckIgnoredParameters(model, request, ref sink);
            CheckDuration(model, request, ref sink);
            CheckQuality(model, request, ref sink);
            if (mode is not null)
            {
                CheckSourceMedia(model, mode, Catalog.Defaults, request, ref sink);
            }

            CheckElements(model, mode, request, ref sink);
        }

        found = sink.List;
    }

    private ModelSpec? CheckModel(in RequestFacts request, ref Sink sink, out bool notCatalogued)
    {
        notCatalogued = false;
        if (request.Model.State == FactState.Absent || (request.Model.IsKnown && request.Model.Value!.Length == 0))
        {
            sink.Add(MediaRules.UnknownModel, WirePaths.Model, "model is required: name one of the catalog's model ids.");
            return null;
        }

        if (!request.Model.IsKnown)
        {
            return null;
        }

        ModelSpec? model = Catalog.Find(request.Model.Value);
        if (model is null && CheckModelId(request.Model.Value!) is Violation violation)
        {
            notCatalogued = true;
            sink.Add(violation);
        }

        return model;
    }

    /// <summary>
    /// What the rules say about <paramref name="id"/> alone: null for a catalogued id; MM0001 (an error, suggesting the
    /// id) for a near miss of a catalogued one (<see cref="ModelCatalog.TypoDistance"/>); otherwise MM0008, a warning that
    /// the catalog does not know the id and how to teach it.
    /// </summary>
    public Violation? CheckModelId(string id)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        if (Catalog.Find(id) is not null)
        {
            return null;
        }

        if (Catalog.NearMissOf(id) is string typo)
        {
            return new Violation(MediaRules.UnknownModel.Id, MediaRules.UnknownModel.DefaultSeverity, WirePaths.Model, $"Unknown model '{id}'. Did you mean '{typo}'?", typo);
        }

        string? parent = Catalog.VariantParentOf(id);
        string? nearest = parent is null ? Catalog.SuggestId(id) : null;
        string known = parent is not null ? $" (it may be one of the variants of {parent} the spec mentions without naming)"
            : nearest is not null ? $" (the nearest catalogued id is '{nearest}')"
            : string.Empty;
        return new Violation(MediaRules.ModelNotInCatalog.Id, MediaRules.ModelNotInCatalog.DefaultSeverity, WirePaths.Model,
            $"The catalog does not know model '{id}'{known}, so only the service-wide rules are checked. If the service offers it, " +
            "teach the catalog: 'mediamodels drift --write-overlay FILE' drafts an overlay from get_models; review it and pass it with --catalog FILE or as a <MediaModelsCatalog> item.");
    }

    /// <summary>
    /// The rules the spec states for every model, checked when the model is not in the catalog: generation_type is one
    /// of the four values; image-to-video and image-to-image need source_media_urls; images are in the common formats.
    /// </summary>
    private static void CheckServiceWide(CatalogDefaults defaults, in RequestFacts request, ref Sink sink)
    {
        string? type = request.GenerationType.State switch
        {
            FactState.Absent => defaults.GenerationType,
            FactState.Known => request.GenerationType.Value,
            _ => null,
        };
        if (type is not null && !GenerationTypes.IsKnown(type))
        {
            sink.Add(MediaRules.GenerationTypeNotOffered, WirePaths.GenerationType, $"'{type}' is not a generation type; use one of: {string.Join(", ", GenerationTypes.All)}.", null);
            type = null;
        }

        bool needsMedia = type is GenerationTypes.ImageToVideo or GenerationTypes.ImageToImage;
        if (needsMedia && (request.SourceMediaUrls.State == FactState.Absent || request.SourceMediaUrls.Value is { Count: 0 }))
        {
            sink.Add(MediaRules.WrongSourceMediaCount, WirePaths.SourceMediaUrls, $"{type} needs source_media_urls (the spec requires them for image-to-video and image-to-image), and none were sent.");
        }

        if (request.SourceMediaUrls.Value is { } urls && defaults.ImageInput is { Formats.IsEmpty: false } common)
        {
            for (int i = 0; i < urls.Count; i++)
            {
                if (urls[i] is string url && MediaUrl.KindOf(url) == UrlMediaKind.Image && !MediaUrl.HasFormat(url, common.Formats))
                {
                    sink.Add(MediaRules.FormatNotAccepted, WirePaths.SourceMediaUrl(i), CommonFormatMessage(url, common, "the model is not in the catalog"));
                }
            }
        }
    }

    private GenerationTypeSpec? CheckGenerationType(ModelSpec model, in RequestFacts request, ref Sink sink)
    {
        if (request.GenerationType.State == FactState.Unknown)
        {
            return null;
        }

        bool omitted = !request.GenerationType.IsPresent;
        string type = omitted ? Catalog.Defaults.GenerationType : request.GenerationType.Value!;
        GenerationTypeSpec? mode = model.FindGenerationType(type);
        if (mode is not null)
        {
            return mode;
        }

        string offered = string.Join(", ", model.GenerationTypes.Select(t => t.Type));
        string suggestion = model.GenerationTypes[0].Type;
        string message = omitted
            ? $"generation_type is omitted, so the service assumes {type}, which {model.Id} does not offer; set it to one of: {offered}."
            : GenerationTypes.IsKnown(type)
                ? $"{model.Id} does not offer {type}; it offers: {offered}."
                : $"'{type}' is not a generation type; {model.Id} offers: {offered}.";

        // A read list of modes leaves only modes of the model's own media in doubt: an image mode on a video model is not.
        string? reading = GenerationTypes.IsKnown(type) && GenerationTypes.OutputOf(type) == model.Media ? model.ReadingOf(FactKeys.GenerationTypes) : null;
        sink.Add(MediaRules.GenerationTypeNotOffered, WirePaths.GenerationType, message, suggestion, reading);
        return null;
    }

    private static void CheckPrompt(ModelSpec? model, in RequestFacts request, ref Sink sink)
    {
        if (request.Prompt.State == FactState.Unknown)
        {
            return;
        }

        string? prompt = request.Prompt.Value;
        if (prompt is null || PromptText.IsBlank(prompt))
        {
            sink.Add(MediaRules.EmptyPrompt, WirePaths.Prompt, prompt is null ? "prompt is required: describe what to generate." : "prompt is empty: describe what to generate.");
            return;
        }

        if (model?.PromptMaxLength is int limit)
        {
            int length = PromptText.Length(prompt);
            if (length > limit)
            {
                sink.Add(MediaRules.PromptTooLong, WirePaths.Prompt, $"The prompt has {length:N0} characters; {model.Id} accepts at most {limit:N0}.", reading: model.ReadingOf(FactKeys.PromptMaxLength));
            }
        }
    }

    private static void CheckUrls(in RequestFacts request, ref Sink sink)
    {
        if (request.SourceMediaUrls.Value is { } urls)
        {
            for (int i = 0; i < urls.Count; i++)
            {
                if (urls[i] is string url && !MediaUrl.IsAbsoluteHttp(url))
                {
                    sink.Add(MediaRules.NotHttpUrl, WirePaths.SourceMediaUrl(i), $"'{url}' is not an absolute http(s) URL; the service must be able to fetch it.");
                }
            }
        }
    }

    private static void CheckAspectRatio(ModelSpec? model, CatalogDefaults defaults, in RequestFacts request, ref Sink sink)
    {
        if (!request.AspectRatio.IsKnown)
        {
            return;
        }

        string ratio = request.AspectRatio.Value!;
        if (!IsAspectRatio(ratio))
        {
            sink.Add(MediaRules.MalformedAspectRatio, WirePaths.AspectRatio, $"'{ratio}' is not an aspect ratio; write two positive whole numbers with a colon, e.g. {defaults.AspectRatio} or 16:9.");
            return;
        }

        if (model is { AspectRatios.IsEmpty: false } && model.AspectRatios.AsSpan().IndexOf(ratio) < 0)
        {
            sink.Add(MediaRules.AspectRatioNotOffered, WirePaths.AspectRatio, $"{model.Id} does not offer aspect ratio {ratio}; it offers: {string.Join(", ", model.AspectRatios)}.", model.AspectRatios[0]);
        }
    }

    /// <summary>
    /// The error one value of <paramref name="parameter"/> (<c>duration</c>, <c>quality</c> or <c>aspect_ratio</c>) gets by
    /// itself on <paramref name="model"/>, or null when the value is allowed: the check the generated value types
    /// (<c>Duration.FromSeconds</c>, <c>Quality.FromValue</c>, <c>AspectRatio.Parse</c>) ask for, so they judge a value
    /// exactly as the validator judges it in a request.
    /// </summary>
    /// <param name="model">The model, or null for a model-independent check (the aspect ratio's form).</param>
    /// <param name="parameter">One of <see cref="WireParameters.Duration"/>, <see cref="WireParameters.Quality"/>, <see cref="WireParameters.AspectRatio"/>.</param>
    /// <param name="value">The wire value (<c>5s</c>, <c>hd</c>, <c>16:9</c>).</param>
    /// <param name="defaults">The catalog's service defaults (for the message's example).</param>
    public static Violation? CheckValue(ModelSpec? model, WireParameter parameter, string value, CatalogDefaults defaults)
    {
        RequestFacts request = default(RequestFacts).WithString(parameter.Fact, value);
        var sink = new Sink(null);
        if (parameter == WireParameters.AspectRatio)
        {
            CheckAspectRatio(model, defaults, request, ref sink);
        }
        else if (model is not null && parameter == WireParameters.Duration)
        {
            CheckDuration(model, request, ref sink);
        }
        else if (model is not null && parameter == WireParameters.Quality)
        {
            CheckQuality(model, request, ref sink);
        }

        if (sink.List is { } found)
        {
            foreach (Violation violation in found)
            {
                if (violation.Severity == Severity.Error)
                {
                    return violation;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The error rules whose violations become warnings where the catalog's limit is a reading of the spec: modes
    /// (a read list of generation types), prompt limits, durations, quality values and source-media counts.
    /// </summary>
    public static IReadOnlyList<RuleDescriptor> RulesSoftenedByReadings { get; } = new[]
    {
        MediaRules.GenerationTypeNotOffered, MediaRules.PromptTooLong, MediaRules.DurationNotAllowed, MediaRules.QualityNotAllowed, MediaRules.WrongSourceMediaCount,
    };

    /// <summary>
    /// What a message says before the note of the reading a request breaks: the limit is the catalog's reading of the
    /// spec, not the spec's word, so the violation is a warning.
    /// </summary>
    public const string ReadingPrefix = "This is the catalog's reading of the spec, not a stated limit, so it is a warning: ";

    /// <summary>The largest side of an aspect ratio: five digits.</summary>
    public const int MaxAspectRatioSide = 99999;

    /// <summary>True for <c>W:H</c> with positive whole numbers.</summary>
    public static bool IsAspectRatio(string ratio)
    {
        int colon = ratio.IndexOf(':');
        return colon > 0 && IsPositiveNumber(ratio, 0, colon) && IsPositiveNumber(ratio, colon + 1, ratio.Length);

        static bool IsPositiveNumber(string text, int start, int end)
        {
            if (end - start is < 1 or > 5)
            {
                return false;
            }

            bool nonZero = false;
            for (int i = start; i < end; i++)
            {
                if (text[i] is < '0' or > '9')
                {
                    return false;
                }

                nonZero |= text[i] != '0';
            }

            return nonZero;
        }
    }

    private static void CheckIgnoredParameters(ModelSpec model, in RequestFacts request, ref Sink sink)
    {
        if (!model.Sound && request.Sound.State == FactState.Known && request.Sound.Value)
        {
            sink.Add(MediaRules.SoundIgnored, WirePaths.Sound,
                model.Media == MediaKind.Image ? $"{model.Id} is an image model and ignores sound." : $"{model.Id} has no audio and ignores sound.",
                reading: model.ReadingOf(FactKeys.Sound));
        }
        else if (!model.Sound && request.Sound.State == FactState.Unknown)
        {
            sink.Add(MediaRules.SoundIgnored, WirePaths.Sound, $"{model.Id} has no audio and ignores sound.", reading: model.ReadingOf(FactKeys.Sound));
        }

        if (!model.NegativePrompt && request.NegativePrompt.IsPresent)
        {
            sink.Add(MediaRules.NegativePromptIgnored, WirePaths.NegativePrompt, $"{model.Id} ignores negative_prompt.", reading: model.ReadingOf(FactKeys.NegativePrompt));
        }
    }

    private static void CheckDuration(ModelSpec model, in RequestFacts request, ref Sink sink)
    {
        if (!request.Duration.IsPresent)
        {
            return;
        }

        DurationRule rule = model.Duration;
        if (!rule.IsConfigurable)
        {
            string why = rule.Kind switch
            {
                DurationKind.Fixed => $"{model.Id} always makes {DurationRule.Format(rule.Fixed ?? 0)} videos and ignores duration.",
                DurationKind.NotConfigurable => $"{model.Id}'s duration is not set through this parameter; it is ignored.",
                _ => model.Media == MediaKind.Image ? $"{model.Id} is an image model and ignores duration." : $"{model.Id} does not use duration; it is ignored.",
            };
            sink.Add(MediaRules.DurationIgnored, WirePaths.Duration, why, reading: model.ReadingOf(FactKeys.Duration));
            return;
        }

        if (!request.Duration.IsKnown)
        {
            return;
        }

        string value = request.Duration.Value!;
        if (DurationRule.TryParse(value, out int seconds) && rule.Allows(seconds))
        {
            return;
        }

        int? nearest = DurationRule.TryParse(value, out seconds) ? rule.Nearest(seconds) : null;
        sink.Add(MediaRules.DurationNotAllowed, WirePaths.Duration,
            $"{model.Id} does not accept duration '{value}'; allowed: {rule.Describe()}." + (nearest is int n ? $" Nearest: {DurationRule.Format(n)}." : string.Empty),
            nearest is int near ? DurationRule.Format(near) : null,
            model.ReadingOf(FactKeys.Duration));
    }

    private static void CheckQuality(ModelSpec model, in RequestFacts request, ref Sink sink)
    {
        if (!request.Quality.IsPresent)
        {
            return;
        }

        if (model.Quality is not QualityRule rule)
        {
            string extra = model.Resolution is not null ? $" It takes a resolution ({string.Join("/", model.Resolution.Values)}) instead." : string.Empty;
            sink.Add(MediaRules.QualityIgnored, WirePaths.Quality, $"{model.Id} ignores quality.{extra}", reading: model.ReadingOf(FactKeys.Quality));
            return;
        }

        if (request.Quality.IsKnown && !rule.Allows(request.Quality.Value!))
        {
            sink.Add(MediaRules.QualityNotAllowed, WirePaths.Quality,
                $"{model.Id} does not accept quality '{request.Quality.Value}'; allowed: {string.Join(", ", rule.Values.Select(v => v.Value))}.",
                rule.Values.IsEmpty ? null : rule.Values[0].Value,
                model.ReadingOf(FactKeys.Quality));
        }
    }

    private static void CheckSourceMedia(ModelSpec model, GenerationTypeSpec mode, CatalogDefaults defaults, in RequestFacts request, ref Sink sink)
    {
        if (!request.SourceMediaUrls.IsPresent)
        {
            if (mode.MinTotal > 0)
            {
                sink.Add(MediaRules.WrongSourceMediaCount, WirePaths.SourceMediaUrls, $"{model.Id} {mode.Type} needs {DescribeInputs(mode)} in source_media_urls, and none were sent.",
                    reading: CountReadingOf(mode, 0));
            }

            return;
        }

        IReadOnlyList<string?>? urls = request.SourceMediaUrls.Value;
        if (mode.TakesNoMedia)
        {
            if (urls is null || urls.Count > 0)
            {
                sink.Add(MediaRules.SourceMediaNotTaken, WirePaths.SourceMediaUrls, $"{model.Id} {mode.Type} takes no source media; remove source_media_urls.");
            }

            return;
        }

        if (urls is null)
        {
            return;
        }

        int count = urls.Count;
        if (count < mode.MinTotal || (mode.MaxTotal is int max && count > max))
        {
            string? reading = CountReadingOf(mode, count);
            sink.Add(MediaRules.WrongSourceMediaCount, WirePaths.SourceMediaUrls,
                $"{model.Id} {mode.Type} takes {DescribeInputs(mode)}{(reading is null ? string.Empty : " as the catalog reads the spec")}; {count} URL{(count == 1 ? " was" : "s were")} sent.",
                reading: reading);
        }

        // Kinds by extension: an input of a kind the mode does not take, or more of one kind than it takes.
        int images = 0;
        int videos = 0;
        for (int i = 0; i < urls.Count; i++)
        {
            if (urls[i] is not string url)
            {
                continue;
            }

            UrlMediaKind kind = MediaUrl.KindOf(url);
            if (kind == UrlMediaKind.Video)
            {
                videos++;
                if (mode.Videos is null || (mode.Videos.Max is int maxVideos && videos > maxVideos))
                {
                    sink.Add(MediaRules.MediaKindMismatch, WirePaths.SourceMediaUrl(i),
                        mode.Videos is null
                            ? $"'{url}' looks like a video, but {model.Id} {mode.Type} takes images only."
                            : $"'{url}' looks like a video, but {model.Id} {mode.Type} takes {mode.Videos.Describe("video")}; an image is expected here.");
                }
                else
                {
                    CheckFormat(model, mode.Videos, null, url, i, ref sink);
                }
            }
            else if (kind == UrlMediaKind.Image)
            {
                images++;
                if (mode.Images is null || (mode.Images.Max is int maxImages && images > maxImages && mode.Videos is not null))
                {
                    sink.Add(MediaRules.MediaKindMismatch, WirePaths.SourceMediaUrl(i),
                        mode.Images is null
                            ? $"'{url}' looks like an image, but {model.Id} {mode.Type} takes videos only."
                            : $"'{url}' looks like an image, but {model.Id} {mode.Type} takes {mode.Images.Describe("image")} and a reference video is expected here.");
                }
                else
                {
                    CheckFormat(model, mode.Images, defaults.ImageInput, url, i, ref sink);
                }
            }
        }
    }

    /// <summary>
    /// The URL's format against the input's own list, or, for an image input that lists none, against the formats the
    /// spec says most models accept (<paramref name="common"/>).
    /// </summary>
    private static void CheckFormat(ModelSpec model, SourceMediaLimit limit, SourceMediaLimit? common, string url, int index, ref Sink sink)
    {
        if (!limit.Formats.IsEmpty)
        {
            if (!MediaUrl.HasFormat(url, limit.Formats))
            {
                sink.Add(MediaRules.FormatNotAccepted, WirePaths.SourceMediaUrl(index),
                    $"'{url}' is not in a format {model.Id} lists for this input ({string.Join(", ", limit.Formats)}).");
            }
        }
        else if (common is { Formats.IsEmpty: false } && !MediaUrl.HasFormat(url, common.Formats))
        {
            sink.Add(MediaRules.FormatNotAccepted, WirePaths.SourceMediaUrl(index), CommonFormatMessage(url, common, $"{model.Id} lists no formats of its own"));
        }
    }

    private static string CommonFormatMessage(string url, SourceMediaLimit common, string why) =>
        $"'{url}' is not in a format {common.HedgeOf(FactKeys.Formats) ?? "the service"} accept{(common.HedgeOf(FactKeys.Formats) is null ? "s" : string.Empty)} ({string.Join(", ", common.Formats)}), and {why}.";

    /// <summary>
    /// The note of the reading that refuses <paramref name="count"/> URLs in <paramref name="mode"/>, or null when the
    /// count also breaks what the spec states (the stated counts of each input, and that image-to-video and image-to-image
    /// need source media at all).
    /// </summary>
    private static string? CountReadingOf(GenerationTypeSpec mode, int count)
    {
        if (mode.Images?.Reading is null && mode.Videos?.Reading is null)
        {
            return null;
        }

        bool needsMedia = mode.Type is GenerationTypes.ImageToVideo or GenerationTypes.ImageToImage;
        int statedMin = (mode.Images?.StatedMin ?? 0) + (mode.Videos?.StatedMin ?? 0);
        int? statedMax = (mode.Images is { StatedMax: null } || mode.Videos is { StatedMax: null }) ? null : (mode.Images?.StatedMax ?? 0) + (mode.Videos?.StatedMax ?? 0);
        if (count < statedMin || (statedMax is int max && count > max) || (needsMedia && count == 0))
        {
            return null;
        }

        return string.Join(" ", new[] { mode.Images?.Reading?.Note, mode.Videos?.Reading?.Note }.Where(n => n is not null));
    }

    private static string DescribeInputs(GenerationTypeSpec mode)
    {
        string images = mode.Images?.Describe("image") ?? string.Empty;
        string videos = mode.Videos?.Describe("video") ?? string.Empty;
        string roles = string.Join(" + ", (mode.Images?.Roles ?? EquatableArray<string>.Empty).Concat(mode.Videos?.Roles ?? EquatableArray<string>.Empty));
        string both = images.Length > 0 && videos.Length > 0 ? $"{images} + {videos}" : images + videos;
        return roles.Length > 0 ? $"{both} ({roles})" : both;
    }

    private static void CheckElements(ModelSpec model, GenerationTypeSpec? mode, in RequestFacts request, ref Sink sink)
    {
        if (!request.KlingElements.IsPresent)
        {
            return;
        }

        IReadOnlyList<IElementFacts>? elements = request.KlingElements.Value;
        if (elements is { Count: 0 })
        {
            return;
        }

        if (model.Elements is not ElementRules rules)
        {
            sink.Add(MediaRules.ElementsNotSupported, WirePaths.KlingElements, $"{model.Id} does not take kling_elements; only Kling 3.0 models (kling-3-0-std, kling-3-0-pro) do.");
            return;
        }

        if (mode is not null)
        {
            if (mode.ElementsRequireImages is not int required)
            {
                sink.Add(MediaRules.ElementsWithoutPicture, WirePaths.KlingElements, $"{model.Id} cannot use elements in {mode.Type}.");
            }
            else if (request.SourceMediaUrls.State != FactState.Unknown)
            {
                int sent = request.SourceMediaUrls.Value?.Count ?? 0;
                if (sent < required)
                {
                    sink.Add(MediaRules.ElementsWithoutPicture, WirePaths.KlingElements,
                        $"Elements on {model.Id} {mode.Type} need {required} image{(required == 1 ? string.Empty : "s")} in source_media_urls ({(required == 1 ? "a picture" : "first and last frame")}); {sent} {(sent == 1 ? "was" : "were")} sent.");
                }
            }
        }

        if (elements is null)
        {
            return;
        }

        for (int i = 0; i < elements.Count; i++)
        {
            CheckElement(model, rules, elements[i], i, ref sink);
        }

        CheckReferences(model, elements, request, ref sink);
    }

    private static void CheckElement(ModelSpec model, ElementRules rules, IElementFacts element, int index, ref Sink sink)
    {
        if (element.Name.State == FactState.Absent || (element.Name.IsKnown && PromptText.IsBlank(element.Name.Value!)))
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.ElementMember(index, WireNames.ElementName), "Each element needs a name (referenced in the prompt as @name).");
        }

        if (element.Description.State == FactState.Absent || (element.Description.IsKnown && PromptText.IsBlank(element.Description.Value!)))
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.ElementMember(index, WireNames.ElementDescription), "Each element needs a description.");
        }

        bool hasImages = element.ImageUrls.IsPresent;
        bool hasVideos = element.VideoUrls.IsPresent;
        if (hasImages && hasVideos)
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.Element(index), "An element has either element_input_urls (images) or element_input_video_urls (one video), not both.");
        }
        else if (!hasImages && !hasVideos)
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.Element(index), $"An element needs element_input_urls ({rules.MinImages}–{rules.MaxImages} images) or element_input_video_urls ({rules.Videos} video).");
        }
        else if (element.ImageUrls.Value is { } imageUrls && (imageUrls.Count < rules.MinImages || imageUrls.Count > rules.MaxImages))
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.ElementMember(index, WireNames.ElementInputUrls), $"An image element takes {rules.MinImages}–{rules.MaxImages} image URLs; {imageUrls.Count} were sent.");
        }
        else if (element.VideoUrls.Value is { } videoUrls && videoUrls.Count != rules.Videos)
        {
            sink.Add(MediaRules.MalformedElement, WirePaths.ElementMember(index, WireNames.ElementInputVideoUrls), $"A video element takes exactly {rules.Videos} video URL; {videoUrls.Count} were sent.");
        }

        CheckElementUrls(model, element.ImageUrls.Value, UrlMediaKind.Image, rules.ImageFormats, index, WireNames.ElementInputUrls, ref sink);
        CheckElementUrls(model, element.VideoUrls.Value, UrlMediaKind.Video, rules.VideoFormats, index, WireNames.ElementInputVideoUrls, ref sink);
    }

    private static void CheckElementUrls(ModelSpec model, IReadOnlyList<string?>? urls, UrlMediaKind expected, EquatableArray<string> formats, int index, string member, ref Sink sink)
    {
        if (urls is null)
        {
            return;
        }

        for (int i = 0; i < urls.Count; i++)
        {
            if (urls[i] is not string url)
            {
                continue;
            }

            UrlMediaKind kind = MediaUrl.KindOf(url);
            if (!MediaUrl.IsAbsoluteHttp(url))
            {
                sink.Add(MediaRules.NotHttpUrl, ElementUrlPath(index, member, i), $"'{url}' is not an absolute http(s) URL; the service must be able to fetch it.");
            }
            else if (kind != UrlMediaKind.Unknown && kind != expected)
            {
                sink.Add(MediaRules.MediaKindMismatch, ElementUrlPath(index, member, i), $"'{url}' looks like {(kind == UrlMediaKind.Video ? "a video" : "an image")}, but {member} takes {(expected == UrlMediaKind.Video ? "a video" : "images")}.");
            }
            else if (!MediaUrl.HasFormat(url, formats))
            {
                sink.Add(MediaRules.FormatNotAccepted, ElementUrlPath(index, member, i), $"'{url}' is not in a format {model.Id} lists for element inputs ({string.Join(", ", formats)}).");
            }
        }
    }

    private static string ElementUrlPath(int element, string member, int index) => $"{WirePaths.ElementMember(element, member)}[{index}]";

    private static void CheckReferences(ModelSpec model, IReadOnlyList<IElementFacts> elements, in RequestFacts request, ref Sink sink)
    {
        if (!request.Prompt.IsKnown)
        {
            return;
        }

        // A name known only at run time could match anything: stay silent rather than guess.
        for (int i = 0; i < elements.Count; i++)
        {
            if (elements[i].Name.State == FactState.Unknown)
            {
                return;
            }
        }

        string prompt = request.Prompt.Value!;
        int position = 0;
        while (PromptText.TryFindReference(prompt, ref position, out int start, out int length))
        {
            bool declared = false;
            for (int i = 0; i < elements.Count; i++)
            {
                if (elements[i].Name.Value is string name && PromptText.NameEquals(prompt, start, length, name))
                {
                    declared = true;
                    break;
                }
            }

            if (!declared)
            {
                string reference = prompt.Substring(start, length);
                string names = string.Join(", ", elements.Select(e => e.Name.Value).Where(n => n is not null).Select(n => "@" + n));
                sink.Add(MediaRules.UndeclaredElementReference, WirePaths.Prompt,
                    $"The prompt names @{reference}, but no element of this {model.Id} request is called '{reference}'" + (names.Length > 0 ? $" (declared: {names})." : "."));
            }
        }
    }

    /// <summary>Collects violations; the list exists only once something is wrong.</summary>
    private struct Sink
    {
        public Sink(List<Violation>? list) => List = list;

        public List<Violation>? List { get; private set; }

        /// <summary>
        /// Adds a violation of <paramref name="rule"/>. With a <paramref name="reading"/> (the note of the catalog's reading
        /// the request breaks) it is a warning whatever the rule's default, and the message ends with the note.
        /// </summary>
        public void Add(RuleDescriptor rule, string path, string message, string? suggestion = null, string? reading = null)
        {
            List ??= new List<Violation>();
            List.Add(reading is null
                ? new Violation(rule.Id, rule.DefaultSeverity, path, message, suggestion)
                : new Violation(rule.Id, Severity.Warning, path, message + " " + ReadingPrefix + reading, suggestion));
        }

        public void Add(Violation violation)
        {
            List ??= new List<Violation>();
            List.Add(violation);
        }
    }
}
