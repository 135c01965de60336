using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using MediaModels.Agreement.Tests.Corpus;
using MediaModels.Agreement.Tests.Infrastructure;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MediaModels.Agreement.Tests.Surfaces;

/// <summary>
/// (e) The typed builders: for every valid request a builder can say (<see cref="BuilderCall"/>), the call is compiled
/// with <see cref="MediaModelsGenerator"/> over the shipped catalog into ONE in-memory assembly, run, and its
/// <c>Build().ToJson()</c> compared byte for byte with the request's canonical wire JSON
/// (<c>GenerateMediaRequest.FromJson(json).ToJson()</c>). The verdict's detail is the wire JSON (or the exception).
/// </summary>
internal static class BuilderSurface
{
    public const string Name = "typed builders (Build().ToJson())";

    public const string Refused = "refused by the runtime: a builder builds only valid requests";

    public const string UnknownModel = "a model the catalog does not know (MM0008, a warning): no builder is generated for it";

    public const string OutsideReading = "outside the catalog's reading of the spec (a warning): a builder offers only what the catalog reads";

    private const string HarnessClass = "AgreementHarness";

    public static SurfaceReport Judge(IReadOnlyList<CorpusRequest> corpus, SurfaceReport runtime, ModelCatalog catalog)
    {
        var report = new SurfaceReport(Name);
        Stopwatch clock = Stopwatch.StartNew();
        var planned = new List<(CorpusRequest Request, string Call)>();
        var expected = new List<string>();
        foreach (CorpusRequest request in corpus)
        {
            if (SkipReasons.ForCSharp(request) is string shape)
            {
                report.Skip(request.Index, shape);
                continue;
            }

            if (runtime.Verdicts[request.Index].Accepted != true)
            {
                report.Skip(request.Index, Refused);
                continue;
            }

            using JsonDocument document = JsonDocument.Parse(request.Json);
            if (catalog.Find(document.RootElement.GetProperty(WireNames.Model).GetString()!) is null)
            {
                report.Skip(request.Index, UnknownModel);
                continue;
            }

            if (runtime.Verdicts[request.Index].Detail?.Contains(RuleEngine.ReadingPrefix, StringComparison.Ordinal) == true)
            {
                report.Skip(request.Index, OutsideReading);
                continue;
            }

            if (BuilderCall.Write(document.RootElement, catalog, out string? reason) is string call)
            {
                planned.Add((request, call));
                expected.Add(GenerateMediaRequest.FromJson(request.Json).ToJson());
            }
            else
            {
                report.Skip(request.Index, reason!);
            }
        }

        string[] results = CompileAndRun(planned, report);
        for (int i = 0; i < planned.Count && results.Length == planned.Count; i++)
        {
            (CorpusRequest request, string call) = planned[i];
            report.Verdicts[request.Index] = Verdict.Of(Array.Empty<string>(), !results[i].StartsWith('!'), results[i]);
            if (!string.Equals(results[i], expected[i], StringComparison.Ordinal))
            {
                report.Disagreements.Add($"{request.Name}\n    request:  {SurfaceComparison.Cut(request.Json)}\n    builder:  {SurfaceComparison.Cut(call)}\n    expected: {SurfaceComparison.Cut(expected[i])}\n    built:    {SurfaceComparison.Cut(results[i])}");
            }
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>The wire JSON each call builds, or <c>!</c> and the exception; empty when the assembly does not compile.</summary>
    private static string[] CompileAndRun(List<(CorpusRequest Request, string Call)> planned, SurfaceReport report)
    {
        var source = new StringBuilder("using MediaModels;\n\ninternal static class ").Append(HarnessClass).Append("\n{\n");
        source.Append("    public static string[] Run()\n    {\n        var calls = new System.Func<GenerateMediaRequest>[]\n        {\n");
        foreach ((CorpusRequest request, _) in planned)
        {
            source.Append("            B").Append(request.Index).Append(",\n");
        }

        source.Append("""
                    };
                    var results = new string[calls.Length];
                    for (int i = 0; i < calls.Length; i++)
                    {
                        try
                        {
                            results[i] = calls[i]().ToJson();
                        }
                        catch (System.Exception exception)
                        {
                            results[i] = "!" + exception.GetType().Name + ": " + exception.Message;
                        }
                    }

                    return results;
                }

            """);
        foreach ((CorpusRequest request, string call) in planned)
        {
            source.Append("    private static GenerateMediaRequest B").Append(request.Index).Append("() => ").Append(call).Append(";\n\n");
        }

        source.Append("}\n");
        SyntaxTree tree = InMemoryCompilation.Parse(source.ToString(), "/project/Builders.cs");
        Compilation compilation = InMemoryCompilation.Create("TypedBuilders", new[] { tree });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new MediaModelsGenerator().AsSourceGenerator() },
            CatalogAdditionalFiles.Shipped,
            InMemoryCompilation.ParseOptions,
            CatalogAdditionalFiles.ShippedOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation withBuilders, out ImmutableArray<Diagnostic> generatorDiagnostics);
        report.Problems.AddRange(generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => "generator: " + d));

        using var image = new MemoryStream();
        var emitted = withBuilders.Emit(image);
        if (!emitted.Success)
        {
            MethodDeclarationSyntax[] methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Skip(1).ToArray();
            foreach (Diagnostic error in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                int at = error.Location.SourceTree == tree ? Array.FindIndex(methods, m => m.Span.Contains(error.Location.SourceSpan)) : -1;
                report.Problems.Add(at >= 0
                    ? $"{planned[at].Request.Name}: the builder call does not compile: {error.GetMessage()}\n      {planned[at].Call}"
                    : "does not compile: " + error);
            }

            return Array.Empty<string>();
        }

        return RunIsolated(image.ToArray());
    }

    /// <summary>
    /// Runs the harness in its own load context, with its own copy of the MediaModels runtime: the generated catalog
    /// registers itself with the runtime it loads (a module initializer), and in this process's runtime it would
    /// become <c>RequestValidator.Default</c>, the compiled catalog the user-model test relies on.
    /// </summary>
    private static string[] RunIsolated(byte[] image)
    {
        var context = new IsolatedContext();
        try
        {
            Assembly assembly = context.LoadFromStream(new MemoryStream(image));
            MethodInfo run = assembly.GetType(HarnessClass, throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            return (string[])run.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class IsolatedContext : AssemblyLoadContext
    {
        private static readonly string[] Own = { typeof(GenerateMediaRequest).Assembly.GetName().Name!, typeof(ModelSpec).Assembly.GetName().Name! };

        public IsolatedContext()
            : base("typed-builders", isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            Array.IndexOf(Own, assemblyName.Name) >= 0
                ? LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, assemblyName.Name + ".dll"))
                : null;
    }
}
