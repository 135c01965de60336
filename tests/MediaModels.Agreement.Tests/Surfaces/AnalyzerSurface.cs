using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Agreement.Tests.Infrastructure;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// (b) The analyzer: every request as loose C# (<see cref="LooseCSharp"/>: an object creation with an initializer, or one
/// followed by assignments to its local), one method per request in ONE compilation,
/// <see cref="MediaRequestAnalyzer"/> run over it with the shipped catalog as AdditionalFiles, and each diagnostic
/// mapped back to its request by the method its location falls in.
/// </summary>
internal static class AnalyzerSurface
{
    public const string Name = "analyzer (MediaRequestAnalyzer on new GenerateMediaRequest { … })";

    /// <summary>A request without a model member: the analyzer judges a creation as the whole request only when its model id is a constant.</summary>
    public const string NoModel = "no model written: the analyzer judges only what is written unless the model id is a constant";

    public static async Task<SurfaceReport> JudgeAsync(IReadOnlyList<CorpusRequest> corpus)
    {
        var report = new SurfaceReport(Name);
        Stopwatch clock = Stopwatch.StartNew();
        var source = new StringBuilder("using System.Collections.Generic;\nusing MediaModels;\n\ninternal static class Requests\n{\n");
        var judged = new List<CorpusRequest>();
        foreach (CorpusRequest request in corpus)
        {
            if (SkipReasons.ForCSharp(request) is string reason)
            {
                report.Skip(request.Index, reason);
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(request.Json);
            if (!document.RootElement.TryGetProperty(WireParameters.Model.Name, out _))
            {
                report.Skip(request.Index, NoModel);
                continue;
            }

            source.Append(LooseCSharp.Method("R" + request.Index, document.RootElement, request.Index)).Append('\n');
            judged.Add(request);
        }

        source.Append("}\n");
        SyntaxTree tree = InMemoryCompilation.Parse(source.ToString(), "/project/Requests.cs");
        Compilation compilation = InMemoryCompilation.Create("LooseRequests", new[] { tree });

        // Method spans in text order, to place each diagnostic.
        MethodDeclarationSyntax[] methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();
        if (methods.Length != judged.Count)
        {
            throw new InvalidOperationException($"{methods.Length} methods for {judged.Count} requests.");
        }

        var byRequest = judged.ToDictionary(r => r.Index, _ => new List<string>());
        var notes = judged.ToDictionary(r => r.Index, _ => new List<string>());
        var exceptions = new ConcurrentQueue<Exception>();
        var analysis = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MediaRequestAnalyzer()),
            new CompilationWithAnalyzersOptions(
                CatalogAdditionalFiles.ShippedAnalyzerOptions,
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

        // The compiler's diagnostics and the analyzer's in one pass (binding the methods once).
        ImmutableArray<Diagnostic> diagnostics = await analysis.GetAllDiagnosticsAsync(CancellationToken.None);
        report.Problems.AddRange(exceptions.Select(e => "analyzer exception: " + e));
        foreach (Diagnostic diagnostic in diagnostics.Where(d => d.Descriptor.Category == MediaRules.UsageCategory || d.Severity == DiagnosticSeverity.Error))
        {
            if (diagnostic.Descriptor.Category != MediaRules.UsageCategory)
            {
                report.Problems.Add((Place(diagnostic, methods, judged) is CorpusRequest failed ? failed.Name + ": its C# does not compile: " : "does not compile: ") + diagnostic);
            }
            else if (Place(diagnostic, methods, judged) is CorpusRequest request)
            {
                byRequest[request.Index].Add(diagnostic.Id);
                notes[request.Index].Add(diagnostic.ToString());
            }
            else
            {
                report.Problems.Add("diagnostic on no request: " + diagnostic);
            }
        }

        for (int i = 0; i < judged.Count; i++)
        {
            CorpusRequest request = judged[i];
            string code = SurfaceComparison.Cut(methods[i].ToString(), 400);
            report.Verdicts[request.Index] = Verdict.Of(byRequest[request.Index], null, string.Join("\n      ", notes[request.Index].Append(code)));
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static CorpusRequest? Place(Diagnostic diagnostic, MethodDeclarationSyntax[] methods, List<CorpusRequest> judged)
    {
        if (!diagnostic.Location.IsInSource)
        {
            return null;
        }

        TextSpan span = diagnostic.Location.SourceSpan;
        int low = 0;
        int high = methods.Length - 1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            TextSpan method = methods[middle].Span;
            if (span.End <= method.Start)
            {
                high = middle - 1;
            }
            else if (span.Start >= method.End)
            {
                low = middle + 1;
            }
            else
            {
                return method.Contains(span) ? judged[middle] : null;
            }
        }

        return null;
    }
}
