using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MediaModels.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Agreement.Tests.Infrastructure;

/// <summary>A consumer's compilation in memory: net10.0 reference assemblies, the MediaModels runtime and catalog library.</summary>
internal static class InMemoryCompilation
{
    /// <summary>C# as the SDK compiles a net10.0 project (the symbols decide, e.g., whether the generator registers its catalog with a module initializer).</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(
        LanguageVersion.Latest,
        preprocessorSymbols: new[] { "NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER", "NET10_0" });

    public static ImmutableArray<MetadataReference> References { get; } = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(GenerateMediaRequest).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(ModelSpec).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        assemblyName,
        trees,
        References,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // The runtime's net8.0 build referenced from a net10.0 compilation, as the SDK's NoWarn does.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));

    public static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path);
}
