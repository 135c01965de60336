namespace MediaModels.Catalog.Naming;

/// <summary>
/// Deterministic C# identifiers for model ids: PascalCase over the alphanumeric runs
/// (<c>kling-2-6-image-to-video</c> → <c>Kling26ImageToVideo</c>, <c>gpt-1.5-image-medium</c> → <c>Gpt15ImageMedium</c>),
/// prefixed with <c>Model</c> when the result would start with a digit (<c>5-lite-text-to-image</c> →
/// <c>Model5LiteTextToImage</c>). A catalog <c>name:</c> overrides it.
/// </summary>
public static class ModelNaming
{
    /// <summary>The C# type name for a model: its catalog name when set, else one derived from the id.</summary>
    public static string TypeNameOf(ModelSpec model) => model.Name ?? FromId(model.Id);

    /// <summary>Derives a PascalCase identifier from a model id.</summary>
    public static string FromId(string id) => CSharpNames.ValueName(id, "Model");

    /// <summary>True when <paramref name="name"/> is a plain C# identifier (ASCII letters, digits, underscore; no leading digit).</summary>
    public static bool IsValidIdentifier(string name) => CSharpNames.IsValidIdentifier(name);
}
