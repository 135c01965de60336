namespace MediaModels.Catalog;

/// <summary>
/// The catalog keys of the facts a reading (<c>readings:</c>) or a hedge (<c>hedges:</c>) can qualify. They are the
/// keys of the catalog format (catalog/catalog.schema.json), so an entry names the fact exactly as it writes it.
/// </summary>
public static class FactKeys
{
    /// <summary>The list of a model's generation types: as a reading, a mode missing from it is only in doubt.</summary>
    public const string GenerationTypes = "generation_types";

    /// <summary>The model's prompt limit.</summary>
    public const string PromptMaxLength = "prompt_max_length";

    /// <summary>Whether the model has audio (<c>sound</c>).</summary>
    public const string Sound = "sound";

    /// <summary>Whether the model honours <c>negative_prompt</c>.</summary>
    public const string NegativePrompt = "negative_prompt";

    /// <summary>How the model treats <c>quality</c> (its values, or that it ignores it).</summary>
    public const string Quality = "quality";

    /// <summary>How the model treats <c>duration</c>.</summary>
    public const string Duration = "duration";

    /// <summary>The formats an input accepts.</summary>
    public const string Formats = "formats";

    /// <summary>The largest input file.</summary>
    public const string MaxFileSizeMb = "max_file_size_mb";

    /// <summary>The longest input video.</summary>
    public const string MaxDurationSeconds = "max_duration_seconds";

    /// <summary>The model-level facts <c>readings:</c> may name, in the order the docs list them.</summary>
    public static readonly EquatableArray<string> ModelReadings =
        EquatableArray.Create(GenerationTypes, PromptMaxLength, Duration, Sound, NegativePrompt, Quality);

    /// <summary>The facts of an input limit <c>hedges:</c> may name.</summary>
    public static readonly EquatableArray<string> LimitHedges = EquatableArray.Create(Formats, MaxFileSizeMb, MaxDurationSeconds);
}
