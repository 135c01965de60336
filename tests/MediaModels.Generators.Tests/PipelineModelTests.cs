using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using MediaModels.Catalog;
using MediaModels.Generators.Diagnostics;
using MediaModels.Generators.Model;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MediaModels.Generators.Tests;

/// <summary>The pipeline's models hold plain, value-equatable data; the output is deterministic.</summary>
public class PipelineModelTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel),
        typeof(Location), typeof(AdditionalText), typeof(Diagnostic), typeof(Microsoft.CodeAnalysis.Text.SourceText),
    };

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_compilation_locations_or_additional_texts()
    {
        Type[] roots = { typeof(GeneratorModel), typeof(ParsedCatalogFile), typeof(CatalogFileInput), typeof(GeneratorOptions), typeof(DiagnosticInfo) };
        var visited = new HashSet<Type>();
        var problems = new List<string>();
        foreach (Type root in roots)
        {
            Walk(root, root.Name, visited, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(typeof(ModelEmitSpec), visited);
        Assert.Contains(typeof(ModelSpec), visited);
        Assert.Contains(typeof(Catalog.Reading.ModelDraft), visited);
    }

    private static void Walk(Type type, string path, HashSet<Type> visited, List<string> problems)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || !visited.Add(type))
        {
            return;
        }

        foreach (Type forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                problems.Add($"{path} is a {forbidden.Name}.");
            }
        }

        if (Nullable.GetUnderlyingType(type) is Type underlying)
        {
            Walk(underlying, path, visited, problems);
            return;
        }

        bool isEquatableArray = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>);
        if (type.IsArray || (typeof(IEnumerable).IsAssignableFrom(type) && !isEquatableArray))
        {
            problems.Add($"{path} is a {type.Name}, compared by reference; use EquatableArray<T>.");
        }

        if (type.IsClass && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is null)
        {
            problems.Add($"{path} ({type.Name}) is a class without value equality (not a record).");
        }

        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                Walk(argument, $"{path}<{argument.Name}>", visited, problems);
            }
        }

        if (isEquatableArray)
        {
            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.FieldType, $"{path}.{field.Name}", visited, problems);
        }
    }

    [Fact]
    public void Two_runs_give_identical_text()
    {
        IReadOnlyDictionary<string, string> first = GeneratorHarness.RunShipped().Sources;
        IReadOnlyDictionary<string, string> second = GeneratorHarness.RunShipped().Sources;
        Assert.Equal(first.Keys.OrderBy(k => k, StringComparer.Ordinal), second.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (string key in first.Keys)
        {
            Assert.Equal(first[key], second[key]);
        }
    }

    [Fact]
    public void Output_does_not_depend_on_the_culture_or_on_the_order_files_are_given()
    {
        IReadOnlyDictionary<string, string> invariant = GeneratorHarness.RunShipped().Sources;
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (string culture in new[] { "de-DE", "ar-SA", "tr-TR", "fa-IR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                IReadOnlyDictionary<string, string> other = GeneratorHarness.Run(GeneratorHarness.ShippedCatalog().Reverse()).Sources;
                foreach (string key in invariant.Keys)
                {
                    Assert.True(invariant[key] == other[key], $"{key} differs under {culture}:\n{Golden.Diff(invariant[key], other[key])}");
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        IReadOnlyList<TestAdditionalText> texts = GeneratorHarness.ShippedCatalog();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, GeneratorHarness.CatalogOptions(texts));
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            driver.RunGenerators(ConsumerCompilation.Create(ReferenceSet.Net100, "class C { }"), cancellation.Token));
    }
}
