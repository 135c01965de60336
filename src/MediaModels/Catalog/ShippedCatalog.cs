using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;

namespace MediaModels;

/// <summary>
/// The catalog shipped with this version of MediaModels, embedded in the assembly so validation needs no files.
/// </summary>
public static class ShippedCatalog
{
    private const string ResourcePrefix = "MediaModels.Catalog.";

    private static readonly Lazy<ModelCatalog> Loaded = new(Load);

    /// <summary>The shipped catalog, read once.</summary>
    public static ModelCatalog Instance => Loaded.Value;

    /// <summary>The shipped catalog files (name and YAML text), in merge order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources()
    {
        Assembly assembly = typeof(ShippedCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => ("catalog/" + n.Substring(ResourcePrefix.Length), ReadResource(assembly, n)))
            .ToArray();
    }

    /// <summary>
    /// Reads the shipped catalog followed by <paramref name="overlays"/> (files or folders), so overlays can add models
    /// or override shipped ones.
    /// </summary>
    public static CatalogReadResult ReadWith(IEnumerable<string> overlays, bool includeShipped = true)
    {
        IEnumerable<CatalogFile> shipped = includeShipped ? ParsedSources() : Enumerable.Empty<CatalogFile>();
        return CatalogMerger.Merge(shipped.Concat(CatalogReader.ParseFiles(overlays)));
    }

    /// <summary>Reads the shipped catalog followed by overlay texts (path used only in positions), e.g. one typed in a tool.</summary>
    public static CatalogReadResult ReadWith(IEnumerable<(string Path, string Text)> overlays) =>
        CatalogMerger.Merge(ParsedSources().Concat(overlays.Select(o => CatalogFileParser.Parse(o.Path, o.Text))));

    private static IEnumerable<CatalogFile> ParsedSources() => Sources().Select(s => CatalogFileParser.Parse(s.Path, s.Text));

    private static ModelCatalog Load()
    {
        CatalogReadResult result = CatalogReader.Read(Sources());
        if (result.HasErrors)
        {
            // Only a broken build of this package could get here; tests guard the shipped files.
            throw new InvalidOperationException("The shipped catalog has errors:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Catalog;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
