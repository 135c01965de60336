using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Reading;

/// <summary>Reads catalog files (text or paths) and merges them in the order given.</summary>
public static class CatalogReader
{
    /// <summary>Parses and merges catalog texts; <c>Path</c> is only used in positions.</summary>
    public static CatalogReadResult Read(IEnumerable<(string Path, string Text)> sources, CancellationToken cancellationToken = default) =>
        CatalogMerger.Merge(sources.Select(s => CatalogFileParser.Parse(s.Path, s.Text, cancellationToken)).ToArray());

    /// <summary>
    /// Reads files from disk. A path that is a folder reads its <c>*.yaml</c> and <c>*.yml</c> files in ordinal name
    /// order. A file that cannot be read gets an MM1000 and the others are still read.
    /// </summary>
    public static CatalogReadResult ReadFiles(IEnumerable<string> paths, CancellationToken cancellationToken = default) =>
        CatalogMerger.Merge(ParseFiles(paths, cancellationToken));

    /// <summary>Parses files from disk without merging them, expanding folders as <see cref="ReadFiles"/> does.</summary>
    public static IReadOnlyList<CatalogFile> ParseFiles(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        var files = new List<CatalogFile>();
        foreach (string path in paths)
        {
            foreach (string file in Expand(path))
            {
                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    var diagnostic = new CatalogDiagnostic(MediaRules.CatalogUnreadable.Id, $"Cannot read the catalog file: {exception.Message}", new SourceLocation(file, 1, 1));
                    files.Add(new CatalogFile(file, null, EquatableArray<ModelDraft>.Empty, EquatableArray<ModelDraft>.Empty, EquatableArray.Create(diagnostic)));
                    continue;
                }

                files.Add(CatalogFileParser.Parse(file, text, cancellationToken));
            }
        }

        return files;
    }

    private static IEnumerable<string> Expand(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);
        }

        return new[] { path };
    }
}
