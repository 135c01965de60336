using System.Collections.Generic;
using System.Globalization;

namespace MediaModels.Catalog.Naming;

/// <summary>
/// How catalog text becomes C# names, written once for the catalog check and the generator alike: the spelling is
/// <see cref="ModelNaming.Pascal"/>'s, and this adds the variants (camelCase, value names, counters), the keywords and
/// the length limit. The catalog library has no Roslyn reference, so none of this asks the compiler.
/// </summary>
public static class CSharpNames
{
    /// <summary>
    /// The longest C# name the catalog may give the generated code (a model's type name, or the name a role or a quality
    /// value becomes, before the few characters the generator may append to keep names apart). The compiler refuses
    /// names over 1,023 bytes when it writes the assembly (CS7013), and a builder's full metadata name holds the
    /// namespace, <c>MediaCatalog</c>, the model's name and the builder's; 200 leaves room for all of them. (Generated
    /// file names no longer carry model names: the generator groups models into numbered files.)
    /// </summary>
    public const int MaxNameLength = 200;

    /// <summary>camelCase of <see cref="ModelNaming.Pascal"/>.</summary>
    public static string Camel(string text)
    {
        string pascal = ModelNaming.Pascal(text);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>A value name: <see cref="ModelNaming.Pascal"/>, prefixed with <paramref name="prefix"/> when empty or starting with a digit.</summary>
    public static string ValueName(string value, string prefix)
    {
        string name = ModelNaming.Pascal(value);
        return name.Length == 0 || char.IsDigit(name[0]) ? prefix + name : name;
    }

    /// <summary>Returns <paramref name="name"/>, or it with 2, 3, … appended, whichever is not yet in <paramref name="taken"/>; adds it.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>True when <paramref name="name"/> is a C# keyword, reserved or contextual.</summary>
    public static bool IsKeyword(string name) => CSharpKeywords.Contains(name);

    /// <summary>True when a type name has only lower-case ASCII letters (warning CS8981 in C# 11 and later).</summary>
    public static bool IsAllLowerAscii(string name)
    {
        foreach (char c in name)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return name.Length > 0;
    }
}
