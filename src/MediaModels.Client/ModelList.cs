using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace MediaModels.Client;

/// <summary>How many inputs of one kind a generation type takes, as the service reports it.</summary>
/// <param name="Min">Fewest, when reported.</param>
/// <param name="Max">Most, when reported (null: unbounded or not reported).</param>
public sealed record InputCount(int? Min, int? Max);

/// <summary>
/// What <c>get_models</c> says a model costs (its <c>cost</c> object; the spec says the list has "costs" but not their
/// shape, so each member is read under the names a service plausibly uses and <see cref="Raw"/> keeps the rest).
/// </summary>
/// <param name="CreditsPerSecond">Credits per second (<c>credits_per_second</c>), when reported.</param>
/// <param name="SecondsOf">
/// Which seconds <see cref="CreditsPerSecond"/> counts (<c>seconds_of</c>): <c>output</c>, or <c>reference_video</c> for a
/// model whose output is as long as its reference video (motion control); null when not reported.</param>
/// <param name="MaxCredits">The most a generation can cost (<c>max_credits</c>), when reported.</param>
/// <param name="CreditsPerGeneration">A flat price per generation (<c>credits</c>, <c>credits_per_generation</c>, or a bare number as <c>cost</c>), when reported.</param>
/// <param name="Notes">Pricing remarks (<c>notes</c>: a string or a list), e.g. that audio and no-audio variants differ.</param>
/// <param name="Raw">The <c>cost</c> JSON as received.</param>
public sealed record ModelCost(double? CreditsPerSecond, string? SecondsOf, double? MaxCredits, double? CreditsPerGeneration, IReadOnlyList<string> Notes, JsonElement Raw);

/// <summary>The inputs of one generation type of a model, as <c>get_models</c> reports them.</summary>
/// <param name="Images">Image inputs, or null when none are reported.</param>
/// <param name="Videos">Video inputs, or null when none are reported.</param>
public sealed record ModelInputs(InputCount? Images, InputCount? Videos);

/// <summary>
/// One model from <c>get_models</c>. The spec does not document the shape, so every member is read leniently (names
/// and forms a service plausibly uses) and <see cref="Raw"/> keeps the JSON as received; unknown members never fail.
/// </summary>
public sealed class ModelInfo
{
    internal ModelInfo(string id, JsonElement raw)
    {
        Id = id;
        Raw = raw;
    }

    /// <summary>The model id.</summary>
    public string Id { get; }

    /// <summary><c>media_type</c> (<c>image</c>/<c>video</c>), when reported.</summary>
    public string? MediaType { get; internal set; }

    /// <summary>Supported generation types.</summary>
    public IReadOnlyList<string> GenerationTypes { get; internal set; } = Array.Empty<string>();

    /// <summary><c>input_media_types</c> (e.g. <c>image</c>, <c>video</c>).</summary>
    public IReadOnlyList<string> InputMediaTypes { get; internal set; } = Array.Empty<string>();

    /// <summary>Whether the model needs an input image, when reported.</summary>
    public bool? RequiresInputImage { get; internal set; }

    /// <summary>Required inputs per generation type, when reported.</summary>
    public IReadOnlyDictionary<string, ModelInputs> Inputs { get; internal set; } = new Dictionary<string, ModelInputs>();

    /// <summary><c>estimated_time_seconds</c>, when reported.</summary>
    public double? EstimatedTimeSeconds { get; internal set; }

    /// <summary>Credits per second of output, when reported (<c>cost.credits_per_second</c> or <c>credits_per_second</c>).</summary>
    public double? CreditsPerSecond { get; internal set; }

    /// <summary>Every cost member reported (<c>cost</c>), typed; null when the model has none.</summary>
    public ModelCost? Cost { get; internal set; }

    /// <summary>The model's JSON as received.</summary>
    public JsonElement Raw { get; }

    /// <summary>The id.</summary>
    public override string ToString() => Id;
}

/// <summary>The answer of <c>get_models</c>: the models found and the JSON as received.</summary>
public sealed class ModelList
{
    internal ModelList(IReadOnlyList<ModelInfo> models, JsonElement raw)
    {
        Models = models;
        Raw = raw;
    }

    /// <summary>The models, in the order received.</summary>
    public IReadOnlyList<ModelInfo> Models { get; }

    /// <summary>The whole answer as received.</summary>
    public JsonElement Raw { get; }

    /// <summary>The model with this id, or null.</summary>
    /// <param name="id">A model id.</param>
    public ModelInfo? Find(string id) => Models.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Reads any plausible shape: an array of models, or an object holding one under <c>models</c>, <c>data</c>,
    /// <c>items</c> or <c>results</c>, or an object keyed by model id. A model is an object with <c>id</c>
    /// (or <c>model</c>, <c>model_id</c>, <c>name</c>) or a bare id string. Entries without an id are skipped.
    /// </summary>
    /// <param name="payload">The tool's JSON.</param>
    public static ModelList Parse(JsonElement payload)
    {
        JsonElement raw = payload.Clone();
        var models = new List<ModelInfo>();
        if (raw.ValueKind == JsonValueKind.Array)
        {
            AddAll(raw, models);
        }
        else if (raw.ValueKind == JsonValueKind.Object)
        {
            JsonElement? list = null;
            foreach (string name in new[] { "models", "data", "items", "results" })
            {
                if (raw.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Array)
                {
                    list = value;
                    break;
                }
            }

            if (list is JsonElement array)
            {
                AddAll(array, models);
            }
            else
            {
                foreach (JsonProperty property in raw.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        models.Add(ReadModel(property.Value, property.Name));
                    }
                }
            }
        }

