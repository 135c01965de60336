using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>
/// Every change the corpus makes to a valid request, one or more per request rule: the model id (near and far),
/// the generation type, the prompt, parameters the model ignores, values it does not allow, the source media (counts,
/// kinds, schemes, formats), Kling elements, JSON kinds other than the table's, unknown members and malformed JSON.
/// Which change applies where is read from the catalog's facts; parameter names and kinds from <see cref="WireParameters"/>.
/// </summary>
internal static class Perturbations
{
    /// <summary>Element rules for an element sent to a model that has none (the spec's Kling 3.0 shape).</summary>
    private static readonly ElementRules AnyElementRules = new(2, 4, 1, EquatableArray<string>.Empty, EquatableArray<string>.Empty, null, null, null, EquatableArray<string>.Empty);

    public static IReadOnlyList<Perturbation> All { get; } = Build();

    private static Perturbation[] Build()
    {
        var all = new List<Perturbation>
        {
            // Model id.
            Perturbation.Always("model id one edit away", d => d[WireParameters.Model] = NearId(d)),
            Perturbation.Always("model id in upper case", d => d[WireParameters.Model] = d.Model.Id.ToUpperInvariant()),
            Perturbation.Always("model id far from every id", d => d[WireParameters.Model] = "qq-" + Letters(d, 8)),
            Perturbation.Always("model id empty", d => d[WireParameters.Model] = string.Empty),
            Perturbation.Always("model absent", d => d.Remove(WireParameters.Model)),
            Perturbation.Always("model null", d => d[WireParameters.Model] = null),

            // Generation type.
            Perturbation.When("generation type the model does not offer", d => NotOffered(d).Length > 0, d => d[WireParameters.GenerationType] = d.Pick(NotOffered(d))),
            Perturbation.Always("generation type omitted", d => d.Remove(WireParameters.GenerationType)),
            Perturbation.Always("generation type that is none", d => d[WireParameters.GenerationType] = d.Pick(new[] { "video", "txt2img", "Text-To-Image", "image_to_video", string.Empty })),

            // Prompt.
            Perturbation.Always("prompt empty", d => d[WireParameters.Prompt] = string.Empty),
            Perturbation.Always("prompt blank", d => d[WireParameters.Prompt] = d.Pick(new[] { " ", "\t\n ", "\u00a0", "\u3000\u3000" })),
            Perturbation.Always("prompt absent", d => d.Remove(WireParameters.Prompt)),
            Perturbation.Always("prompt null", d => d[WireParameters.Prompt] = null),
            Perturbation.When("prompt over the limit", d => d.Model.PromptMaxLength is not null, d => d[WireParameters.Prompt] = Text(d, d.Model.PromptMaxLength!.Value + 1 + d.Random.Next(30))),
            Perturbation.When("prompt at the limit, with emoji", d => d.Model.PromptMaxLength is not null, d => d[WireParameters.Prompt] = Text(d, d.Model.PromptMaxLength!.Value)),
            Perturbation.When("long prompt, no limit", d => d.Model.PromptMaxLength is null, d => d[WireParameters.Prompt] = Text(d, 3000 + d.Random.Next(4000))),

            // Parameters the model ignores, and harmless values.
            Perturbation.When("sound on a model without audio", d => !d.Model.Sound, d => d[WireParameters.Sound] = true),
            Perturbation.Always("sound false", d => d[WireParameters.Sound] = false),
            Perturbation.When("negative prompt ignored", d => !d.Model.NegativePrompt, d => d[WireParameters.NegativePrompt] = "text, watermark"),
            Perturbation.Always("negative prompt empty", d => d[WireParameters.NegativePrompt] = string.Empty),
            Perturbation.When("duration ignored", d => !d.Model.Duration.IsConfigurable, d => d[WireParameters.Duration] = DurationRule.Format(d.Model.Duration.Fixed ?? d.Pick(new[] { 5, 6, 10 }))),
            Perturbation.When("quality ignored", d => d.Model.Quality is null, d => d[WireParameters.Quality] = d.Pick(new[] { "pro", "standard", "hd" })),
            Perturbation.Always("seed", d => d[WireParameters.Seed] = d.Pick(new long[] { 0, -1, long.MinValue, long.MaxValue, 7 })),

            // Values not allowed.
            Perturbation.When("duration not allowed", d => d.Model.Duration.IsConfigurable, d => d[WireParameters.Duration] = DurationRule.Format(NotAllowedSeconds(d))),
            Perturbation.Always("duration malformed", d => d[WireParameters.Duration] = d.Pick(new[] { "five", "10", "10.5s", "-5s", "10 s", string.Empty, "5S", "s", "1000000s" })),
            Perturbation.When("duration allowed", d => d.Model.Duration.IsConfigurable, d => d[WireParameters.Duration] = DurationRule.Format(ValidBase.AllowedSeconds(d, d.Model.Duration))),
            Perturbation.When("quality not allowed", d => d.Model.Quality is { Open: false }, d => d[WireParameters.Quality] = d.Chance(0.5) ? "ultra-max" : d.Pick(d.Model.Quality!.Values.ToArray()).Value.ToUpperInvariant() + "!"),
            Perturbation.When("quality allowed", d => d.Model.Quality is not null, d => d[WireParameters.Quality] = ValidBase.AllowedQuality(d, d.Model.Quality!)),
            Perturbation.Always("aspect ratio malformed", d => d[WireParameters.AspectRatio] = d.Pick(new[] { "16/9", "0:1", "16:0", "wide", "123456:1", ":9", "16:9:1", " 16:9", "16:9 ", "1.5:1", string.Empty })),
            Perturbation.Always("aspect ratio of another shape", d => d[WireParameters.AspectRatio] = d.Pick(new[] { "3:2", "7:5", "2:1", "99999:1", "21:9" })),
            Perturbation.When("aspect ratio the model does not list", d => !d.Model.AspectRatios.IsEmpty, d => d[WireParameters.AspectRatio] = d.Pick(new[] { "5:4", "3:1", "17:9" }.Where(r => !d.Model.AspectRatios.Contains(r)).ToArray())),

            // Source media.
            Perturbation.When("one source URL too few", d => d.Mode.MinTotal > 0, TooFewUrls),
            Perturbation.When("one source URL too many", d => d.Mode.MaxTotal is not null && !d.Mode.TakesNoMedia, d =>
            {
                List<string> urls = d.UrlStrings();
                while (urls.Count <= d.Mode.MaxTotal!.Value)
                {
                    urls.Insert(0, SampleMedia.Image(d.Random, d.Mode.Images?.Formats ?? EquatableArray<string>.Empty, "extra-" + urls.Count));
                }

                d.SetUrls(urls);
            }),
            Perturbation.When("source media on a mode that takes none", d => d.Mode.TakesNoMedia, d => d.SetUrls(Enumerable.Range(1, d.Random.Next(1, 3)).Select(i => SampleMedia.Image(d.Random, EquatableArray<string>.Empty, "ref-" + i)))),
            Perturbation.Always("source media an empty list", d => d.SetUrls(Array.Empty<string>())),
            Perturbation.When("a video where an image is expected", d => d.Mode.Images is not null && ImageIndexes(d).Length > 0, d => Replace(d, d.Pick(ImageIndexes(d)), SampleMedia.Video(d.Random, EquatableArray<string>.Empty, "clip"))),
            Perturbation.When("an image where a video is expected", d => d.Mode.Videos is not null && VideoIndexes(d).Length > 0, d => Replace(d, d.Pick(VideoIndexes(d)), SampleMedia.Image(d.Random, EquatableArray<string>.Empty, "still"))),
            Perturbation.When("a source URL that is not http(s)", d => d.UrlStrings().Count > 0, d => Replace(d, d.Random.Next(d.UrlStrings().Count), d.Pick(SampleMedia.NotHttp))),
            Perturbation.When("a source image format not listed", d => ImageIndexes(d).Length > 0 && SampleMedia.Unlisted(d.Random, d.Mode.Images?.Formats ?? EquatableArray<string>.Empty, UrlMediaKind.Image, "odd") is not null,
                d => Replace(d, d.Pick(ImageIndexes(d)), SampleMedia.Unlisted(d.Random, d.Mode.Images!.Formats, UrlMediaKind.Image, "odd")!)),
            Perturbation.When("a source video format not listed", d => VideoIndexes(d).Length > 0 && SampleMedia.Unlisted(d.Random, d.Mode.Videos?.Formats ?? EquatableArray<string>.Empty, UrlMediaKind.Video, "odd") is not null,
                d => Replace(d, d.Pick(VideoIndexes(d)), SampleMedia.Unlisted(d.Random, d.Mode.Videos!.Formats, UrlMediaKind.Video, "odd")!)),
            Perturbation.When("a source URL without extension", d => d.UrlStrings().Count > 0, d => Replace(d, d.Random.Next(d.UrlStrings().Count), "https://media.example.com/asset?id=" + d.Random.Next(1000))),
            Perturbation.When("one source URL as a lone string", d => d.UrlStrings().Count == 1, d => d[WireParameters.SourceMediaUrls] = d.UrlStrings()[0]),

            // Kling elements.
            Perturbation.When("elements on a model without them", d => d.Model.Elements is null, d =>
                d[WireParameters.KlingElements] = new JsonArray(ValidBase.Element(d, AnyElementRules, "hero", video: false))),
            Perturbation.When("elements without the pictures they need", d => d.Model.Elements is not null && d.Mode.ElementsRequireImages is > 0, d =>
            {
                EnsureElement(d);
                d.SetUrls(d.UrlStrings().Take(d.Mode.ElementsRequireImages!.Value - 1).ToArray());
                if (d.UrlStrings().Count == 0)
                {
                    d.Remove(WireParameters.SourceMediaUrls);
                }
            }),
            Perturbation.When("elements an empty list", _ => true, d => d[WireParameters.KlingElements] = new JsonArray()),
            ElementChange("element without a name", (d, e) => Blank(d, e, WireParameters.ElementName)),
            ElementChange("element without a description", (d, e) => Blank(d, e, WireParameters.ElementDescription)),
            ElementChange("element with too few or too many images", (d, e) =>
            {
                ElementRules rules = d.Model.Elements!;
                int count = d.Chance(0.5) ? rules.MinImages - 1 : rules.MaxImages + 1;
                e.Remove(WireParameters.ElementInputVideoUrls.Name);
                e[WireParameters.ElementInputUrls.Name] = ValidBase.Array(Enumerable.Range(1, count).Select(i => SampleMedia.Image(d.Random, rules.ImageFormats, "part-" + i)));
            }),
            ElementChange("element with images and a video", (d, e) =>
            {
                ElementRules rules = d.Model.Elements!;
                e[WireParameters.ElementInputUrls.Name] = ValidBase.Array(Enumerable.Range(1, rules.MinImages).Select(i => SampleMedia.Image(d.Random, rules.ImageFormats, "both-" + i)));
                e[WireParameters.ElementInputVideoUrls.Name] = ValidBase.Array(new[] { SampleMedia.Video(d.Random, rules.VideoFormats, "both") });
            }),
            ElementChange("element without pictures", (d, e) =>
            {
                e.Remove(WireParameters.ElementInputUrls.Name);
                e.Remove(WireParameters.ElementInputVideoUrls.Name);
            }),
            ElementChange("video element with the wrong number of videos", (d, e) =>
            {
                ElementRules rules = d.Model.Elements!;
                e.Remove(WireParameters.ElementInputUrls.Name);
                int count = d.Chance(0.5) ? 0 : rules.Videos + 1;
                e[WireParameters.ElementInputVideoUrls.Name] = ValidBase.Array(Enumerable.Range(1, count).Select(i => SampleMedia.Video(d.Random, rules.VideoFormats, "take-" + i)));
            }),
            ElementChange("element URL not http(s)", (d, e) => ReplaceElementUrl(d, e, d.Pick(SampleMedia.NotHttp.Where(u => u.Length > 0).ToArray()))),
            ElementChange("element URL of the other kind", (d, e) => ReplaceElementUrl(d, e, null)),
            ElementChange("element image format not listed", (d, e) =>
            {
                ElementRules rules = d.Model.Elements!;
                if (SampleMedia.Unlisted(d.Random, rules.ImageFormats, UrlMediaKind.Image, "element") is string url)
                {
                    e.Remove(WireParameters.ElementInputVideoUrls.Name);
                    e[WireParameters.ElementInputUrls.Name] = ValidBase.Array(Enumerable.Range(0, rules.MinImages).Select(i => i == 0 ? url : SampleMedia.Image(d.Random, rules.ImageFormats, "fine-" + i)));
                }
            }),
            ElementChange("prompt names an undeclared element", (d, _) => AppendToPrompt(d, " next to @ghost")),
            ElementChange("prompt names an element in another case", (d, e) => AppendToPrompt(d, " beside @" + (e[WireParameters.ElementName.Name] is JsonValue v && v.TryGetValue(out string? name) ? name : "x").ToUpperInvariant())),
            ElementChange("prompt with an e-mail address", (d, _) => AppendToPrompt(d, " (credits: studio@example.com)")),
        };

        // A JSON kind other than the table's, for every parameter of generate_media and of an element.
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            all.Add(Perturbation.When("wrong JSON type for " + parameter.Name, _ => true, d => d[parameter] = WrongKind(d, parameter.Kind)));
        }

