using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// Rule IDs in a JSON answer (the sandbox's tool result, <c>validate --format json</c>): the value of every <c>id</c>
/// member of every object, at any depth, that is a rule ID. Independent of how the diagnostics are nested or what
/// else they carry, so a change of the diagnostic shape does not blind the comparison.
/// </summary>
internal static partial class RuleIds
{
    public static List<string> In(JsonElement element)
    {
        var ids = new List<string>();
        Collect(element, ids);
        return ids;
    }

    private static void Collect(JsonElement element, List<string> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    if (property.NameEquals("id") && property.Value.ValueKind == JsonValueKind.String && RuleId().IsMatch(property.Value.GetString()!))
                    {
                        ids.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, ids);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }

                break;
        }
    }

    [GeneratedRegex("^MM[0-9]{4}$")]
    private static partial Regex RuleId();
}
