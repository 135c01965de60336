namespace MediaModels.Catalog.Wire;

/// <summary>The JSON a tool parameter takes, as the spec's parameter table types it.</summary>
public enum WireJsonKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A string or an array of strings (<c>source_media_urls</c>: "string or array").</summary>
    StringOrStringArray,

    /// <summary>An array of strings.</summary>
    StringArray,

    /// <summary>An array of objects (<c>kling_elements</c>).</summary>
    ObjectArray,

    /// <summary>A JSON object (<c>get_generation_estimate</c>'s <c>parameters</c>).</summary>
    Object,
}
