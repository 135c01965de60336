using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests.Infrastructure;

/// <summary>
/// What every analyzer test compilation gets: net8.0 reference assemblies (Basic.Reference.Assemblies, resolved
/// offline), the real MediaModels runtime and catalog assemblies, the shipped catalog YAML as AdditionalFiles, and a
/// global analyzer config giving them <c>build_metadata.AdditionalFiles.MediaModelsCatalog = true</c> — the same keys
/// MSBuild writes from <c>&lt;AdditionalFiles MediaModelsCatalog="true" /&gt;</c> through CompilerVisibleItemMetadata.
/// </summary>
internal static class TestSetup
{
    /// <summary>The metadata key the generator (and so the analyzer) reads: Parsing/CatalogFileSelector.CatalogMetadata.</summary>
    public const string CatalogMetadata = "build_metadata.AdditionalFiles.MediaModelsCatalog";

    /// <summary>The merge-order metadata key: Parsing/CatalogFileSelector.OrderMetadata.</summary>
    public const string OrderMetadata = "build_metadata.AdditionalFiles.MediaModelsCatalogOrder";

    /// <summary>No NuGet download: the framework references come from Basic.Reference.Assemblies.Net80 instead.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net8.0");

    /// <summary>The shipped catalog files, with paths as a project would give them.</summary>
    public static IReadOnlyList<(string Path, string Text)> CatalogFiles { get; } = Directory
        .GetFiles(TestPaths.CatalogFolder, "*.yaml")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => ("/project/catalog/" + Path.GetFileName(f), File.ReadAllText(f)))
        .ToArray();

    public static ImmutableArray<MetadataReference> References { get; } = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(GenerateMediaRequest).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(ModelSpec).Assembly.Location))
        .ToImmutableArray();

    /// <summary>A global analyzer config marking <paramref name="paths"/> as catalog files (with an optional order each).</summary>
    public static string GlobalConfig(IEnumerable<(string Path, int? Order)> paths)
    {
        var text = new StringBuilder("is_global = true\n");
        foreach ((string path, int? order) in paths)
        {
            text.Append('\n').Append('[').Append(path).Append("]\n").Append(CatalogMetadata).Append(" = true\n");
            if (order is int o)
            {
                text.Append(OrderMetadata).Append(" = ").Append(o).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Adds the references, the catalog files and their metadata to a test project.</summary>
    public static void Configure(ProjectState state, bool withCatalog = true, IEnumerable<(string Path, string Text, int Order)>? overlays = null)
    {
        state.AdditionalReferences.AddRange(References);
        if (!withCatalog)
        {
            return;
        }

        var marked = new List<(string, int?)>();
        foreach ((string path, string text) in CatalogFiles)
        {
            state.AdditionalFiles.Add((path, text));
            marked.Add((path, null));
        }

        foreach ((string path, string text, int order) in overlays ?? Array.Empty<(string, string, int)>())
        {
            state.AdditionalFiles.Add((path, text));
            marked.Add((path, order));
        }

        state.AnalyzerConfigFiles.Add(("/project/.globalconfig", GlobalConfig(marked)));
    }
}
