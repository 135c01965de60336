using System.Collections.Generic;

namespace MediaModels.Catalog.Rules;

/// <summary>
/// A <c>generate_media</c> request as the rule engine sees it. A struct of references, so building one from a
/// typed request allocates nothing. A null item in a URL list is a URL known only at run time.
/// </summary>
public readonly struct RequestFacts
{
    /// <summary><c>model</c>.</summary>
    public Fact<string> Model { get; init; }

    /// <summary><c>generation_type</c>; absent means the service default (text-to-image).</summary>
    public Fact<string> GenerationType { get; init; }

    /// <summary><c>prompt</c>.</summary>
    public Fact<string> Prompt { get; init; }

    /// <summary><c>negative_prompt</c>.</summary>
    public Fact<string> NegativePrompt { get; init; }

    /// <summary><c>source_media_urls</c>.</summary>
    public Fact<IReadOnlyList<string?>> SourceMediaUrls { get; init; }

    /// <summary><c>aspect_ratio</c>.</summary>
    public Fact<string> AspectRatio { get; init; }

    /// <summary><c>duration</c>, wire form <c>5s</c>.</summary>
    public Fact<string> Duration { get; init; }

    /// <summary><c>quality</c>.</summary>
    public Fact<string> Quality { get; init; }

    /// <summary><c>sound</c>.</summary>
    public Fact<bool> Sound { get; init; }

    /// <summary><c>kling_elements</c>.</summary>
    public Fact<IReadOnlyList<IElementFacts>> KlingElements { get; init; }
}
