using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Wire;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// A JSON request as the equivalent loose C# (<c>new GenerateMediaRequest { … }</c>): each member through
/// <see cref="WireParameters"/> (its C# member and JSON kind), lists written as arrays, <c>List&lt;string&gt;</c> or
/// collection expressions in turn. Only for requests whose every member has its table's JSON kind.
/// </summary>
internal static class LooseCSharp
{
    /// <summary>
    /// A method returning the request: usually one object creation with an initializer; every fourth one the creation
    /// with the first half of the members, the rest assigned to its local in the statements that follow (which the
    /// analyzer folds into the request).
    /// </summary>
    public static string Method(string name, JsonElement request, int variant)
    {
        string[] members = Members(request, WireParameters.Find, variant).ToArray();
        if (variant % 4 != 3)
        {
            return $"    internal static GenerateMediaRequest {name}() => new GenerateMediaRequest {{ {string.Join(", ", members)} }};\n";
        }

        int inInitializer = members.Length / 2;
        var text = new System.Text.StringBuilder($"    internal static GenerateMediaRequest {name}()\n    {{\n");
        text.Append("        var request = new GenerateMediaRequest { ").Append(string.Join(", ", members.Take(inInitializer))).Append(" };\n");
        foreach (string member in members.Skip(inInitializer))
        {
            text.Append("        request.").Append(member).Append(";\n");
        }

        return text.Append("        return request;\n    }\n").ToString();
    }

    private static IEnumerable<string> Members(JsonElement obj, Func<string, WireParameter?> find, int variant)
    {
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            WireParameter parameter = find(property.Name)
                ?? throw new InvalidOperationException($"'{property.Name}' has no C# member; such requests are not written as C#.");
            yield return parameter.MemberName + " = " + Value(property.Value, parameter.Kind, variant);
        }
    }

    private static string Value(JsonElement value, WireJsonKind kind, int variant)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "null";
        }

        return kind switch
        {
            WireJsonKind.String => Literal(value.GetString()!),
            WireJsonKind.Boolean => value.GetBoolean() ? "true" : "false",
            WireJsonKind.Number => value.GetInt64() == long.MinValue ? "long.MinValue" : value.GetInt64().ToString(CultureInfo.InvariantCulture),
            WireJsonKind.StringOrStringArray when value.ValueKind == JsonValueKind.String => "new[] { " + Literal(value.GetString()!) + " }",
            WireJsonKind.StringOrStringArray or WireJsonKind.StringArray => List(value.EnumerateArray().Select(i => Literal(i.GetString()!)).ToArray(), "string", variant),
            WireJsonKind.ObjectArray => List(
                value.EnumerateArray().Select(e => "new KlingElement { " + string.Join(", ", Members(e, WireParameters.FindElementMember, variant)) + " }").ToArray(),
                "KlingElement",
                variant),
            _ => throw new InvalidOperationException($"No C# for a {kind} value."),
        };
    }

    private static string List(string[] items, string type, int variant) => (variant % 3) switch
    {
        0 => items.Length == 0 ? $"new {type}[0]" : "new[] { " + string.Join(", ", items) + " }",
        1 => $"new List<{type}> {{ " + string.Join(", ", items) + " }",
        _ => "[" + string.Join(", ", items) + "]",
    };

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
