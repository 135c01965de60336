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
        ModelSpec? model = CheckModel(request, ref sink);
        GenerationTypeSpec? mode = model is null ? null : CheckGenerationType(model, request, ref sink);
        CheckPrompt(model, request, ref sink);
        CheckUrls(request, ref sink);
        CheckAspectRatio(model, Catalog.Defaults, request, ref sink);
        if (model is not null)
        {
            CheckIgnoredParameters(model, request, ref sink);
            CheckDuration(model, request, ref sink);
            CheckQuality(model, request, ref sink);
            if (mode is not null)
            {
                CheckSourceMedia(model, mode, request, ref sink);
            }

            CheckElements(model, mode, request, ref sink);
        }

        found = sink.List;
    }

    private ModelSpec? CheckModel(in RequestFacts request, ref Sink sink)
    {
        if (request.Model.State == FactState.Absent || (request.Model.IsKnown && request.Model.Value!.Length == 0))
        {
            sink.Add(MediaRules.UnknownModel, WirePaths.Model, "model is required: name one of the catalog's model ids.");
            return null;
        }

        if (!request.Model.IsKnown)
        {
            return null;
        }

        string id = request.Model.Value!;
        ModelSpec? model = Catalog.Find(id);
        if (model is null)
        {
            string? nearest = Catalog.SuggestId(id);
            sink.Add(MediaRules.UnknownModel, WirePaths.Model,
                $"Unknown model '{id}'." + (nearest is null ? " Run 'mediamodels models' for the list." : $" Did you mean '{nearest}'?"),
                nearest);
        }

        return model;
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
        sink.Add(MediaRules.GenerationTypeNotOffered, WirePaths.GenerationType, message, suggestion);
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
                sink.Add(MediaRules.PromptTooLong, WirePaths.Prompt, $"The prompt has {length:N0} characters; {model.Id} accepts at most {limit:N0}.");
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
                model.Media == MediaKind.Image ? $"{model.Id} is an image model and ignores sound." : $"{model.Id} has no audio and ignores sound.");
        }
        else if (!model.Sound && request.Sound.State == FactState.Unknown)
        {
            sink.Add(MediaRules.SoundIgnored, WirePaths.Sound, $"{model.Id} has no audio and ignores sound.");
        }

        if (!model.NegativePrompt && request.NegativePrompt.IsPresent)
        {
            sink.Add(MediaRules.NegativePromptIgnored, WirePaths.NegativePrompt, $"{model.Id} ignores negative_prompt.");
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
            sink.Add(MediaRules.DurationIgnored, WirePaths.Duration, why);
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
            nearest is int near ? DurationRule.Format(near) : null);
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
            sink.Add(MediaRules.QualityIgnored, WirePaths.Quality, $"{model.Id} ignores quality.{extra}");
            return;
        }

        if (request.Quality.IsKnown && !rule.Allows(request.Quality.Value!))
        {
            sink.Add(MediaRules.QualityNotAllowed, WirePaths.Quality,
                $"{model.Id} does not accept quality '{request.Quality.Value}'; allowed: {string.Join(", ", rule.Values.Select(v => v.Value))}.",
                rule.Values.IsEmpty ? null : rule.Values[0].Value);
        }
    }

    private static void CheckSourceMedia(ModelSpec model, GenerationTypeSpec mode, in RequestFacts request, ref Sink sink)
    {
        if (!request.SourceMediaUrls.IsPresent)
        {
            if (mode.MinTotal > 0)
            {
                sink.Add(MediaRules.WrongSourceMediaCount, WirePaths.SourceMediaUrls, $"{model.Id} {mode.Type} needs {DescribeInputs(mode)} in source_media_urls, and none were sent.");
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
            sink.Add(MediaRules.WrongSourceMediaCount, WirePaths.SourceMediaUrls, $"{model.Id} {mode.Type} takes {DescribeInputs(mode)}; {count} URL{(count == 1 ? " was" : "s were")} sent.");
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
                    CheckFormat(model, mode.Videos, url, i, ref sink);
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
                    CheckFormat(model, mode.Images, url, i, ref sink);
                }
            }
        }
    }

    private static void CheckFormat(ModelSpec model, SourceMediaLimit limit, string url, int index, ref Sink sink)
    {
        if (!MediaUrl.HasFormat(url, limit.Formats))
        {
            sink.Add(MediaRules.FormatNotAccepted, WirePaths.SourceMediaUrl(index),
                $"'{url}' is not in a format {model.Id} lists for this input ({string.Join(", ", limit.Formats)}).");
        }
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

        public void Add(RuleDescriptor rule, string path, string message, string? suggestion = null)
        {
            List ??= new List<Violation>();
            List.Add(new Violation(rule.Id, rule.DefaultSeverity, path, message, suggestion));
        }
    }
}
