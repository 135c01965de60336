using System.Collections.Generic;
using MediaModels.Catalog.Wire;

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

    /// <summary>A copy with the string parameter that feeds <paramref name="fact"/> set to <paramref name="value"/>.</summary>
    public RequestFacts WithString(RequestFact fact, Fact<string> value) => fact switch
    {
        RequestFact.Model => this with { Model = value },
        RequestFact.GenerationType => this with { GenerationType = value },
        RequestFact.Prompt => this with { Prompt = value },
        RequestFact.NegativePrompt => this with { NegativePrompt = value },
        RequestFact.AspectRatio => this with { AspectRatio = value },
        RequestFact.Duration => this with { Duration = value },
        RequestFact.Quality => this with { Quality = value },
        _ => this,
    };

    /// <summary>A copy with every parameter that feeds <paramref name="fact"/> present but known only at run time.</summary>
    public RequestFacts WithUnknown(RequestFact fact) => fact switch
    {
        RequestFact.Sound => this with { Sound = Fact<bool>.Unknown },
        RequestFact.SourceMediaUrls => this with { SourceMediaUrls = Fact<IReadOnlyList<string?>>.Unknown },
        RequestFact.KlingElements => this with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Unknown },
        _ => WithString(fact, Fact<string>.Unknown),
    };
}