        return new ModelList(models, raw);
    }

    private static void AddAll(JsonElement array, List<ModelInfo> models)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(item.GetString()))
            {
                models.Add(new ModelInfo(item.GetString()!, item));
            }
            else if (item.ValueKind == JsonValueKind.Object && FirstString(item, "id", "model", "model_id", "name") is string id)
            {
                models.Add(ReadModel(item, id));
            }
        }
    }

    private static ModelInfo ReadModel(JsonElement item, string fallbackId)
    {
        string id = FirstString(item, "id", "model", "model_id") ?? fallbackId;
        var model = new ModelInfo(id, item)
        {
            MediaType = FirstString(item, "media_type", "media", "type", "output_type"),
            GenerationTypes = Strings(item, "generation_types", "supported_generation_types", "modes"),
            InputMediaTypes = Strings(item, "input_media_types", "input_types"),
            RequiresInputImage = FirstBool(item, "requires_input_image", "needs_input_image", "requires_image"),
            EstimatedTimeSeconds = FirstNumber(item, "estimated_time_seconds", "estimated_time"),
            Cost = item.TryGetProperty("cost", out JsonElement cost) ? ReadCost(cost) : null,
        };
        model.CreditsPerSecond = model.Cost?.CreditsPerSecond ?? FirstNumber(item, "credits_per_second");

        foreach (string name in new[] { "inputs", "required_inputs", "input_counts" })
        {
            if (item.TryGetProperty(name, out JsonElement inputs) && inputs.ValueKind == JsonValueKind.Object)
            {
                var byType = new Dictionary<string, ModelInputs>(StringComparer.Ordinal);
                foreach (JsonProperty type in inputs.EnumerateObject())
                {
                    if (type.Value.ValueKind == JsonValueKind.Object)
                    {
                        byType[type.Name] = new ModelInputs(Count(type.Value, "images", "image"), Count(type.Value, "videos", "video"));
                    }
                }

                model.Inputs = byType;
                break;
            }
        }

        return model;
    }

    private static ModelCost? ReadCost(JsonElement cost)
    {
        JsonElement raw = cost.Clone();
        if (Number(cost) is double flat)
        {
            return new ModelCost(null, null, null, flat, Array.Empty<string>(), raw);
        }

        if (cost.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        IReadOnlyList<string> notes = cost.TryGetProperty("notes", out JsonElement single) && single.ValueKind == JsonValueKind.String
            ? new[] { single.GetString()! }
            : Strings(cost, "notes");
        return new ModelCost(
            FirstNumber(cost, "credits_per_second", "per_second"),
            FirstString(cost, "seconds_of"),
            FirstNumber(cost, "max_credits", "max"),
            FirstNumber(cost, "credits", "credits_per_generation", "per_generation"),
            notes,
            raw);
    }

    private static InputCount? Count(JsonElement owner, params string[] names)
    {
        foreach (string name in names)
        {
            if (!owner.TryGetProperty(name, out JsonElement value))
            {
                continue;
            }

            if (Number(value) is double exact)
            {
                return new InputCount((int)exact, (int)exact);
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                double? count = FirstNumber(value, "count", "exactly");
                double? min = FirstNumber(value, "min", "minimum") ?? count;
                double? max = FirstNumber(value, "max", "maximum") ?? count;
                return new InputCount(min is double a ? (int)a : null, max is double b ? (int)b : null);
            }
        }

        return null;
    }

    private static string? FirstString(JsonElement owner, params string[] names)
    {
        foreach (string name in names)
        {
            if (owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static bool? FirstBool(JsonElement owner, params string[] names)
    {
        foreach (string name in names)
        {
            if (owner.TryGetProperty(name, out JsonElement value))
            {
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return value.GetBoolean();
                }

                if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out bool parsed))
                {
                    return parsed;
                }
            }
        }

        return null;
    }

    private static double? FirstNumber(JsonElement owner, params string[] names)
    {
        foreach (string name in names)
        {
            if (owner.TryGetProperty(name, out JsonElement value) && Number(value) is double number)
            {
                return number;
            }
        }

        return null;
    }

    private static double? Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double number) ? number
        : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed
        : null;

    private static IReadOnlyList<string> Strings(JsonElement owner, params string[] names)
    {
        foreach (string name in names)
        {
            if (!owner.TryGetProperty(name, out JsonElement value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return (value.GetString() ?? string.Empty).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).ToArray();
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return value.EnumerateArray()
                    .Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()
                        : v.ValueKind == JsonValueKind.Object ? FirstString(v, "type", "name", "id") : null)
                    .Where(s => !string.IsNullOrEmpty(s))
                    .Select(s => s!)
                    .ToArray();
            }
        }

        return Array.Empty<string>();
    }
}
