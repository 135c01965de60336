using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaModels.Catalog;
using MediaModels.Catalog.Wire;

namespace MediaModels.Agreement.Tests.Corpus;

/// <summary>
/// A request being made for the corpus: the JSON object, the catalog facts it was made from, the seeded random
/// source, and what was done to it so far.
/// </summary>
internal sealed class CorpusDraft
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    private readonly List<Func<string, string>> _textEdits = new();

    public CorpusDraft(ModelCatalog catalog, ModelSpec model, GenerationTypeSpec mode, Random random)
    {
        Catalog = catalog;
        Model = model;
        Mode = mode;
        Random = random;
    }

    public ModelCatalog Catalog { get; }

    /// <summary>The model the valid base was made for (a perturbation may have changed the id on the wire).</summary>
    public ModelSpec Model { get; }

    /// <summary>The generation type the valid base was made for.</summary>
    public GenerationTypeSpec Mode { get; }

    public Random Random { get; }

    public JsonObject Request { get; } = new();

    /// <summary>The perturbations applied so far, by name.</summary>
    public List<string> Steps { get; } = new();

    public JsonNode? this[WireParameter parameter]
    {
        get => Request[parameter.Name];
        set => Request[parameter.Name] = value;
    }

    public bool Has(WireParameter parameter) => Request.ContainsKey(parameter.Name);

    public void Remove(WireParameter parameter) => Request.Remove(parameter.Name);

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    /// <summary>The source media URLs as an array (a lone string becomes one), or null when absent or not a list.</summary>
    public JsonArray? Urls
    {
        get
        {
            if (this[WireParameters.SourceMediaUrls] is JsonValue one && one.TryGetValue(out string? url))
            {
                var array = new JsonArray(JsonValue.Create(url));
                this[WireParameters.SourceMediaUrls] = array;
                return array;
            }

            return this[WireParameters.SourceMediaUrls] as JsonArray;
        }
    }

    /// <summary>The URL strings of the source media (items of another JSON kind left out).</summary>
    public List<string> UrlStrings() => Urls?.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>().ToList() ?? new List<string>();

    public void SetUrls(IEnumerable<string> urls)
    {
        var array = new JsonArray();
        foreach (string url in urls)
        {
            array.Add(JsonValue.Create(url));
        }

        this[WireParameters.SourceMediaUrls] = array;
    }

    public JsonArray? Elements => this[WireParameters.KlingElements] as JsonArray;

    /// <summary>Changes the text after it is written (for what a JSON object cannot hold: malformed JSON, duplicate keys).</summary>
    public void EditText(Func<string, string> edit) => _textEdits.Add(edit);

    public string Serialize()
    {
        string text = Request.ToJsonString(Chance(0.3) ? Indented : Compact);
        foreach (Func<string, string> edit in _textEdits)
        {
            text = edit(text);
        }

        return text;
    }

    /// <summary>A fresh copy of a JSON value (a node belongs to one parent).</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.DeepClone();
}
