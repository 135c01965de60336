namespace MediaModels.Generators;

/// <summary>
/// The tracking name of every step of <see cref="MediaModelsGenerator"/>'s pipeline, in pipeline order. Tests read
/// the steps by these names (GeneratorDriver with trackIncrementalGeneratorSteps) to prove what is cached.
/// </summary>
public static class TrackingNames
{
    /// <summary>What the consumer's C# can take (module initializers), from its parse options.</summary>
    public const string LanguageSupport = "MediaModels.LanguageSupport";

    /// <summary>The generator's options (namespace, accessibility, version), from global analyzer config.</summary>
    public const string Options = "MediaModels.Options";

    /// <summary>Each AdditionalFiles item with its analyzer config: is it a catalog file, and in which order.</summary>
    public const string CatalogFileSelection = "MediaModels.CatalogFileSelection";

    /// <summary>The catalog files only (items without MediaModelsCatalog="true" dropped).</summary>
    public const string CatalogFiles = "MediaModels.CatalogFiles";

    /// <summary>One catalog file's text read and its YAML parsed and checked (once per file content).</summary>
    public const string ParsedCatalogFiles = "MediaModels.ParsedCatalogFiles";

    /// <summary>All parsed files together.</summary>
    public const string CollectedCatalogFiles = "MediaModels.CollectedCatalogFiles";

    /// <summary>The files merged into one catalog, with the options, turned into emit specs and diagnostics.</summary>
    public const string MergedCatalog = "MediaModels.MergedCatalog";

    /// <summary>Catalog diagnostics (MM1xxx) as data, located in the YAML files.</summary>
    public const string Diagnostics = "MediaModels.Diagnostics";

    /// <summary>The index of models and the service defaults (MediaCatalog.g.cs, AspectRatio.g.cs).</summary>
    public const string CatalogIndex = "MediaModels.CatalogIndex";

    /// <summary>The models in groups, one group per generated file (<c>MediaCatalog.Models07.g.cs</c>).</summary>
    public const string ModelGroups = "MediaModels.ModelGroups";
}