        all.Add(Perturbation.When("a source URL of the wrong JSON type", d => d.UrlStrings().Count > 0, d => d.Urls![d.Random.Next(d.Urls!.Count)] = d.Pick(new JsonNode?[] { 5, true, null, new JsonObject() })?.DeepClone()));
        foreach (WireParameter member in WireParameters.KlingElement)
        {
            all.Add(Perturbation.When("wrong JSON type for an element's " + member.Name, _ => true, d => EnsureElement(d)[member.Name] = WrongKind(d, member.Kind)));
        }

        all.Add(Perturbation.When("an element that is not an object", _ => true, d =>
        {
            EnsureElement(d);
            d.Elements!.Add(d.Pick(new JsonNode[] { "hero", 3, new JsonArray() }).DeepClone());
        }));

        // Members the table does not have.
        all.Add(Perturbation.When("unknown parameter near a known one", _ => true, d => d.Request[Misspelt(d, WireParameters.GenerateMediaNames)] = "x"));
        all.Add(Perturbation.When("unknown parameter", _ => true, d => d.Request[d.Pick(new[] { "callback_url", "resolution", "fps", "style" })] = d.Pick(new JsonNode[] { "x", 3, true }).DeepClone()));
        all.Add(Perturbation.When("unknown element member", _ => true, d => EnsureElement(d)[Misspelt(d, WireParameters.KlingElementNames)] = "x"));

