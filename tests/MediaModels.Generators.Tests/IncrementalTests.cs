using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Model;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests;

/// <summary>Caching, proven with trackIncrementalGeneratorSteps: what an edit re-runs and what it leaves cached.</summary>
public class IncrementalTests
{
    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void Every_step_has_a_tracking_name_and_runs()
    {
        (GeneratorDriver driver, Compilation compilation) = Start();
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(10, StepNames.Length);
        foreach (string step in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Step {step} was not tracked.");
        }
    }

    [Fact]
    public void Editing_a_cs_file_leaves_every_step_cached_and_parses_no_yaml()
    {
        (GeneratorDriver driver, Compilation compilation) = Start();
        driver = driver.RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        Compilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Consumer { internal static class Empty { internal static int Edited; } }")));
        GeneratorRunResult result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (string step in StepNames)
        {
            AssertAll(result, step, Reused);
        }

        // Cached (not merely Unchanged): the YAML parse did not run again.
        AssertAll(result, TrackingNames.ParsedCatalogFiles, new[] { IncrementalStepRunReason.Cached });
        AssertAll(result, TrackingNames.CatalogFileSelection, new[] { IncrementalStepRunReason.Cached });
        foreach (IncrementalGeneratorRunStep step in result.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            Assert.All(step.Outputs, o => Assert.Contains(o.Reason, Reused));
        }
    }

    [Fact]
    public void Editing_one_model_of_a_multi_model_file_re_emits_only_that_model_s_group()
    {
        (GeneratorDriver driver, Compilation compilation) = Start(out IReadOnlyList<TestAdditionalText> texts);
        driver = driver.RunGenerators(compilation);
        IReadOnlyDictionary<string, string> before = Sources(driver);
        AdditionalText kling = texts.Single(t => t.Path.EndsWith("kling.yaml", StringComparison.Ordinal));
        string text = kling.GetText()!.ToString();

        // Change kling-2-6-text-to-video, the first model of the file, and shift every line below it.
        string changed = text.Replace("    prompt_max_length: 2500\n    pricing:\n      notes:\n        - \"Different pricing for audio vs no-audio variants.\"\n    sources: [Models that support duration, Models that support audio, Prompt character limits]",
            "    prompt_max_length: 2400\n    pricing:\n      notes:\n        - \"Different pricing for audio vs no-audio variants.\"\n        - \"An added line that shifts every model below.\"\n    sources: [Models that support duration, Models that support audio, Prompt character limits]");
        Assert.NotEqual(text, changed);
        driver = driver.ReplaceAdditionalText(kling, new TestAdditionalText(kling.Path, changed));
        driver = driver.RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        // One file parsed again, the others cached.
        var parsed = result.TrackedSteps[TrackingNames.ParsedCatalogFiles].SelectMany(s => s.Outputs).ToArray();
        Assert.Single(parsed, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(parsed.Length - 1, parsed.Count(o => o.Reason == IncrementalStepRunReason.Cached));

        // One group modified (the one holding that model), the others unchanged; the index (MediaCatalog.g.cs) unchanged.
        var groups = result.TrackedSteps[TrackingNames.ModelGroups].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(groups.Length, before.Count - 2);
        var modified = groups.Where(o => o.Reason != IncrementalStepRunReason.Unchanged && o.Reason != IncrementalStepRunReason.Cached).ToArray();
        Assert.Single(modified);
        Assert.Equal(IncrementalStepRunReason.Modified, modified[0].Reason);
        var group = (ModelGroupSpec)modified[0].Value;
        Assert.Equal(HintNames.GroupOf("Kling26TextToVideo"), group.Key);
        Assert.Contains("Kling26TextToVideo", group.Models.Select(m => m.TypeName));
        AssertAll(result, TrackingNames.CatalogIndex, Reused);
        AssertAll(result, TrackingNames.Diagnostics, Reused);

        // The source outputs: only that model's output ran again.
        IncrementalGeneratorRunStep[] outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).ToArray();
        Assert.Single(outputs, step => step.Outputs.Any(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New));

        // And the text: only the file of Kling26TextToVideo's group differs, and in that file only its class.
        IReadOnlyDictionary<string, string> after = Sources(driver);
        string[] changedFiles = before.Keys.Where(k => before[k] != after[k]).ToArray();
        string file = HintNames.ModelFile("Kling26TextToVideo");
        Assert.Equal(new[] { file }, changedFiles);
        IReadOnlyDictionary<string, string> classesBefore = GeneratedModels.Classes(before[file]);
        IReadOnlyDictionary<string, string> classesAfter = GeneratedModels.Classes(after[file]);
        Assert.Equal(new[] { "Kling26TextToVideo" }, classesBefore.Keys.Where(k => classesBefore[k] != classesAfter[k]));
    }

    [Fact]
    public void The_same_text_in_a_new_file_object_parses_nothing_again()
    {
        (GeneratorDriver driver, Compilation compilation) = Start(out IReadOnlyList<TestAdditionalText> texts);
        driver = driver.RunGenerators(compilation);
        AdditionalText sora = texts.Single(t => t.Path.EndsWith("sora.yaml", StringComparison.Ordinal));
        driver = driver.ReplaceAdditionalText(sora, new TestAdditionalText(sora.Path, sora.GetText()!.ToString()));
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        AssertAll(result, TrackingNames.CatalogFiles, Reused);
        AssertAll(result, TrackingNames.ParsedCatalogFiles, new[] { IncrementalStepRunReason.Cached });
        AssertAll(result, TrackingNames.ModelGroups, Reused);
    }

    [Fact]
    public void Equal_inputs_give_equal_models()
    {
        // Two independent runs build value-equal specs: nothing compares by reference.
        GeneratorRun first = GeneratorHarness.RunShipped();
        GeneratorRun second = GeneratorHarness.RunShipped();
        object[] a = first.Generator.TrackedSteps[TrackingNames.ModelGroups].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        object[] b = second.Generator.TrackedSteps[TrackingNames.ModelGroups].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.Equal(a, b);
        Assert.Equal(first.Generator.TrackedSteps[TrackingNames.MergedCatalog].Single().Outputs.Single().Value, second.Generator.TrackedSteps[TrackingNames.MergedCatalog].Single().Outputs.Single().Value);
    }

    private static (GeneratorDriver Driver, Compilation Compilation) Start() => Start(out _);

    private static (GeneratorDriver Driver, Compilation Compilation) Start(out IReadOnlyList<TestAdditionalText> texts)
    {
        texts = GeneratorHarness.ShippedCatalog();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(texts, GeneratorHarness.CatalogOptions(texts));
        return (driver, ConsumerCompilation.Create(ReferenceSet.Net100, "namespace Consumer { internal static class Empty { } }"));
    }

    private static IReadOnlyDictionary<string, string> Sources(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    private static void AssertAll(GeneratorRunResult result, string step, IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> steps), $"Step {step} was not tracked.");
        foreach ((object Value, IncrementalStepRunReason Reason) output in steps.SelectMany(s => s.Outputs))
        {
            Assert.True(allowed.Contains(output.Reason), $"Step {step}: an output is {output.Reason}, expected {string.Join(" or ", allowed)}.");
        }
    }
}
