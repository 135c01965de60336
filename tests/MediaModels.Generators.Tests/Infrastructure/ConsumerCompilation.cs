using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests.Infrastructure;

public enum ReferenceSet
{
    Net80,
    Net100,
}

/// <summary>
/// Consumer compilations as a user's project would compile the generated code: reference assemblies of net8.0 or
/// net10.0, MediaModels.Catalog.dll, the runtime stand-in (assembly MediaModels), nullable enabled, every warning
/// wave on and XML documentation diagnosed (so a missing doc comment is CS1591).
/// </summary>
internal static class ConsumerCompilation
{
    private static readonly ConcurrentDictionary<ReferenceSet, MetadataReference> StandIns = new();

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose);

    public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // The consumer's own snippets are not documented; the generated code must be.
            ["CS1591"] = ReportDiagnostic.Warn,
        });

    public static IEnumerable<MetadataReference> FrameworkReferences(ReferenceSet set) => set switch
    {
        ReferenceSet.Net80 => Basic.Reference.Assemblies.Net80.References.All,
        _ => Basic.Reference.Assemblies.Net100.References.All,
    };

    public static MetadataReference CatalogReference { get; } = MetadataReference.CreateFromFile(typeof(ModelSpec).Assembly.Location);

    /// <summary>The stand-in runtime compiled into an assembly named MediaModels, once per reference set.</summary>
    public static MetadataReference StandIn(ReferenceSet set) => StandIns.GetOrAdd(set, static s =>
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "MediaModels",
            new[] { CSharpSyntaxTree.ParseText(File.ReadAllText(TestPaths.StandInFile), new CSharpParseOptions(LanguageVersion.Latest), TestPaths.StandInFile) },
            FrameworkReferences(s).Append(CatalogReference),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The stand-in does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    /// <summary>A consumer compilation with <paramref name="sources"/> (file names Consumer0.cs…).</summary>
    public static CSharpCompilation Create(ReferenceSet set, params string[] sources) => Create(set, ParseOptions(), sources);

    public static CSharpCompilation Create(ReferenceSet set, CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, $"Consumer{i}.cs")),
            FrameworkReferences(set).Append(CatalogReference).Append(StandIn(set)),
            Options);

    /// <summary>Every diagnostic of warning or error severity, as text, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));
}
