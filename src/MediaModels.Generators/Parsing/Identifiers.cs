using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Parsing;

/// <summary>Deterministic C# identifiers for catalog values (roles, quality values, generation types).</summary>
internal static class Identifiers
{
    /// <summary>PascalCase over the ASCII letter/digit runs: <c>start-frame</c> → <c>StartFrame</c>; empty when there are none.</summary>
    public static string Pascal(string text) => MediaModels.Catalog.Naming.ModelNaming.Pascal(text);

    /// <summary>camelCase of <see cref="Pascal"/>.</summary>
    public static string Camel(string text)
    {
        string pascal = Pascal(text);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>A value name: PascalCase, prefixed with <paramref name="prefix"/> when empty or starting with a digit.</summary>
    public static string ValueName(string value, string prefix)
    {
        string name = Pascal(value);
        return name.Length == 0 || char.IsDigit(name[0]) ? prefix + name : name;
    }

    /// <summary>True when <paramref name="name"/> is a C# keyword (reserved or contextual).</summary>
    public static bool IsKeyword(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None;

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

    /// <summary>Returns <paramref name="name"/>, or it with 2, 3, … appended, whichever is not yet in <paramref name="taken"/>; adds it.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        string candidate = name;
        for (int i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
