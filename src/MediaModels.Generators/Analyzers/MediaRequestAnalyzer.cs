using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// Checks <c>generate_media</c> requests written in C# against the catalog, with the rule engine the runtime
/// validator uses (same IDs, same messages): the loose <c>GenerateMediaRequest</c> API where the model id is a
/// constant, and literals in the generated typed builders.
/// </summary>
/// <remarks>
/// The catalog comes from the same AdditionalFiles as the generator's (<c>MediaModelsCatalog="true"</c>), parsed once
/// per distinct file content; without catalog files, or in a compilation that does not reference the MediaModels
/// runtime, the analyzer registers nothing. Severities are the rule table's and
/// can be changed in <c>.editorconfig</c> (<c>dotnet_diagnostic.MM0101.severity = none</c>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MediaRequestAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => AnalyzerDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static c => AnalyzerGuard.Run(OnCompilationStart, c, c.CancellationToken));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        AnalyzerCatalog? catalog = AnalyzerCatalog.Load(context.Options, context.CancellationToken);
        if (catalog is null)
        {
            return;
        }

        // A code block action, not operation actions: see RequestSiteAnalysis for why and what it filters.
        if (RequestSiteAnalysis.Create(context.Compilation, catalog, context.CancellationToken) is { } sites)
        {
            context.RegisterCodeBlockAction(sites.OnCodeBlock);
        }
    }
}
