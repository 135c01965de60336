using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using MediaModels.Catalog.Rules;
using MediaModels.CodeFixes;
using MediaModels.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using GeneratorDescriptors = MediaModels.Generators.Diagnostics.DiagnosticDescriptors;

namespace MediaModels.Analyzers.Tests;

/// <summary>Descriptors, release tracking, help links and the catalog cache.</summary>
public sealed class EngineeringTests
{
    [Fact]
    public void Descriptors_come_from_the_shared_rule_table()
    {
        ImmutableArray<DiagnosticDescriptor> supported = new MediaRequestAnalyzer().SupportedDiagnostics;
        string[] expected = MediaRules.All
            .Where(r => r.Category == MediaRules.UsageCategory && r.Id is not ("MM0005" or "MM0006" or "MM0007"))
            .Select(r => r.Id)
            .ToArray();
        Assert.Equal(expected, supported.Select(d => d.Id).ToArray());
        foreach (DiagnosticDescriptor descriptor in supported)
        {
            RuleDescriptor rule = MediaRules.Find(descriptor.Id)!;
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.DefaultSeverity == Severity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal("{0}", descriptor.MessageFormat.ToString());
            Assert.Equal("https://github.com/mediamodels/mediamodels/blob/main/docs/diagnostics/" + rule.Id + ".md", descriptor.HelpLinkUri);
            Assert.True(descriptor.IsEnabledByDefault);
        }
    }

    [Fact]
    public void Release_files_list_every_id_the_assembly_reports()
    {
        var reported = new MediaRequestAnalyzer().SupportedDiagnostics.Concat(GeneratorDescriptors.All)
            .Select(d => $"{d.Id} | {d.Category} | {d.DefaultSeverity}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        var listed = new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(f => File.ReadAllLines(Path.Combine(TestPaths.GeneratorFolder, f)))
            .Where(line => line.StartsWith("MM", StringComparison.Ordinal))
            .Select(line => string.Join(" | ", line.Split('|').Take(3).Select(part => part.Trim())))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(reported, listed);
    }

    [Fact]
    public void Code_fix_reads_the_property_the_analyzer_writes()
    {
        Assert.Equal(AnalyzerDescriptors.SuggestionProperty, MediaRequestCodeFixProvider.SuggestionProperty);
        Assert.All(new MediaRequestCodeFixProvider().FixableDiagnosticIds, id => Assert.NotNull(AnalyzerDescriptors.Find(id)));
    }

    /// <summary>
    /// The code fix assembly loads in any host of Roslyn 4.8: it asks for Roslyn 4.8, for no newer
    /// System.Collections.Immutable than Roslyn itself does, and for nothing of System.Composition (whose 7.0.0, the
    /// version Workspaces 4.8 asks for, is not available to pin).
    /// </summary>
    [Fact]
    public void Code_fix_assembly_references_only_what_a_Roslyn_4_8_host_has()
    {
        System.Reflection.AssemblyName[] references = typeof(MediaRequestCodeFixProvider).Assembly.GetReferencedAssemblies();
        string described = string.Join(", ", references.Select(r => $"{r.Name} {r.Version}"));
        string[] allowed = { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces", "MediaModels.Catalog", "System.Collections.Immutable" };
        Assert.True(references.All(r => allowed.Contains(r.Name)), "Unexpected reference: " + described);
        Assert.All(references.Where(r => r.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)), r => Assert.Equal(new Version(4, 8, 0, 0), r.Version));
        Version roslynsOwn = typeof(Compilation).Assembly.GetReferencedAssemblies().Single(r => r.Name == "System.Collections.Immutable").Version!;
        Assert.All(references.Where(r => r.Name == "System.Collections.Immutable"), r => Assert.True(r.Version <= roslynsOwn, described));
    }

    [Fact]
    public async Task The_catalog_is_parsed_once_per_distinct_content_not_per_compilation_or_call_site()
    {
        // Paths of this test only, so tests running in parallel do not touch the counts.
        var files = TestSetup.CatalogFiles.Select(f => ("/cache-test/" + Path.GetFileName(f.Path), f.Text)).ToArray();
        AnalyzerOptions options = Options(files);
        string many = "using MediaModels;\nclass C {\n" + string.Concat(Enumerable.Range(0, 50).Select(i =>
            $"  GenerateMediaRequest R{i}() => new GenerateMediaRequest {{ Model = \"sora-2\", GenerationType = \"text-to-video\", Prompt = \"p{i}\", Sound = true }};\n")) + "}\n";

        for (int run = 0; run < 3; run++)
        {
            (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(DirectAnalysis.Compile(many), options);
            Assert.Empty(exceptions);
            Assert.Equal(50, diagnostics.Count(d => d.Id == "MM0101"));
        }

        Assert.All(files, f => Assert.Equal(1, AnalyzerCatalog.ParseCount(f.Item1)));

        // A changed file is parsed again; the others are not.
        var changed = files.Select(f => f.Item1.EndsWith("sora.yaml", StringComparison.Ordinal) ? (f.Item1, f.Text + "\n# edited\n") : f).ToArray();
        await DirectAnalysis.AnalyzeAsync(DirectAnalysis.Compile(many), Options(changed));
        Assert.All(files, f => Assert.Equal(f.Item1.EndsWith("sora.yaml", StringComparison.Ordinal) ? 2 : 1, AnalyzerCatalog.ParseCount(f.Item1)));
    }

    [Fact]
    public async Task A_broken_catalog_neither_crashes_nor_turns_every_model_into_MM0001()
    {
        var files = TestSetup.CatalogFiles.Select(f => ("/broken-test/" + Path.GetFileName(f.Path), f.Path.EndsWith("sora.yaml", StringComparison.Ordinal) ? f.Text.Replace("  - id: sora-2\n", "  - id: sora-2\n    colour: red\n") : f.Text))
            .Append(("/broken-test/garbage.yaml", "models: [ {{{ : : \t\n"))
            .ToArray();
        string source = "using MediaModels;\nclass C { GenerateMediaRequest R() => new GenerateMediaRequest { Model = \"sora-2\", GenerationType = \"text-to-video\", Prompt = \"p\" }; }\n";
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(DirectAnalysis.Compile(source), Options(files));
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "MM0001" || d.Id == "MM0008");
    }

    private static AnalyzerOptions Options(IEnumerable<(string Path, string Text)> files)
    {
        var test = files.ToArray();
        var texts = test.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        return new AnalyzerOptions(texts, new MarkedFiles(test.Select(f => f.Path)));
    }

    private sealed class InMemoryText : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
    }

    private sealed class MarkedFiles : AnalyzerConfigOptionsProvider
    {
        private readonly HashSet<string> _paths;

        public MarkedFiles(IEnumerable<string> paths) => _paths = new HashSet<string>(paths, StringComparer.Ordinal);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(false);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Values(_paths.Contains(textFile.Path));

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly bool _marked;

            public Values(bool marked) => _marked = marked;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = _marked && key == TestSetup.CatalogMetadata ? "true" : null;
                return value is not null;
            }
        }
    }
}
