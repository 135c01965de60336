using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Model;
using MediaModels.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MediaModels.Generators.Analyzers;

/// <summary>The catalog a compilation's analyzers check against, and the shared rule engine over it.</summary>
/// <param name="Catalog">The merged catalog (its valid part when a file has errors).</param>
/// <param name="Engine">The one rule engine.</param>
/// <param name="HasErrors">
/// True when a catalog file has MM1xxx problems (which the generator reports): a model left out because of them
/// would otherwise read as an unknown id, so MM0001 and MM0008 are not reported then.</param>
internal sealed record AnalyzerCatalog(ModelCatalog Catalog, RuleEngine Engine, bool HasErrors)
{
    // Bounded caches, shared by every compilation in the process (the compiler server, the IDE): a catalog file is
    // parsed once per distinct content and a set of files merged once, not once per compilation or call site.
    private const int MaxFiles = 128;
    private const int MaxCatalogs = 16;

    private static readonly ConcurrentDictionary<string, ParsedFile> Files = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, MergedEntry> Merged = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, int> ParsesByPath = new(StringComparer.Ordinal);

    /// <summary>How many times the file at <paramref name="path"/> was parsed in this process (tests prove the cache works with it).</summary>
    internal static int ParseCount(string path) => ParsesByPath.TryGetValue(path, out int count) ? count : 0;

    /// <summary>
    /// The catalog from the compilation's AdditionalFiles marked <c>MediaModelsCatalog=true</c> (recognised exactly as
    /// the generator recognises them, merged in the same order), or null when there is none.
    /// </summary>
    public static AnalyzerCatalog? Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var inputs = new List<CatalogFileInput>();
        foreach (AdditionalText file in options.AdditionalFiles)
        {
            CatalogFileInput? input = CatalogFileSelector.Select(file, options.AnalyzerConfigOptionsProvider, cancellationToken);
            if (input?.Text is not null)
            {
                inputs.Add(input);
            }
        }

        if (inputs.Count == 0)
        {
            return null;
        }

        CatalogFileInput[] ordered = CatalogMergeOrder.Sort(inputs, f => f.Order, f => f.Path);
        var files = new CatalogFile[ordered.Length];
        var key = new System.Text.StringBuilder();
        for (int i = 0; i < ordered.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            files[i] = ParseOnce(ordered[i].Path, ordered[i].Text!, cancellationToken);
            key.Append(ordered[i].Path).Append('\u0001').Append(ordered[i].Text!.Length).Append('\u0001')
                .Append(ordered[i].Text!.GetHashCode()).Append('\u0002');
        }

        string catalogKey = key.ToString();
        if (Merged.TryGetValue(catalogKey, out MergedEntry? hit) && hit.Files.Length == files.Length && hit.Files.Zip(files, ReferenceEquals).All(same => same))
        {
            return hit.Catalog;
        }

        CatalogReadResult result = CatalogMerger.Merge(files);
        var catalog = new AnalyzerCatalog(result.Catalog, new RuleEngine(result.Catalog), result.HasErrors);
        if (Merged.Count >= MaxCatalogs)
        {
            Merged.Clear();
        }

        Merged[catalogKey] = new MergedEntry(files, catalog);
        return catalog;
    }

    private static CatalogFile ParseOnce(string path, string text, CancellationToken cancellationToken)
    {
        string key = path + "\u0001" + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0001" + text.GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Files.TryGetValue(key, out ParsedFile? hit) && string.Equals(hit.Text, text, StringComparison.Ordinal))
        {
            return hit.File;
        }

        ParsesByPath.AddOrUpdate(path, 1, static (_, count) => count + 1);
        CatalogFile file = CatalogFileParser.Parse(path, text, cancellationToken);
        if (Files.Count >= MaxFiles)
        {
            Files.Clear();
        }

        Files[key] = new ParsedFile(text, file);
        return file;
    }

    private sealed record ParsedFile(string Text, CatalogFile File);

    private sealed record MergedEntry(CatalogFile[] Files, AnalyzerCatalog Catalog);
}
