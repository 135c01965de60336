using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Tests.Infrastructure;

/// <summary>An AdditionalFiles item in memory; <see cref="Failure"/> makes GetText throw, <see cref="Unreadable"/> return null.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public TestAdditionalText(string path, string? text)
    {
        Path = path;
        _text = text is null ? null : SourceText.From(text);
    }

    public override string Path { get; }

    public Exception? Failure { get; init; }

    public bool Unreadable { get; init; }

    public override SourceText? GetText(CancellationToken cancellationToken = default)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        return Unreadable ? null : _text;
    }
}

/// <summary>Analyzer config as MSBuild would pass it: per-file metadata and global properties.</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, TestOptions> _files = new(StringComparer.Ordinal);
    private readonly TestOptions _global;

    public TestOptionsProvider(IReadOnlyDictionary<string, string>? global = null)
    {
        _global = new TestOptions(global ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions => _global;

    /// <summary>Marks a file as catalog (MediaModelsCatalog="true") with an optional order.</summary>
    public TestOptionsProvider Catalog(string path, string? order = null)
    {
        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.MediaModelsCatalog"] = "true" };
        if (order is not null)
        {
            values["build_metadata.AdditionalFiles.MediaModelsCatalogOrder"] = order;
        }

        _files[path] = new TestOptions(values);
        return this;
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _files.TryGetValue(textFile.Path, out TestOptions? options) ? options : TestOptions.Empty;

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
