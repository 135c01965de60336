using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using MediaModels.Catalog;
using MediaModels.Catalog.Wire;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>
/// A valid request for one model and generation type, made from the catalog's facts: the source media the mode takes
/// (in role order, in listed formats), and at random the optional parameters the model honours with allowed values,
/// Kling elements where the mode has the pictures they need.
/// </summary>
internal static class ValidBase
{
    private static readonly string[] Prompts =
    {
        "A red fox runs through fresh snow at dawn",
        "Gentle motion and subtle movement",
        "Café au lait ☕ on a marble table, morning light",
        "夜の東京、ネオンの雨 🌧️",
        "A shop sign reading \"OPEN\" \\ closed at noon",
        "Slow dolly shot over a field of sunflowers; cinematic, 35mm",
    };

    private static readonly string[] ElementNames = { "hero", "cat", "robot_1", "sky-ship" };

    public static CorpusDraft Make(ModelCatalog catalog, ModelSpec model, GenerationTypeSpec mode, Random random)
    {
        var draft = new CorpusDraft(catalog, model, mode, random);
        var values = new Dictionary<WireParameter, JsonNode?>
        {
            [WireParameters.Prompt] = draft.Pick(Prompts),
            [WireParameters.Model] = model.Id,
            [WireParameters.GenerationType] = mode.Type,
        };

        int? elementPictures = model.Elements is not null ? mode.ElementsRequireImages : null;
        bool withElements = elementPictures is int needed && mode.Images is { } images && (images.Max is not int most || most >= needed) && draft.Chance(0.5);
        List<string> urls = SourceMedia(draft, withElements ? elementPictures : null);
        if (urls.Count > 0)
        {
            values[WireParameters.SourceMediaUrls] = Array(urls);
        }

        if (draft.Chance(0.4))
        {
            IReadOnlyList<string> ratios = !model.AspectRatios.IsEmpty ? model.AspectRatios
                : !catalog.Defaults.AspectRatioExamples.IsEmpty ? catalog.Defaults.AspectRatioExamples
                : new[] { catalog.Defaults.AspectRatio };
            values[WireParameters.AspectRatio] = draft.Pick(ratios);
        }

        if (model.Duration.IsConfigurable && draft.Chance(0.5))
        {
            values[WireParameters.Duration] = DurationRule.Format(AllowedSeconds(draft, model.Duration));
        }

        if (model.Quality is QualityRule quality && draft.Chance(0.5))
        {
            values[WireParameters.Quality] = AllowedQuality(draft, quality);
        }

        if (model.Sound && draft.Chance(0.5))
        {
            values[WireParameters.Sound] = draft.Chance(0.8);
        }

        if (model.NegativePrompt && draft.Chance(0.5))
        {
            values[WireParameters.NegativePrompt] = "blurry, low quality, watermark";
        }

        if (draft.Chance(0.3))
        {
            values[WireParameters.Seed] = draft.Pick(new long[] { 0, 42, -7, 1_234_567_890_123, long.MaxValue });
        }

        if (withElements && model.Elements is ElementRules rules)
        {
            var elements = new JsonArray();
            int count = draft.Random.Next(1, 3);
            var prompt = new StringBuilder((string)values[WireParameters.Prompt]!);
            for (int i = 0; i < count; i++)
            {
                string name = ElementNames[i];
                elements.Add(Element(draft, rules, name, video: draft.Chance(0.3)));
                prompt.Append(i == 0 ? " with @" : " and @").Append(name);
            }

            values[WireParameters.Prompt] = prompt.ToString();
            values[WireParameters.KlingElements] = elements;
        }

        // The table's order, as the spec lists the parameters.
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            if (values.TryGetValue(parameter, out JsonNode? value))
            {
                draft[parameter] = value;
            }
        }

        return draft;
    }

    /// <summary>Images then videos, as the roles are listed; at least <paramref name="images"/> images when given.</summary>
    public static List<string> SourceMedia(CorpusDraft draft, int? images)
    {
        var urls = new List<string>();
        GenerationTypeSpec mode = draft.Mode;
        if (mode.Images is SourceMediaLimit imageLimit)
        {
            int min = Math.Max(imageLimit.Min, images ?? 0);
            int count = draft.Random.Next(min, (imageLimit.Max ?? min + 3) + 1);
            for (int i = 0; i < count; i++)
            {
                urls.Add(SampleMedia.Image(draft.Random, imageLimit.Formats, "image-" + (i + 1)));
            }
        }

        if (mode.Videos is SourceMediaLimit videoLimit)
        {
            int count = draft.Random.Next(videoLimit.Min, (videoLimit.Max ?? videoLimit.Min + 1) + 1);
            for (int i = 0; i < count; i++)
            {
                urls.Add(SampleMedia.Video(draft.Random, videoLimit.Formats, "motion-" + (i + 1)));
            }
        }

        return urls;
    }

    public static JsonObject Element(CorpusDraft draft, ElementRules rules, string name, bool video)
    {
        var element = new JsonObject
        {
            [WireParameters.ElementName.Name] = name,
            [WireParameters.ElementDescription.Name] = "the " + name + " of the scene",
        };
        if (video)
        {
            element[WireParameters.ElementInputVideoUrls.Name] = Array(Enumerable.Range(1, rules.Videos)
                .Select(i => SampleMedia.Video(draft.Random, rules.VideoFormats, name + "-clip-" + i)));
        }
        else
        {
            int count = draft.Random.Next(rules.MinImages, rules.MaxImages + 1);
            element[WireParameters.ElementInputUrls.Name] = Array(Enumerable.Range(1, count)
                .Select(i => SampleMedia.Image(draft.Random, rules.ImageFormats, name + "-" + i)));
        }

        return element;
    }

    public static int AllowedSeconds(CorpusDraft draft, DurationRule rule) => rule.Kind == DurationKind.Values
        ? draft.Pick(rule.Values.ToArray())
        : draft.Random.Next(rule.Min!.Value, rule.Max!.Value + 1);

    public static string AllowedQuality(CorpusDraft draft, QualityRule rule) =>
        rule.Values.IsEmpty || (rule.Open && draft.Chance(0.3)) ? "studio-max" : draft.Pick(rule.Values.ToArray()).Value;

    public static JsonArray Array(IEnumerable<string> items)
    {
        var array = new JsonArray();
        foreach (string item in items)
        {
            array.Add(JsonValue.Create(item));
        }

        return array;
    }
}
