using System;
using System.Collections.Generic;
using System.Text.Json;
using MediaModels.Catalog.Wire;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>
/// What a request's text is made of, judged against <see cref="WireParameters"/> (names and JSON kinds) with
/// <see cref="JsonDocument"/> alone, independently of the reader under test: which surfaces can carry it.
/// </summary>
internal static class RequestShapes
{
    public static IReadOnlySet<RequestShape> Of(string json)
    {
        var shapes = new HashSet<RequestShape>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            shapes.Add(RequestShape.MalformedJson);
            return shapes;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                shapes.Add(RequestShape.MalformedJson);
                return shapes;
            }

            // A name that is not text cannot even be compared with the table's.
            if (!IsText(document.RootElement))
            {
                shapes.Add(RequestShape.UnpairedSurrogate);
                return shapes;
            }

            Members(document.RootElement, WireParameters.GenerateMedia, shapes);
        }

        return shapes;
    }

    /// <summary>False when a name or string anywhere in <paramref name="element"/> has an unpaired surrogate escape.</summary>
    private static bool IsText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        if (!IsText(property.Value) || property.Name is null)
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        if (!IsText(item))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Members(JsonElement obj, IReadOnlyList<WireParameter> table, HashSet<RequestShape> shapes)
    {
        var seen = new HashSet<string>();
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                shapes.Add(RequestShape.MalformedJson);
            }

            WireParameter? parameter = null;
            foreach (WireParameter candidate in table)
            {
                if (candidate.Name == property.Name)
                {
                    parameter = candidate;
                }
            }

            if (parameter is null)
            {
                shapes.Add(RequestShape.UnknownParameter);
            }
            else if (!IsOfKind(property.Value, parameter.Kind, shapes))
            {
                shapes.Add(RequestShape.WrongJsonType);
            }
        }
    }

    private static bool IsOfKind(JsonElement value, WireJsonKind kind, HashSet<RequestShape> shapes)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        switch (kind)
        {
            case WireJsonKind.String:
                return value.ValueKind == JsonValueKind.String;
            case WireJsonKind.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False;
            case WireJsonKind.Number:
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _);
            case WireJsonKind.StringOrStringArray:
                return value.ValueKind == JsonValueKind.String || IsArrayOf(value, JsonValueKind.String);
            case WireJsonKind.StringArray:
                return IsArrayOf(value, JsonValueKind.String);
            case WireJsonKind.ObjectArray:
                if (!IsArrayOf(value, JsonValueKind.Object))
                {
                    return false;
                }

                foreach (JsonElement item in value.EnumerateArray())
                {
                    Members(item, WireParameters.KlingElement, shapes);
                }

                return true;
            default:
                return value.ValueKind == JsonValueKind.Object;
        }
    }

    private static bool IsArrayOf(JsonElement value, JsonValueKind itemKind)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != itemKind)
            {
                return false;
            }
        }

        return true;
    }
}
