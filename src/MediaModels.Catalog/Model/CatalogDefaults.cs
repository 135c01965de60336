namespace MediaModels.Catalog;

/// <summary>Service-wide defaults the spec states once for every model.</summary>
/// <param name="GenerationType">Assumed when <c>generation_type</c> is omitted (text-to-image).</param>
/// <param name="AspectRatio">Assumed when <c>aspect_ratio</c> is omitted (1:1).</param>
/// <param name="AspectRatioExamples">The examples the spec lists.</param>
/// <param name="Quality">Assumed when <c>quality</c> is omitted (standard).</param>
/// <param name="ImageInput">What most models accept as image input.</param>
/// <param name="Notes">Notes on the defaults.</param>
public sealed record CatalogDefaults(
    string GenerationType,
    string AspectRatio,
    EquatableArray<string> AspectRatioExamples,
    string? Quality,
    SourceMediaLimit? ImageInput,
    EquatableArray<string> Notes)
{
    /// <summary>Defaults including the <c>sound</c> default (see <see cref="Sound"/>).</summary>
    /// <remarks>Generated code calls constructors, not object initializers, so it compiles as C# 8.</remarks>
#pragma warning disable CS1573 // The other parameters are the primary constructor's.
    public CatalogDefaults(string generationType, string aspectRatio, EquatableArray<string> aspectRatioExamples, string? quality, SourceMediaLimit? imageInput, EquatableArray<string> notes, bool sound)
#pragma warning restore CS1573
        : this(generationType, aspectRatio, aspectRatioExamples, quality, imageInput, notes)
    {
        Sound = sound;
    }

    /// <summary>Assumed when <c>sound</c> is omitted (false: "Default: false").</summary>
    public bool Sound { get; init; }

    /// <summary>
    /// Each parameter these defaults cover with the value assumed when a request omits it, in wire order: the one list
    /// that <c>docs/models.md</c>, <c>mediamodels models ID</c> and the generated <c>MediaCatalog</c> docs show.
    /// </summary>
    public EquatableArray<ParameterDefault> WhenOmitted()
    {
        var defaults = new ParameterDefault[Quality is null ? 3 : 4];
        int count = 0;
        defaults[count++] = new ParameterDefault(Wire.WireNames.GenerationType, GenerationType);
        defaults[count++] = new ParameterDefault(Wire.WireNames.AspectRatio, AspectRatio);
        if (Quality is string quality)
        {
            defaults[count++] = new ParameterDefault(Wire.WireNames.Quality, quality);
        }

        defaults[count] = new ParameterDefault(Wire.WireNames.Sound, Sound ? "true" : "false");
        return new EquatableArray<ParameterDefault>(defaults);
    }

    /// <summary>The defaults the spec states, used when no catalog file sets them.</summary>
    public static readonly CatalogDefaults Spec = new(
        GenerationTypes.Default,
        "1:1",
        EquatableArray<string>.Empty,
        "standard",
        null,
        EquatableArray<string>.Empty);
}
