using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Generators.Model;

namespace MediaModels.Generators.Parsing;

/// <summary>
/// Turns a catalog <see cref="ModelSpec"/> into what the emitter writes: factory overloads by input role, builder
/// types (a second one where Kling elements need more pictures than the minimum), named durations and qualities.
/// </summary>
internal static class ModelSpecFactory
{
    /// <summary>Most inputs of one kind that get one parameter each (and one overload per count); above it a list is taken.</summary>
    public const int MaxExplicitInputs = 4;

    /// <summary>Most values of a duration range that get a name each (Seconds3 … Seconds15).</summary>
    public const int MaxNamedRangeValues = 60;

    public static ModelEmitSpec Create(ModelSpec spec, string typeName, EmitTarget target)
    {
        var modes = new List<ModeEmitSpec>();
        foreach (GenerationTypeSpec mode in spec.GenerationTypes)
        {
            modes.Add(Mode(spec, mode));
        }

        return new ModelEmitSpec(typeName, target, spec, modes.ToEquatableArray(), Durations(spec.Duration), Qualities(spec.Quality));
    }

    private static ModeEmitSpec Mode(ModelSpec model, GenerationTypeSpec mode)
    {
        string method = GeneratedApi.FactoryMethodOf(mode.Type);
        int? elementsNeed = model.Elements is not null ? mode.ElementsRequireImages : null;
        string baseName = GeneratedApi.BuilderTypeOf(mode.Type);
        string elementsName = GeneratedApi.ElementsBuilderTypeOf(mode.Type);

        var factories = new List<(EquatableArray<InputParameter> Parameters, bool Elements)>();
        SourceMediaLimit? images = mode.Images;
        SourceMediaLimit? videos = mode.Videos;
        bool imagesExplicit = IsExplicit(images);
        bool videosExplicit = IsExplicit(videos);

        if (imagesExplicit && videosExplicit && !CountsCollide(images, videos))
        {
            // One overload per count: the type system carries the count (a fifth image does not compile).
            string[] imageNames = Names(images, MediaKind.Image, null);
            string[] videoNames = Names(videos, MediaKind.Video, imageNames);
            for (int imageCount = images?.Min ?? 0; imageCount <= (images?.Max ?? 0); imageCount++)
            {
                for (int videoCount = videos?.Min ?? 0; videoCount <= (videos?.Max ?? 0); videoCount++)
                {
                    var parameters = new List<InputParameter>();
                    for (int i = 0; i < imageCount; i++)
                    {
                        parameters.Add(new InputParameter(imageNames[i], InputKind.Single, MediaKind.Image, RoleAt(images, i)));
                    }

                    for (int i = 0; i < videoCount; i++)
                    {
                        parameters.Add(new InputParameter(videoNames[i], InputKind.Single, MediaKind.Video, RoleAt(videos, i)));
                    }

                    factories.Add((parameters.ToEquatableArray(), elementsNeed is int need && imageCount >= need));
                }
            }
        }
        else if (images is not null && !imagesExplicit && (videos is null || videos.IsExact))
        {
            // A long or unbounded image list: the minimum as parameters, the rest as params; plus a sequence overload.
            string[] videoNames = Names(videos, MediaKind.Video, null);
            var required = new List<InputParameter>();
            string[] firstNames = images.Min == 1 ? new[] { "image" } : Enumerable.Range(1, images.Min).Select(i => "image" + i).ToArray();
            for (int i = 0; i < images.Min; i++)
            {
                required.Add(new InputParameter(firstNames[i], InputKind.Single, MediaKind.Image, RoleAt(images, i)));
            }

            var videoParameters = new List<InputParameter>();
            for (int i = 0; i < (videos?.Min ?? 0); i++)
            {
                videoParameters.Add(new InputParameter(videoNames[i], InputKind.Single, MediaKind.Video, RoleAt(videos, i)));
            }

            var withParams = required.Concat(videoParameters).ToList();
            withParams.Add(new InputParameter(images.Min == 0 ? "images" : "moreImages", InputKind.ParamsArray, MediaKind.Image, null));
            factories.Add((withParams.ToEquatableArray(), elementsNeed is not null));
            if (images.Min > 0)
            {
                var sequence = new List<InputParameter> { new("images", InputKind.Sequence, MediaKind.Image, null) };
                sequence.AddRange(videoParameters);
                factories.Add((sequence.ToEquatableArray(), elementsNeed is not null));
            }
        }
        else
        {
            // The general case (both kinds vary, or long video lists): sequences, counted by Build's validation.
            var parameters = new List<InputParameter>();
            if (images is not null)
            {
                parameters.Add(new InputParameter("images", InputKind.Sequence, MediaKind.Image, null));
            }

            if (videos is not null)
            {
                parameters.Add(new InputParameter("videos", InputKind.Sequence, MediaKind.Video, null));
            }

            factories.Add((parameters.ToEquatableArray(), elementsNeed is not null));
        }

        bool anyPlain = factories.Any(f => !f.Elements);
        bool anyElements = factories.Any(f => f.Elements);
        var builders = new List<BuilderEmitSpec>();
        if (anyPlain)
        {
            builders.Add(new BuilderEmitSpec(baseName, false));
        }

        if (anyElements)
        {
            // When every state has the pictures, the one builder offers elements under the plain name.
            builders.Add(new BuilderEmitSpec(anyPlain ? elementsName : baseName, true));
        }

        string ElementsBuilder() => anyPlain ? elementsName : baseName;
        EquatableArray<FactoryEmitSpec> factorySpecs = factories
            .Select(f => new FactoryEmitSpec(f.Parameters, f.Elements ? ElementsBuilder() : baseName))
            .ToEquatableArray();
        return new ModeEmitSpec(mode.Type, method, mode, builders.ToEquatableArray(), factorySpecs);
    }

