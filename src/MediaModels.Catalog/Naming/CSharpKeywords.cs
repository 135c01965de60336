using System;
using System.Collections.Generic;

namespace MediaModels.Catalog.Naming;

/// <summary>
/// The C# keywords, reserved and contextual, as the compiler knows them (Roslyn's <c>SyntaxFacts</c>). The catalog
/// library has no Roslyn reference, so the list is its own; a test in the generator's tests compares it with
/// <c>SyntaxFacts.GetKeywordKinds()</c> and <c>GetContextualKeywordKinds()</c> so it cannot drift.
/// </summary>
public static class CSharpKeywords
{
    /// <summary>Reserved keywords: never an identifier without <c>@</c>.</summary>
    public static readonly IReadOnlyList<string> Reserved = new[]
    {
        "__arglist", "__makeref", "__reftype", "__refvalue", "abstract", "as", "base", "bool", "break", "byte", "case",
        "catch", "char", "checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else",
        "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object",
        "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte",
        "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>Contextual keywords: identifiers in most places, keywords in some (a type named <c>record</c> is refused).</summary>
    public static readonly IReadOnlyList<string> Contextual = new[]
    {
        "add", "alias", "allows", "and", "ascending", "assembly", "async", "await", "by", "descending", "equals", "field",
        "file", "from", "get", "global", "group", "init", "into", "join", "let", "managed", "method", "module", "nameof",
        "not", "on", "or", "orderby", "param", "partial", "property", "record", "remove", "required", "scoped", "select",
        "set", "type", "typevar", "unmanaged", "when", "where", "with", "yield",
    };

    private static readonly HashSet<string> All = new(Concat(), StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is a C# keyword, reserved or contextual (case-sensitive, as C# is).</summary>
    public static bool Contains(string name) => All.Contains(name);

    private static IEnumerable<string> Concat()
    {
        foreach (string keyword in Reserved)
        {
            yield return keyword;
        }

        foreach (string keyword in Contextual)
        {
            yield return keyword;
        }
    }
}
