using System.Collections.Generic;

namespace MediaModels.Catalog.Rules;

/// <summary>
/// One Kling element as far as a checker knows it. An interface so the runtime's element type can be checked
/// as it is, without copying (the validator allocates nothing for a valid request).
/// </summary>
public interface IElementFacts
{
    /// <summary>The element's <c>name</c>, referenced in prompts as <c>@name</c>.</summary>
    Fact<string> Name { get; }

    /// <summary>The element's <c>description</c>.</summary>
    Fact<string> Description { get; }

    /// <summary><c>element_input_urls</c> (images); a null item is a URL known only at run time.</summary>
    Fact<IReadOnlyList<string?>> ImageUrls { get; }

    /// <summary><c>element_input_video_urls</c>; a null item is a URL known only at run time.</summary>
    Fact<IReadOnlyList<string?>> VideoUrls { get; }
}