        // Not one well-formed JSON object.
        all.Add(TextEdit("JSON cut short", (d, t) => t.Length < 2 ? string.Empty : t.Substring(0, 1 + d.Random.Next(t.Length - 1))));
        all.Add(TextEdit("JSON with a trailing comma", (_, t) => t.LastIndexOf('}') is int close and >= 0 ? t.Substring(0, close) + ",}" : t + ","));
        all.Add(TextEdit("JSON with a comment", (_, t) => "/* request */ " + t));
        all.Add(TextEdit("JSON that is an array", (_, t) => "[" + t + "]"));
        all.Add(TextEdit("JSON that is empty", (d, _) => d.Pick(new[] { string.Empty, "  \n" })));
        all.Add(TextEdit("JSON with text after the object", (_, t) => t + " {}"));
        all.Add(TextEdit("JSON with a single-quoted key", (_, t) => ReplaceFirst(t, "\"" + WireParameters.Prompt.Name + "\"", "'" + WireParameters.Prompt.Name + "'")));
        all.Add(Perturbation.When("JSON with a duplicate key", d => d.Request.Count > 0, d =>
        {
            KeyValuePair<string, JsonNode?> first = d.Request.First();
            string duplicate = new JsonObject { [first.Key] = CorpusDraft.Copy(first.Value) }.ToJsonString();
            d.EditText(t => t.Insert(t.IndexOf('{') + 1, duplicate.Substring(1, duplicate.Length - 2) + ","));
        }));
        all.Add(Perturbation.When("JSON with a duplicate key in an element", _ => true, d =>
        {
            JsonObject element = EnsureElement(d);
            element[WireParameters.ElementName.Name] = "dup";
            d.EditText(t => ReplaceFirst(t, "\"" + WireParameters.ElementName.Name + "\":", "\"" + WireParameters.ElementName.Name + "\":\"first\",\"" + WireParameters.ElementName.Name + "\":"));
        }));

