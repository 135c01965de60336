using System;
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
/// net10.0, MediaModels.Catalog.dll, the runtime (assembly MediaModels), nullable enabled, every warning
/// wave on and XML documentation diagnosed (so a missing doc comment is CS1591).
/// </summary>
internal static class ConsumerCompilation
{
    /// <summary>The symbols the SDK defines for a .NET 8 or later target (both reference sets are).</summary>
    public static IReadOnlyList<string> PreprocessorSymbols { get; } = new[] { "NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER" };

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version, DocumentationMode.Diagnose, preprocessorSymbols: PreprocessorSymbols);

    public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            deterministic: true)
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            // The consumer's own snippets are not documented; the generated code must be.
            ["CS1591"] = ReportDiagnostic.Warn,

            // The SDK suppresses these (NoWarn 1701;1702): the runtime's net8.0 build referenced from a net10.0 consumer.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static IEnumerable<MetadataReference> FrameworkReferences(ReferenceSet set) => set switch
    {
        ReferenceSet.Net80 => Basic.Reference.Assemblies.Net80.References.All,
        _ => Basic.Reference.Assemblies.Net100.References.All,
    };

    public static MetadataReference CatalogReference { get; } = MetadataReference.CreateFromFile(typeof(ModelSpec).Assembly.Location);

    /// <summary>The real runtime (assembly MediaModels), as the package gives it to a consumer.</summary>
    public static MetadataReference RuntimeReference { get; } = MetadataReference.CreateFromFile(typeof(GenerateMediaRequest).Assembly.Location);

    /// <summary>A consumer compilation with <paramref name="sources"/> (file names Consumer0.cs…).</summary>
    public static CSharpCompilation Create(ReferenceSet set, params string[] sources) => Create(set, ParseOptions(), sources);

    public static CSharpCompilation Create(ReferenceSet set, CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, $"Consumer{i}.cs")),
            FrameworkReferences(set).Append(CatalogReference).Append(RuntimeReference),
            Options);

    /// <summary>Every diagnostic of warning or error severity, as text, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => d.ToString()));
}
