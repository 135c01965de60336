using System.Collections.Generic;
using MediaModels.Catalog.Wire;

namespace MediaModels.Catalog.Rules;

/// <summary>
/// One Kling element as a reader finds it (the JSON reader, the analyzers), filled member by member. The runtime's
/// own element type implements <see cref="IElementFacts"/> itself, so a typed request needs no copy.
/// </summary>
public sealed class ElementFacts : IElementFacts
{
    /// <inheritdoc />
    public Fact<string> Name { get; set; }

    /// <inheritdoc />
    public Fact<string> Description { get; set; }

    /// <inheritdoc />
    public Fact<IReadOnlyList<string?>> ImageUrls { get; set; }

    /// <inheritdoc />
    public Fact<IReadOnlyList<string?>> VideoUrls { get; set; }

    /// <summary>An element of which nothing is known (not an object, or built where a reader cannot see).</summary>
    public static ElementFacts AllUnknown() => new()
    {
        Name = Fact<string>.Unknown,
        Description = Fact<string>.Unknown,
        ImageUrls = Fact<IReadOnlyList<string?>>.Unknown,
        VideoUrls = Fact<IReadOnlyList<string?>>.Unknown,
    };

    /// <summary>Sets the string member that feeds <paramref name="fact"/> (<c>name</c>, <c>description</c>).</summary>
    public void SetString(RequestFact fact, Fact<string> value)
    {
        if (fact == RequestFact.ElementName)
        {
            Name = value;
        }
        else if (fact == RequestFact.ElementDescription)
        {
            Description = value;
        }
    }

    /// <summary>Sets the URL list that feeds <paramref name="fact"/> (images or videos).</summary>
    public void SetUrls(RequestFact fact, Fact<IReadOnlyList<string?>> value)
    {
        if (fact == RequestFact.ElementImageUrls)
        {
            ImageUrls = value;
        }
        else if (fact == RequestFact.ElementVideoUrls)
        {
            VideoUrls = value;
        }
    }
}