        all.Add(Perturbation.When("prompt with an unpaired surrogate escape", d => d[WireParameters.Prompt] is JsonValue v && v.TryGetValue(out string? _), d => d.EditText(t =>
            EscapeInString(t, WireParameters.Prompt.Name, d.Pick(new[] { "\\ud83c", "\\udfac", "x\\ud800y" })))));
        all.Add(Perturbation.When("a key written with a JSON escape", d => d.Request.Count > 0, d =>
        {
            string key = d.Pick(d.Request.Select(p => p.Key).ToArray());
            string escaped = key.Length < 2 ? key : key.Substring(0, 1) + "\\u" + ((int)key[1]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + key.Substring(2);
            d.EditText(t => ReplaceFirst(t, "\"" + key + "\"", "\"" + escaped + "\""));
        }));

        string[] names = all.Select(p => p.Name).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw new InvalidOperationException("Two perturbations share a name.");
        }

        return all.ToArray();
    }

    private static Perturbation ElementChange(string name, Action<CorpusDraft, JsonObject> change) =>
        Perturbation.When(name, d => d.Model.Elements is not null, d => change(d, EnsureElement(d)));

    private static Perturbation TextEdit(string name, Func<CorpusDraft, string, string> edit) =>
        new(name, _ => true, d => d.EditText(t => edit(d, t)));

    /// <summary>The draft's first element, adding a valid one (and the pictures it needs) when there is none.</summary>
    private static JsonObject EnsureElement(CorpusDraft d)
    {
        if (d.Elements is { } existing && existing.OfType<JsonObject>().FirstOrDefault() is JsonObject first)
        {
            return first;
        }

        ElementRules rules = d.Model.Elements ?? AnyElementRules;
        if (d.Mode.ElementsRequireImages is int needed && d.Model.Elements is not null)
        {
            List<string> urls = d.UrlStrings();
            while (urls.Count < needed && (d.Mode.Images?.Max is not int max || urls.Count < max))
            {
                urls.Add(SampleMedia.Image(d.Random, d.Mode.Images?.Formats ?? EquatableArray<string>.Empty, "frame-" + (urls.Count + 1)));
            }

            if (urls.Count > 0)
            {
                d.SetUrls(urls);
            }
        }

        JsonObject element = ValidBase.Element(d, rules, "hero", video: d.Chance(0.3));
        if (d.Elements is { } list)
        {
            list.Insert(0, element);
        }
        else
        {
            d[WireParameters.KlingElements] = new JsonArray(element);
        }

        AppendToPrompt(d, " with @hero");
        return element;
    }

    private static void AppendToPrompt(CorpusDraft d, string text)
    {
        if (d[WireParameters.Prompt] is JsonValue value && value.TryGetValue(out string? prompt))
        {
            d[WireParameters.Prompt] = prompt + text;
        }
    }

    private static void Blank(CorpusDraft d, JsonObject element, WireParameter member)
    {
        switch (d.Random.Next(3))
        {
            case 0:
                element.Remove(member.Name);
                break;
            case 1:
                element[member.Name] = string.Empty;
                break;
            default:
                element[member.Name] = " \t";
                break;
        }
    }

    /// <summary>Puts <paramref name="url"/> (or, when null, a URL of the other kind) in place of one of the element's URLs.</summary>
    private static void ReplaceElementUrl(CorpusDraft d, JsonObject element, string? url)
    {
        bool video = element[WireParameters.ElementInputVideoUrls.Name] is JsonArray { Count: > 0 };
        JsonArray? list = element[(video ? WireParameters.ElementInputVideoUrls : WireParameters.ElementInputUrls).Name] as JsonArray;
        if (list is null || list.Count == 0)
        {
            return;
        }

        list[d.Random.Next(list.Count)] = url ?? (video ? SampleMedia.Image(d.Random, EquatableArray<string>.Empty, "still") : SampleMedia.Video(d.Random, EquatableArray<string>.Empty, "clip"));
    }

    private static void TooFewUrls(CorpusDraft d)
    {
        List<string> urls = d.UrlStrings();
        int keep = d.Mode.MinTotal - 1;
        if (keep == 0)
        {
            if (d.Chance(0.5))
            {
                d.Remove(WireParameters.SourceMediaUrls);
            }
            else
            {
                d.SetUrls(Array.Empty<string>());
            }

            return;
        }

        d.SetUrls(urls.Take(keep));
    }

    private static int[] ImageIndexes(CorpusDraft d) => Indexes(d, UrlMediaKind.Image);

    private static int[] VideoIndexes(CorpusDraft d) => Indexes(d, UrlMediaKind.Video);

    private static int[] Indexes(CorpusDraft d, UrlMediaKind kind)
    {
        List<string> urls = d.UrlStrings();
        return Enumerable.Range(0, urls.Count).Where(i => MediaUrl.KindOf(urls[i]) == kind).ToArray();
    }

    private static void Replace(CorpusDraft d, int index, string url)
    {
        List<string> urls = d.UrlStrings();
        urls[index] = url;
        d.SetUrls(urls);
    }

    private static string[] NotOffered(CorpusDraft d) =>
        GenerationTypes.All.Where(t => d.Model.FindGenerationType(t) is null).ToArray();

    private static int NotAllowedSeconds(CorpusDraft d)
    {
        DurationRule rule = d.Model.Duration;
        int[] candidates = Enumerable.Range(0, 40).Where(s => !rule.Allows(s)).ToArray();
        return d.Pick(candidates);
    }

    private static string NearId(CorpusDraft d)
    {
        string id = d.Model.Id;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            int at = d.Random.Next(id.Length);
            string candidate = d.Random.Next(4) switch
            {
                0 => id.Remove(at, 1),
                1 when at + 1 < id.Length => id.Substring(0, at) + id[at + 1] + id[at] + id.Substring(at + 2),
                2 => id.Substring(0, at) + (char)('a' + d.Random.Next(26)) + id.Substring(at + 1),
                _ => id + d.Random.Next(10),
            };
            if (candidate.Length > 0 && d.Catalog.Find(candidate) is null)
            {
                return candidate;
            }
        }

        return id + "-x";
    }

    /// <summary>A name one edit from a known one that is itself unknown: <c>aspect-ratio</c>, <c>durations</c>, <c>Prompt</c>.</summary>
    private static string Misspelt(CorpusDraft d, IReadOnlyList<string> known)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            string name = d.Pick(known);
            string candidate = d.Random.Next(4) switch
            {
                0 when name.Contains('_') => name.Replace('_', '-'),
                1 => name + "s",
                2 => char.ToUpperInvariant(name[0]) + name.Substring(1),
                _ => name.Substring(0, name.Length - 1),
            };
            if (!known.Contains(candidate))
            {
                return candidate;
            }
        }

        return "promt";
    }

    /// <summary>A value of another JSON kind than <paramref name="kind"/>.</summary>
    private static JsonNode? WrongKind(CorpusDraft d, WireJsonKind kind)
    {
        JsonNode[] candidates = kind switch
        {
            WireJsonKind.String => new JsonNode[] { 42, true, new JsonArray("x"), new JsonObject { ["text"] = "x" } },
            WireJsonKind.Boolean => new JsonNode[] { "true", 1, new JsonArray(true) },
            WireJsonKind.Number => new JsonNode[] { "42", 1.5, true, JsonNode.Parse("1e30")! },
            WireJsonKind.StringOrStringArray => new JsonNode[] { 42, new JsonArray(1, 2), new JsonObject { ["url"] = "https://e.com/a.png" } },
            WireJsonKind.StringArray => new JsonNode[] { "https://media.example.com/a.png", 42, new JsonArray(1) },
            WireJsonKind.ObjectArray => new JsonNode[] { "hero", new JsonObject { ["name"] = "hero" }, 7 },
            _ => new JsonNode[] { "x", 1 },
        };
        return d.Pick(candidates).DeepClone();
    }

    /// <summary><paramref name="length"/> Unicode code points of words, with an emoji (two UTF-16 units, one code point) now and then.</summary>
    private static string Text(CorpusDraft d, int length)
    {
        var text = new StringBuilder();
        int count = 0;
        while (count < length)
        {
            if (d.Random.Next(12) == 0)
            {
                text.Append("🎬");
            }
            else
            {
                text.Append(d.Random.Next(6) == 0 ? ' ' : (char)('a' + d.Random.Next(26)));
            }

            count++;
        }

        // Not blank, whatever the draw.
        text[0] = 'A';
        return text.ToString();
    }

    private static string Letters(CorpusDraft d, int count) => new(Enumerable.Range(0, count).Select(_ => (char)('a' + d.Random.Next(26))).ToArray());

    /// <summary>Puts <paramref name="escape"/> (JSON escape text) at the start of the string value of <paramref name="key"/>.</summary>
    private static string EscapeInString(string text, string key, string escape)
    {
        int at = text.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        int quote = at < 0 ? -1 : text.IndexOf('"', text.IndexOf(':', at) + 1);
        return quote < 0 ? text : text.Insert(quote + 1, escape);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : text.Substring(0, at) + replacement + text.Substring(at + find.Length);
    }
}
