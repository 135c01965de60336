using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Generators.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="MediaModelsGenerator"/> through a real GeneratorDriver, with step tracking on.</summary>
internal static class GeneratorHarness
{
    /// <summary>A stable, machine-independent folder for the catalog paths the tests use.</summary>
    public const string CatalogRoot = "/repo/catalog/";

    /// <summary>The shipped catalog as AdditionalFiles (ordinal file name order).</summary>
    public static IReadOnlyList<TestAdditionalText> ShippedCatalog() => Directory
        .GetFiles(TestPaths.CatalogFolder, "*.yaml")
        .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
        .Select(f => new TestAdditionalText(CatalogRoot + Path.GetFileName(f), File.ReadAllText(f)))
        .ToArray();

    public static TestOptionsProvider CatalogOptions(IEnumerable<AdditionalText> texts, IReadOnlyDictionary<string, string>? global = null)
    {
        var provider = new TestOptionsProvider(global);
        foreach (AdditionalText text in texts)
        {
            provider.Catalog(text.Path);
        }

        return provider;
    }

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> texts, TestOptionsProvider options, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { new MediaModelsGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? ConsumerCompilation.ParseOptions(),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over the given catalog texts (all marked as catalog) and an empty program.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> texts, TestOptionsProvider? options = null, Compilation? compilation = null)
    {
        AdditionalText[] all = texts.ToArray();
        GeneratorDriver driver = CreateDriver(all, options ?? CatalogOptions(all));
        compilation ??= ConsumerCompilation.Create(ReferenceSet.Net100, "namespace Consumer { internal static class Empty { } }");
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    public static GeneratorRun RunShipped() => Run(ShippedCatalog());

    /// <summary>Catalog texts from inline YAML: name → text, under <see cref="CatalogRoot"/>.</summary>
    public static TestAdditionalText[] Yaml(params (string Name, string Text)[] files) =>
        files.Select(f => new TestAdditionalText(CatalogRoot + f.Name, f.Text)).ToArray();
}

/// <summary>Reads the model classes out of a group's generated file.</summary>
internal static class GeneratedModels
{
    /// <summary>The classes nested directly in MediaCatalog in one generated file, by name, with their leading trivia (the docs).</summary>
    public static IReadOnlyDictionary<string, string> Classes(string source) => CSharpSyntaxTree.ParseText(source)
        .GetRoot()
        .DescendantNodes()
        .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
        .Where(c => c.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax { Identifier.ValueText: "MediaCatalog" })
        .ToDictionary(c => c.Identifier.ValueText, c => c.ToFullString(), StringComparer.Ordinal);

    /// <summary>One model's class text, or null when the file does not declare it.</summary>
    public static string? ClassText(string source, string typeName) => Classes(source).TryGetValue(typeName, out string? text) ? text : null;
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    /// <summary>Generated files by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources => Generator.GeneratedSources
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The text of the generated file that holds a model's class (its group's file).</summary>
    public string ModelSource(string typeName) => Sources[HintNames.ModelFile(typeName)];

    /// <summary>True when the class of <paramref name="typeName"/> was generated, in the file of its group.</summary>
    public bool Emits(string typeName) =>
        Sources.TryGetValue(HintNames.ModelFile(typeName), out string? text) && GeneratedModels.ClassText(text, typeName) is not null;

    /// <summary>The text of one model's class (doc comments included) in its group's file; fails when it is not there.</summary>
    public string ModelClass(string typeName) =>
        GeneratedModels.ClassText(ModelSource(typeName), typeName) ?? throw new InvalidOperationException($"{typeName} is not in {HintNames.ModelFile(typeName)}.");

    /// <summary>The generator's own diagnostics (not the compilation's).</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Generator.Diagnostics;
}
