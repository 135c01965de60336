using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Generators;
using MediaModels.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer the way the compiler does, without the testing library: a CSharpCompilation, the catalog as
/// AdditionalFiles with the MediaModelsCatalog metadata, CompilationWithAnalyzers, and every analyzer exception caught
/// through <c>onAnalyzerException</c>.
/// </summary>
internal static class DirectAnalysis
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static ImmutableArray<AdditionalText> CatalogTexts { get; } = TestSetup.CatalogFiles
        .Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text))
        .ToImmutableArray();

    public static AnalyzerConfigOptionsProvider CatalogOptions { get; } = new TestOptionsProvider(
        TestSetup.CatalogFiles.ToDictionary(f => f.Path, _ => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [TestSetup.CatalogMetadata] = "true" }));

    public static AnalyzerOptions AnalyzerOptions { get; } = new(CatalogTexts, CatalogOptions);

    private static readonly Lazy<ImmutableArray<SyntaxTree>> Generated = new(RunGenerator);

    /// <summary>The typed builders the generator makes from the shipped catalog (generated once per test run).</summary>
    public static ImmutableArray<SyntaxTree> GeneratedTrees => Generated.Value;

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "Consumer",
        trees,
        TestSetup.References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    public static CSharpCompilation Compile(string source, bool withBuilders = false) =>
        Compile(new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, "/project/Consumer.cs") }.Concat(withBuilders ? GeneratedTrees : ImmutableArray<SyntaxTree>.Empty));

    /// <summary>Runs the analyzer; returns its diagnostics and every exception it let escape.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(Compilation compilation, AnalyzerOptions? options = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MediaRequestAnalyzer()),
            new CompilationWithAnalyzersOptions(
                options ?? AnalyzerOptions,
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (diagnostics, exceptions.ToArray());
    }

    private static ImmutableArray<SyntaxTree> RunGenerator()
    {
        CSharpCompilation empty = Compile(Array.Empty<SyntaxTree>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new MediaModelsGenerator().AsSourceGenerator() },
            CatalogTexts,
            ParseOptions,
            CatalogOptions);
        driver.RunGeneratorsAndUpdateCompilation(empty, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator failed: " + string.Join("\n", diagnostics));
        }

        return output.SyntaxTrees.ToImmutableArray();
    }

    private sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public TestAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _byPath;

        public TestOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath) => _byPath = byPath;

        public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            _byPath.TryGetValue(textFile.Path, out IReadOnlyDictionary<string, string>? values) ? new TestOptions(values) : GlobalOptions;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public TestOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            _values.TryGetValue(key, out value);
    }
}
