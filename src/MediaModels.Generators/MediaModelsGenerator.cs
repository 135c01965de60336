using System;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using MediaModels.Catalog;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Diagnostics;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Model;
using MediaModels.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators;

/// <summary>
/// Compiles the MediaModels YAML catalog (AdditionalFiles with <c>MediaModelsCatalog="true"</c>) into typed
/// per-model request builders: <c>MediaCatalog.&lt;Model&gt;</c>, spread over a fixed number of files (<see cref="HintNames"/>).
/// </summary>
/// <remarks>
/// The pipeline carries only value-equatable data (no symbols, syntax, compilation, locations or AdditionalText):
/// an edit to a .cs file leaves every step cached, each YAML file is parsed once per content, and an edit to one
/// model re-emits only the file of that model's group. The generator never throws: a broken catalog is MM1xxx diagnostics located
/// in the YAML, and the catalog check leaves out every model that breaks a rule, so the emitters only ever see models
/// they can write. An unexpected failure is still caught, as a last resort, and reported as MM1017 (a bug of ours)
/// rather than CS8785; the tests fail when any input reaches it.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class MediaModelsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => Guard(() => OptionsReader.Read(provider), GeneratorOptions.Default))
            .WithTrackingName(TrackingNames.Options);

        IncrementalValueProvider<LanguageSupport> language = context.ParseOptionsProvider
            .Select(static (parseOptions, _) => Guard(() => LanguageOf(parseOptions), LanguageSupport.None))
            .WithTrackingName(TrackingNames.LanguageSupport);

        IncrementalValuesProvider<CatalogFileInput?> selection = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => SelectFile(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.CatalogFileSelection);

        IncrementalValuesProvider<CatalogFileInput> files = selection
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.CatalogFiles);

        IncrementalValuesProvider<ParsedCatalogFile> parsed = files
            .Select(static (input, cancellationToken) => Parse(input, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedCatalogFiles);

        IncrementalValueProvider<ImmutableArray<ParsedCatalogFile>> collected = parsed
            .Collect()
            .WithTrackingName(TrackingNames.CollectedCatalogFiles);

        IncrementalValueProvider<GeneratorModel> model = collected
            .Combine(options)
            .Select(static (pair, cancellationToken) => Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.MergedCatalog);

        IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics = model
            .Select(static (m, _) => m.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        IncrementalValueProvider<CatalogIndexSpec?> index = model
            .Select(static (m, _) => m.Index)
            .WithTrackingName(TrackingNames.CatalogIndex);

        IncrementalValuesProvider<ModelGroupSpec> groups = model
            .SelectMany(static (m, _) => m.Groups)
            .WithTrackingName(TrackingNames.ModelGroups);

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (DiagnosticInfo item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(index.Combine(language), static (spc, pair) =>
        {
            if (pair.Left is CatalogIndexSpec spec)
            {
                AddSource(spc, HintNames.Catalog, () => CatalogEmitter.EmitCatalog(spec, pair.Right));
                AddSource(spc, HintNames.AspectRatio, () => CatalogEmitter.EmitAspectRatio(spec));
            }
        });

        context.RegisterSourceOutput(groups, static (spc, group) =>
            AddSource(spc, HintNames.ModelGroup(group.Key), () => ModelEmitter.Emit(group)));
    }

    private static LanguageSupport LanguageOf(ParseOptions parseOptions)
    {
        bool moduleInitializers = parseOptions is Microsoft.CodeAnalysis.CSharp.CSharpParseOptions csharp
            && csharp.LanguageVersion >= Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9;
        bool attribute = false;
        foreach (string symbol in parseOptions.PreprocessorSymbolNames)
        {
            attribute |= symbol == "NET5_0_OR_GREATER";
        }

        return new LanguageSupport(moduleInitializers && attribute);
    }

    private static CatalogFileInput? SelectFile(AdditionalText file, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            return CatalogFileSelector.Select(file, provider, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new CatalogFileInput(SafePath(file), 0, null, null, CatalogDiagnostic.Describe(exception));
        }
    }

    private static ParsedCatalogFile Parse(CatalogFileInput input, CancellationToken cancellationToken)
    {
        try
        {
            return CatalogModelBuilder.Parse(input, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ParsedCatalogFile(input.Path, input.Order, input.Text, CatalogModelBuilder.Failed(input.Path, MediaRules.CatalogInternalError.Id, CatalogDiagnostic.InternalErrorMessage("reading this catalog file", exception)), input.InvalidOrder);
        }
    }

    private static GeneratorModel Build(ImmutableArray<ParsedCatalogFile> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return CatalogModelBuilder.Build(files, options, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new GeneratorModel(null, EquatableArray<ModelGroupSpec>.Empty, EquatableArray.Create(new DiagnosticInfo(MediaRules.CatalogInternalError.Id, CatalogDiagnostic.InternalErrorMessage("merging the catalog", exception), null)));
        }
    }

    private static void AddSource(SourceProductionContext context, string hintName, Func<string> emit)
    {
        try
        {
            context.AddSource(hintName, SourceText.From(emit(), Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(new DiagnosticInfo(MediaRules.CatalogInternalError.Id, CatalogDiagnostic.InternalErrorMessage("writing " + hintName, exception), null).ToDiagnostic());
        }
    }

    private static T Guard<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return fallback;
        }
    }

    private static string SafePath(AdditionalText file)
    {
        try
        {
            return file.Path ?? string.Empty;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return string.Empty;
        }
    }
}
