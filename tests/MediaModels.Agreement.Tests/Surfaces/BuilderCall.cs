using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Wire;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// The typed-builder call that says what a valid JSON request says, written from the generated-API contract
/// (<see cref="GeneratedApi"/>, <see cref="ModelNaming"/>) and <see cref="WireParameters"/>:
/// <c>MediaCatalog.Sora2.TextToVideo(prompt).WithDuration(MediaCatalog.Sora2.Duration.FromSeconds(10)).Build()</c>.
/// Which calls a model's builder offers is read from the catalog facts the generated API is documented to follow:
/// a factory per generation type taking the source URLs in order, <c>With…</c> only for what the model honours
/// (sound with audio, negative_prompt where honoured, duration where configurable, quality where the catalog has a
/// rule), and Kling elements on the state that has the pictures they need. When the generated code does not offer a
/// call these facts promise, the call does not compile and the test says so.
/// </summary>
internal static class BuilderCall
{
    public const string TypeOmitted = "generation_type omitted: every builder writes its generation type";
    public const string EmptySourceList = "an empty source_media_urls list: a builder leaves the list out";
    public const string EmptyElementList = "an empty kling_elements list: a builder leaves the list out";
    public const string NoWithMethod = "a parameter the model ignores (sound, negative_prompt, duration or quality): its builder has no With… for it";
    public const string NonCanonicalDuration = "a duration not written as the builder writes it (Ns)";
    public const string ElementsWithoutPictures = "Kling elements on a builder state without the pictures they need";

    /// <summary>The call's C# text, or null with the reason no builder says this request.</summary>
    public static string? Write(JsonElement request, ModelCatalog catalog, out string? reason)
    {
        reason = null;
        ModelSpec model = catalog.Find(String(request, WireParameters.Model))!;
        string? generationType = String(request, WireParameters.GenerationType);
        if (generationType is null)
        {
            reason = TypeOmitted;
            return null;
        }

        GenerationTypeSpec mode = model.FindGenerationType(generationType)!;
        string modelClass = GeneratedApi.CatalogClass + "." + ModelNaming.TypeNameOf(model);
        List<string> urls = Strings(request, WireParameters.SourceMediaUrls, out bool emptyList);
        if (emptyList)
        {
            reason = EmptySourceList;
            return null;
        }

        var call = new StringBuilder(modelClass).Append('.').Append(GeneratedApi.FactoryMethodOf(mode.Type))
            .Append('(').Append(LooseCSharp.Literal(String(request, WireParameters.Prompt)!));
        foreach (string url in urls)
        {
            call.Append(", ").Append(LooseCSharp.Literal(url));
        }

        call.Append(')');
        foreach (JsonProperty property in request.EnumerateObject())
        {
            WireParameter parameter = WireParameters.Find(property.Name)!;
            if (property.Value.ValueKind == JsonValueKind.Null || GeneratedApi.IsSetByFactory(parameter))
            {
                continue;
            }

            string? argument = Argument(parameter, property.Value, model, mode, modelClass, urls.Count, ref reason);
            if (argument is null)
            {
                return null;
            }

            call.Append(argument);
        }

        return call.Append('.').Append(GeneratedApi.BuildMethod).Append("()").ToString();
    }

    private static string? Argument(WireParameter parameter, JsonElement value, ModelSpec model, GenerationTypeSpec mode, string modelClass, int urlCount, ref string? reason)
    {
        string with = "." + GeneratedApi.WithMethodOf(parameter) + "(";
        if (parameter == WireParameters.AspectRatio)
        {
            return with + GeneratedApi.AspectRatioType + "." + GeneratedApi.ParseMethod + "(" + LooseCSharp.Literal(value.GetString()!) + "))";
        }

        if (parameter == WireParameters.Seed)
        {
            long seed = value.GetInt64();
            return with + (seed == long.MinValue ? "long.MinValue" : seed.ToString(CultureInfo.InvariantCulture)) + ")";
        }

        if (parameter == WireParameters.Sound && model.Sound)
        {
            return with + (value.GetBoolean() ? "true" : "false") + ")";
        }

        if (parameter == WireParameters.NegativePrompt && model.NegativePrompt)
        {
            return with + LooseCSharp.Literal(value.GetString()!) + ")";
        }

        if (parameter == WireParameters.Quality && model.Quality is not null)
        {
            return with + modelClass + "." + GeneratedApi.QualityType + "." + GeneratedApi.FromValueMethod + "(" + LooseCSharp.Literal(value.GetString()!) + "))";
        }

        if (parameter == WireParameters.Duration && model.Duration.IsConfigurable)
        {
            string text = value.GetString()!;
            if (!DurationRule.TryParse(text, out int seconds) || DurationRule.Format(seconds) != text)
            {
                reason = NonCanonicalDuration;
                return null;
            }

            return with + modelClass + "." + GeneratedApi.DurationType + "." + GeneratedApi.FromSecondsMethod + "(" + seconds.ToString(CultureInfo.InvariantCulture) + "))";
        }

        if (parameter == WireParameters.KlingElements)
        {
            return Elements(value, model, mode, urlCount, ref reason);
        }

        reason = NoWithMethod;
        return null;
    }

    private static string? Elements(JsonElement elements, ModelSpec model, GenerationTypeSpec mode, int urlCount, ref string? reason)
    {
        if (elements.GetArrayLength() == 0)
        {
            reason = EmptyElementList;
            return null;
        }

        if (model.Elements is null || mode.ElementsRequireImages is not int needed || urlCount < needed)
        {
            reason = ElementsWithoutPictures;
            return null;
        }

        var calls = new StringBuilder();
        foreach (JsonElement element in elements.EnumerateArray())
        {
            string name = LooseCSharp.Literal(String(element, WireParameters.ElementName)!);
            string description = LooseCSharp.Literal(String(element, WireParameters.ElementDescription)!);
            List<string> images = Strings(element, WireParameters.ElementInputUrls, out _);
            List<string> videos = Strings(element, WireParameters.ElementInputVideoUrls, out _);
            bool video = videos.Count > 0;
            calls.Append('.').Append(video ? GeneratedApi.WithVideoElementMethod : GeneratedApi.WithElementMethod)
                .Append('(').Append(name).Append(", ").Append(description);
            foreach (string url in video ? videos : images)
            {
                calls.Append(", ").Append(LooseCSharp.Literal(url));
            }

            calls.Append(')');
        }

        return calls.ToString();
    }

    private static string? String(JsonElement obj, WireParameter parameter) =>
        obj.TryGetProperty(parameter.Name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A list of strings (a lone string is a list of one); <paramref name="emptyList"/> when written as <c>[]</c>.</summary>
    private static List<string> Strings(JsonElement obj, WireParameter parameter, out bool emptyList)
    {
        emptyList = false;
        if (!obj.TryGetProperty(parameter.Name, out JsonElement value))
        {
            return new List<string>();
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new List<string> { value.GetString()! };
            case JsonValueKind.Array:
                emptyList = value.GetArrayLength() == 0;
                return value.EnumerateArray().Select(i => i.GetString()!).ToList();
            default:
                return new List<string>();
        }
    }
}
