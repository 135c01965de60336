using System;
using System.Collections.Generic;

namespace MediaModels.Catalog.Wire;

/// <summary>
/// The one table of the tools' parameters (spec: "Tool generate_media", the Kling elements section and "Tool
/// get_generation_estimate"): wire name, JSON kind, C# member and the request fact each feeds. The request types,
/// the JSON reader (and its unknown-parameter list), the analyzers, the refactoring, the generated builders, the
/// sandbox's tool schemas and the client's estimate mapping all derive their lists from here, and a test checks each
/// against it. Adding a parameter is one row here plus its rule.
/// </summary>
public static class WireParameters
{
#pragma warning disable CS1591 // Each row documents itself.
    public static readonly WireParameter Prompt = new(WireNames.Prompt, WireJsonKind.String, "Prompt", RequestFact.Prompt, true,
        "What to generate (e.g. \"A red car on a mountain road\").")
    {
        EstimateDescription = "Optional; can affect the estimate.",
    };

    public static readonly WireParameter Model = new(WireNames.Model, WireJsonKind.String, "Model", RequestFact.Model, true,
        "Model ID (from get_models). Examples: nano-banana, sora-2, kling-2-6-image-to-video.")
    {
        EstimateDescription = "Model ID.",
        RequiredInEstimate = true,
    };

    public static readonly WireParameter GenerationType = new(WireNames.GenerationType, WireJsonKind.String, "GenerationType", RequestFact.GenerationType, false,
        "text-to-image, text-to-video, image-to-video, or image-to-image. Default: text-to-image.")
    {
        EstimateDescription = "Same as in generate_media. Default: text-to-image.",
    };

    public static readonly WireParameter NegativePrompt = new(WireNames.NegativePrompt, WireJsonKind.String, "NegativePrompt", RequestFact.NegativePrompt, false,
        "What to avoid in the output.")
    {
        EstimateDescription = "Optional.",
    };

    public static readonly WireParameter SourceMediaUrls = new(WireNames.SourceMediaUrls, WireJsonKind.StringOrStringArray, "SourceMediaUrls", RequestFact.SourceMediaUrls, false,
        "Required for image-to-video and image-to-image. URL(s) to image(s), or for some models (e.g. Kling 2.6 Motion) image + video. Omit for text-to-image and text-to-video.");

    public static readonly WireParameter AspectRatio = new(WireNames.AspectRatio, WireJsonKind.String, "AspectRatio", RequestFact.AspectRatio, false,
        "e.g. 1:1, 16:9, 9:16, 4:5, 21:9. Default: 1:1.");

    public static readonly WireParameter Duration = new(WireNames.Duration, WireJsonKind.String, "Duration", RequestFact.Duration, false,
        "Video length. Only certain video models use this.");

    public static readonly WireParameter Quality = new(WireNames.Quality, WireJsonKind.String, "Quality", RequestFact.Quality, false,
        "e.g. fast, standard, pro, ultra. Default: standard.");

    public static readonly WireParameter Sound = new(WireNames.Sound, WireJsonKind.Boolean, "Sound", RequestFact.Sound, false,
        "When true, request video with generated audio. Only certain video models use this. Default: false.");

    public static readonly WireParameter Seed = new(WireNames.Seed, WireJsonKind.Number, "Seed", RequestFact.None, false,
        "Seed for reproducible results.");

    public static readonly WireParameter KlingElements = new(WireNames.KlingElements, WireJsonKind.ObjectArray, "KlingElements", RequestFact.KlingElements, false,
        "Kling 3.0 only. Elements the prompt references as @name.");

    public static readonly WireParameter EstimateParameters = new(WireNames.Parameters, WireJsonKind.Object, "Parameters", RequestFact.None, false,
        "Optional extra parameters (the other generate_media parameters, e.g. duration, quality, sound).");

    public static readonly WireParameter ElementName = new(WireNames.ElementName, WireJsonKind.String, "Name", RequestFact.ElementName, true,
        "The element's title, referenced in the prompt as @name.", string.Empty);

    public static readonly WireParameter ElementDescription = new(WireNames.ElementDescription, WireJsonKind.String, "Description", RequestFact.ElementDescription, true,
        "What the element is.", string.Empty);

    public static readonly WireParameter ElementInputUrls = new(WireNames.ElementInputUrls, WireJsonKind.StringArray, "ElementInputUrls", RequestFact.ElementImageUrls, false,
        "Image URLs of an image element.", string.Empty);

    public static readonly WireParameter ElementInputVideoUrls = new(WireNames.ElementInputVideoUrls, WireJsonKind.StringArray, "ElementInputVideoUrls", RequestFact.ElementVideoUrls, false,
        "Video URL of a video element.", string.Empty);
#pragma warning restore CS1591

    /// <summary><c>generate_media</c>'s parameters, in the spec's order.</summary>
    public static IReadOnlyList<WireParameter> GenerateMedia { get; } = new[]
    {
        Prompt, Model, GenerationType, NegativePrompt, SourceMediaUrls, AspectRatio, Duration, Quality, Sound, Seed, KlingElements,
    };

    /// <summary>The members of one Kling element.</summary>
    public static IReadOnlyList<WireParameter> KlingElement { get; } = new[]
    {
        ElementName, ElementDescription, ElementInputUrls, ElementInputVideoUrls,
    };

    /// <summary><c>get_generation_estimate</c>'s parameters, in the spec's order.</summary>
    public static IReadOnlyList<WireParameter> GenerationEstimate { get; } = new[]
    {
        Model, GenerationType, Prompt, NegativePrompt, EstimateParameters,
    };

    /// <summary>The wire names of <see cref="GenerateMedia"/>, in order (for did-you-mean).</summary>
    public static IReadOnlyList<string> GenerateMediaNames { get; } = NamesOf(GenerateMedia);

    /// <summary>The wire names of <see cref="KlingElement"/>, in order (for did-you-mean).</summary>
    public static IReadOnlyList<string> KlingElementNames { get; } = NamesOf(KlingElement);

    /// <summary>The <c>generate_media</c> parameter with this wire name, or null.</summary>
    public static WireParameter? Find(string name) => Find(GenerateMedia, name, byMember: false);

    /// <summary>The <c>generate_media</c> parameter carried by this C# member of the request type, or null.</summary>
    public static WireParameter? FindByMember(string memberName) => Find(GenerateMedia, memberName, byMember: true);

    /// <summary>The Kling element member carried by this C# member of the element type, or null.</summary>
    public static WireParameter? FindElementMemberByMember(string memberName) => Find(KlingElement, memberName, byMember: true);

    /// <summary>The Kling element member with this wire name, or null.</summary>
    public static WireParameter? FindElementMember(string name) => Find(KlingElement, name, byMember: false);

    /// <summary>
    /// True when <paramref name="parameter"/> is one of <c>get_generation_estimate</c>'s own parameters (it travels at
    /// the top level of an estimate request; every other <c>generate_media</c> parameter goes in <c>parameters</c>).
    /// </summary>
    public static bool IsEstimateParameter(WireParameter parameter)
    {
        foreach (WireParameter own in GenerationEstimate)
        {
            if (own == parameter)
            {
                return true;
            }
        }

        return false;
    }

    private static WireParameter? Find(IReadOnlyList<WireParameter> table, string key, bool byMember)
    {
        foreach (WireParameter parameter in table)
        {
            if (string.Equals(byMember ? parameter.MemberName : parameter.Name, key, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        return null;
    }

    private static string[] NamesOf(IReadOnlyList<WireParameter> table)
    {
        var names = new string[table.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = table[i].Name;
        }

        return names;
    }
}