    private static bool IsExplicit(SourceMediaLimit? limit) => limit is null || (limit.Max is int max && max <= MaxExplicitInputs);

    /// <summary>True when two overloads would have the same number of string parameters (CS0111).</summary>
    private static bool CountsCollide(SourceMediaLimit? images, SourceMediaLimit? videos) =>
        images is not null && videos is not null && !images.IsExact && !videos.IsExact;

    private static string? RoleAt(SourceMediaLimit? limit, int index) =>
        limit is not null && index < limit.Roles.Count ? limit.Roles[index] : null;

    /// <summary>Parameter names by position: from the role (<c>start-frame</c> → <c>startFrame</c>), else image / image1….</summary>
    private static string[] Names(SourceMediaLimit? limit, MediaKind kind, string[]? taken)
    {
        if (limit is null)
        {
            return new string[0];
        }

        int count = limit.Max ?? limit.Min;
        string word = kind == MediaKind.Image ? "image" : "video";
        var used = new HashSet<string>(System.StringComparer.Ordinal) { GeneratedApi.PromptParameter };
        if (taken is not null)
        {
            used.UnionWith(taken);
        }

        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            string name;
            if (RoleAt(limit, i) is string role && CSharpNames.Camel(role) is { Length: > 0 } camel && !char.IsDigit(camel[0]))
            {
                name = RoleNames.KindNamed(role) is not null ? camel : camel + (kind == MediaKind.Image ? "Image" : "Video");
            }
            else
            {
                name = count == 1 ? word : word + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (CSharpNames.IsKeyword(name))
            {
                name += kind == MediaKind.Image ? "Image" : "Video";
            }

            names[i] = CSharpNames.Unique(name, used);
        }

        return names;
    }

    private static EquatableArray<NamedDuration> Durations(DurationRule rule)
    {
        var values = new List<NamedDuration>();
        if (rule.Kind == DurationKind.Values)
        {
            foreach (int seconds in rule.Values)
            {
                values.Add(new NamedDuration(SecondsName(seconds), seconds));
            }
        }
        else if (rule.Kind == DurationKind.Range && rule.Min is int min && rule.Max is int max && max - min < MaxNamedRangeValues)
        {
            for (int seconds = min; seconds <= max; seconds++)
            {
                values.Add(new NamedDuration(SecondsName(seconds), seconds));
            }
        }

        return values.ToEquatableArray();

        static string SecondsName(int seconds) => GeneratedApi.DurationValueName(seconds);
    }

    private static EquatableArray<NamedQuality> Qualities(QualityRule? rule)
    {
        if (rule is null)
        {
            return EquatableArray<NamedQuality>.Empty;
        }

        // Names that would hide object's static members (CS0108) or clash with the holder's own members.
        var reserved = new HashSet<string>(System.StringComparer.Ordinal) { GeneratedApi.AllProperty, GeneratedApi.CustomMethod, "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };
        var taken = new HashSet<string>(reserved, System.StringComparer.Ordinal);
        var values = new List<NamedQuality>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (QualityOption option in rule.Values)
        {
            if (!seen.Add(option.Value))
            {
                continue;
            }

            string name = CSharpNames.ValueName(option.Value, "Quality");
            if (reserved.Contains(name))
            {
                name += "Value";
            }

            values.Add(new NamedQuality(CSharpNames.Unique(name, taken), option.Value, option.Meaning));
        }

        return values.ToEquatableArray();
    }
}
