using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Agreement.Tests.Infrastructure;

/// <summary>
/// The shipped catalog files as a build gives them to the generator and the analyzer: AdditionalFiles with
/// <c>build_metadata.AdditionalFiles.MediaModelsCatalog = true</c>, the key MSBuild writes for
/// <c>&lt;AdditionalFiles MediaModelsCatalog="true" /&gt;</c> through the generator props' CompilerVisibleItemMetadata.
/// </summary>
internal static class CatalogAdditionalFiles
{
    private const string CatalogMetadata = "build_metadata.AdditionalFiles.MediaModelsCatalog";

    public static ImmutableArray<AdditionalText> Shipped { get; } = TestPaths.ShippedCatalogFiles
        .Select(path => (AdditionalText)new FileText("/project/catalog/" + Path.GetFileName(path), File.ReadAllText(path)))
        .ToImmutableArray();

    public static AnalyzerConfigOptionsProvider ShippedOptions { get; } = new MarkedAsCatalog(Shipped.Select(t => t.Path));

    public static AnalyzerOptions ShippedAnalyzerOptions { get; } = new(Shipped, ShippedOptions);

    private sealed class FileText : AdditionalText
    {
        private readonly SourceText _text;

        public FileText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MarkedAsCatalog : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);
        private static readonly Options Catalog = new(ImmutableDictionary<string, string>.Empty.Add(CatalogMetadata, "true"));
        private readonly HashSet<string> _paths;

        public MarkedAsCatalog(IEnumerable<string> paths) => _paths = new HashSet<string>(paths);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _paths.Contains(textFile.Path) ? Catalog : None;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => _values.Keys;
        }
    }
}
