using System.Text;

namespace MediaModels.Catalog.Naming;

/// <summary>
/// Deterministic C# identifiers for model ids: PascalCase over the alphanumeric runs
/// (<c>kling-2-6-image-to-video</c> → <c>Kling26ImageToVideo</c>, <c>gpt-1.5-image-medium</c> → <c>Gpt15ImageMedium</c>),
/// prefixed with <c>Model</c> when the result would start with a digit (<c>5-lite-text-to-image</c> →
/// <c>Model5LiteTextToImage</c>). A catalog <c>name:</c> overrides it.
/// </summary>
public static class ModelNaming
{
    /// <summary>The C# type name for a model: its catalog name when set, else one derived from the id.</summary>
    public static string TypeNameOf(ModelSpec model) => model.Name ?? FromId(model.Id);

    /// <summary>Derives a PascalCase identifier from a model id.</summary>
    public static string FromId(string id) => CSharpNames.ValueName(id, "Model");

    /// <summary>
    /// PascalCase over the ASCII letter/digit runs (<c>start-frame</c> → <c>StartFrame</c>, <c>image-to-video</c> →
    /// <c>ImageToVideo</c>); empty when there are none. The one spelling rule of every generated name.
    /// </summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder(text.Length + 5);
        bool upperNext = true;
        foreach (char c in text)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="name"/> is a plain C# identifier (ASCII letters, digits, underscore; no leading digit).</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
