namespace MediaModels.Catalog.Naming;

/// <summary>
/// What a role says about its input: its last word names the kind (<c>start-frame</c> and <c>reference-image</c> an
/// image, <c>reference-video</c> a video; <c>reference</c> neither). The catalog check refuses a role of the other kind
/// (MM1015) and the generator names the parameter after the role, adding the kind only when the role does not name it.
/// </summary>
public static class RoleNames
{
    private static readonly string[] ImageWords = { "Frame", "Image", "Picture", "Photo" };

    /// <summary>The kind of input <paramref name="role"/> names by its last word, or null when it names none.</summary>
    public static MediaKind? KindNamed(string role)
    {
        string pascal = ModelNaming.Pascal(role);
        if (pascal.EndsWith("Video", System.StringComparison.Ordinal))
        {
            return MediaKind.Video;
        }

        foreach (string word in ImageWords)
        {
            if (pascal.EndsWith(word, System.StringComparison.Ordinal))
            {
                return MediaKind.Image;
            }
        }

        return null;
    }
}
