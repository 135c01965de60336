using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Bench;

/// <summary>
/// Anchors: the System.Text.Json and Regex source generators that ship in the SDK's reference pack, run in the same
/// process on the same machine beside ours, on 40 and 2,000 inputs each, for a full run, a run after a <c>.cs</c> edit
/// (nothing of the generator's input changed) and, for ours, a run after one model's YAML changed. The targets are the
/// ones of issue 14.
/// </summary>
internal static class Anchors
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>One generator on one input set: a driver factory, the compilation, and how to edit one input.</summary>
    private sealed record Subject(
        string Name,
        int Inputs,
        Func<GeneratorDriver> CreateDriver,
        CSharpCompilation Compilation,
        Func<GeneratorDriver, int, GeneratorDriver>? EditOneInput);

    /// <summary>Figures of one subject: medians in milliseconds and bytes allocated by one full run.</summary>
    private sealed record Figures(double Full, double CsEdit, double? OneInputEdit, long FullBytes, long OutputChars, long CsEditBytes, long? OneInputEditBytes, int Files);

    /// <summary>Runs every subject and prints the table; returns the number of targets missed.</summary>
    public static int Run(string root, Func<int, (string Path, string Text)[]> synthetic, Func<(string Path, string Text)[], int> parseYaml)
    {
        string? pack = ReferencePack();
        if (pack is null)
        {
            Console.WriteLine("Anchors: no Microsoft.NETCore.App.Ref pack with analyzers found beside the running dotnet; skipped.");
            return 1;
        }

        Console.WriteLine($"Anchors (generators of the Microsoft.NETCore.App.Ref {Path.GetFileName(pack)} reference pack, run beside ours; load average {Program.LoadAverage()}):");
        MetadataReference[] references = Directory.GetFiles(Path.Combine(pack, "ref", "net10.0"), "*.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
        ISourceGenerator json = LoadGenerator(Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"), "JsonSourceGenerator");
        ISourceGenerator regex = LoadGenerator(Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.RegularExpressions.Generator.dll"), "RegexGenerator");

        (string Path, string Text)[] shipped = Directory.GetFiles(Path.Combine(root, "catalog"), "*.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)))
            .ToArray();
        var rows = new List<(Subject Subject, Figures Figures, double? Parse, long? ParseBytes)>();
        foreach (int n in new[] { 40, 2000 })
        {
            (string Path, string Text)[] catalog = n == 40 ? shipped : synthetic(n);
            Subject ours = Ours(catalog, references, n == 40 ? 36 : n);
            Figures oursFigures = Measure(ours);
            double parse = Median(n == 40 ? 41 : 11, () => parseYaml(catalog));
            long parseBytes = Allocated(() => parseYaml(catalog));
            rows.Add((ours, oursFigures, parse, parseBytes));
            rows.Add((Json(json, references, n), Measure(Json(json, references, n)), null, null));
            rows.Add((Regex(regex, references, n), Measure(Regex(regex, references, n)), null, null));
        }

        Console.WriteLine($"  {"generator",-28} {"inputs",6} {"files",6} {"full ms",9} {".cs edit ms",12} {"1-input edit",13} {"alloc full",11} {"alloc .cs",10} {"alloc 1-input",14}");
        foreach ((Subject subject, Figures f, double? _, long? _) in rows)
        {
            Console.WriteLine($"  {subject.Name,-28} {subject.Inputs,6} {f.Files,6} {f.Full,9:F2} {f.CsEdit,12:F3} {(f.OneInputEdit is double e ? e.ToString("F3", CultureInfo.InvariantCulture) : "-"),13} {Mib(f.FullBytes),11} {Mib(f.CsEditBytes),10} {(f.OneInputEditBytes is long b ? Mib(b) : "-"),14}");
        }

        int missed = 0;
        Console.WriteLine();
        Console.WriteLine("  Targets (issue 14):");
        foreach (int n in new[] { 36, 2000 })
        {
            (Subject subject, Figures f, double? parse, long? parseBytes) = rows.Single(r => r.Subject.Name.StartsWith("MediaModels", StringComparison.Ordinal) && r.Subject.Inputs == n);
            Figures jsonFigures = rows.Single(r => r.Subject.Name.StartsWith("System.Text.Json", StringComparison.Ordinal) && r.Subject.Inputs == (n == 36 ? 40 : n)).Figures;
            Figures regexFigures = rows.Single(r => r.Subject.Name.StartsWith("Regex", StringComparison.Ordinal) && r.Subject.Inputs == (n == 36 ? 40 : n)).Figures;
            missed += Check($"{n} models: full run / bare YamlDotNet Parser pass ({f.Full:F2} / {parse:F2} ms)", f.Full / parse!.Value, 2, "x");
            Console.WriteLine($"      full run vs System.Text.Json gen {f.Full / jsonFigures.Full:F2}x, vs Regex gen {f.Full / regexFigures.Full:F2}x");
            if (n == 2000)
            {
                missed += Check($"{n} models: run after a .cs edit", f.CsEdit, 2, " ms");
                Console.WriteLine($"      .cs edit vs System.Text.Json gen {f.CsEdit / jsonFigures.CsEdit:F3}x, vs Regex gen {f.CsEdit / regexFigures.CsEdit:F3}x");
                missed += Check($"{n} models: run after a one-model YAML edit", f.OneInputEdit!.Value, 5, " ms");
                double budget = 2 * f.OutputChars + parseBytes!.Value;
                missed += Check($"{n} models: allocated per full run / (output text {Mib(2 * f.OutputChars)} + bare parse {Mib(parseBytes.Value)})", f.FullBytes / budget, 1.25, "x");
            }
        }

        Console.WriteLine();
        return missed;
    }

    private static int Check(string what, double value, double target, string unit)
    {
        bool met = value <= target;
        Console.WriteLine($"    {what,-100} {value,9:F2}{unit,-3} target <= {target}{unit.Trim()}  {(met ? "met" : "MISSED")}");
        return met ? 0 : 1;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    private static Figures Measure(Subject subject)
    {
        GeneratorDriver Full() => subject.CreateDriver().RunGenerators(subject.Compilation);

        double full = Median(subject.Inputs <= 40 ? 41 : 11, Full);
        long fullBytes = Allocated(Full);
        GeneratorDriver warm = Full();
        GeneratorRunResult result = warm.GetRunResult().Results[0];
        if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"{subject.Name}: " + (result.Exception?.ToString() ?? string.Join("\n", result.Diagnostics.Take(5))));
        }

        long outputChars = result.GeneratedSources.Sum(s => (long)s.SourceText.Length);

        // A .cs edit: the one hand-written tree replaced by new text, a new compilation each time (as in the IDE).
        SyntaxTree tree = subject.Compilation.SyntaxTrees.First(t => t.FilePath == EditedTreePath);
        int edits = 0;
        GeneratorDriver CsEdit()
        {
            edits++;
            Compilation edited = subject.Compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText($"namespace Consumer {{ internal static class Edited {{ internal static int Field{edits}; }} }}", ParseOptions, EditedTreePath));
            return warm.RunGenerators(edited);
        }

        double csEdit = Median(41, CsEdit);
        long csEditBytes = Allocated(CsEdit);

        double? oneInputEdit = null;
        long? oneInputEditBytes = null;
        if (subject.EditOneInput is { } edit)
        {
            int count = 0;
            GeneratorDriver OneEdit() => edit(warm, ++count).RunGenerators(subject.Compilation);
            oneInputEdit = Median(41, OneEdit);
            oneInputEditBytes = Allocated(OneEdit);
        }

        return new Figures(full, csEdit, oneInputEdit, fullBytes, outputChars, csEditBytes, oneInputEditBytes, result.GeneratedSources.Length);
    }

    private const string EditedTreePath = "/consumer/Edited.cs";

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, MetadataReference[] references) => CSharpCompilation.Create(
        "Consumer",
        trees.Append(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Edited { } }", ParseOptions, EditedTreePath)),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Subject Ours((string Path, string Text)[] catalog, MetadataReference[] references, int models)
    {
        AdditionalText[] texts = catalog.Select(f => (AdditionalText)new Program.MemoryText(f.Path, f.Text)).ToArray();
        // The edited model: the first one of the middle file whose prompt limit is 5000 (its value changes every edit).
        int file = texts.Length / 2;
        string original = catalog[file].Text;
        int at = original.IndexOf("prompt_max_length: 5000", StringComparison.Ordinal);
        if (at < 0)
        {
            file = Array.FindIndex(catalog, f => f.Text.Contains("prompt_max_length: 5000", StringComparison.Ordinal));
            original = catalog[file].Text;
            at = original.IndexOf("prompt_max_length: 5000", StringComparison.Ordinal);
        }

        return new Subject(
            "MediaModels",
            models,
            () => CSharpGeneratorDriver.Create(new[] { new MediaModelsGenerator().AsSourceGenerator() }, texts, ParseOptions, new Program.CatalogOptions(), new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false)),
            Compile(Array.Empty<SyntaxTree>(), references),
            (driver, edit) =>
            {
                string changed = original.Substring(0, at) + "prompt_max_length: " + (4000 + (edit % 900)).ToString(CultureInfo.InvariantCulture) + original.Substring(at + "prompt_max_length: 5000".Length);
                return driver.ReplaceAdditionalText(texts[file], new Program.MemoryText(catalog[file].Path, changed));
            });
    }

    /// <summary><paramref name="n"/> serializable types in 10 files, each file with its own context.</summary>
    private static Subject Json(ISourceGenerator generator, MetadataReference[] references, int n)
    {
        var trees = new List<SyntaxTree>();
        for (int file = 0; file < 10; file++)
        {
            var text = new StringBuilder("using System.Collections.Generic;\nusing System.Text.Json.Serialization;\nnamespace Consumer.Json;\n");
            for (int i = file * n / 10; i < (file + 1) * n / 10; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"public sealed class Payload{i} {{ public int Id {{ get; set; }} public string? Name {{ get; set; }} public List<string>? Tags {{ get; set; }} public double Score {{ get; set; }} }}\n");
            }

            for (int i = file * n / 10; i < (file + 1) * n / 10; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Payload{i}))]\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"internal partial class JsonContext{file} : JsonSerializerContext {{ }}\n");
            trees.Add(CSharpSyntaxTree.ParseText(text.ToString(), ParseOptions, $"/consumer/Json{file}.cs"));
        }

        return new Subject("System.Text.Json gen", n, () => CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: ParseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, false)), Compile(trees, references), null);
    }

    /// <summary><paramref name="n"/> [GeneratedRegex] methods in 10 files.</summary>
    private static Subject Regex(ISourceGenerator generator, MetadataReference[] references, int n)
    {
        var trees = new List<SyntaxTree>();
        for (int file = 0; file < 10; file++)
        {
            var text = new StringBuilder("using System.Text.RegularExpressions;\nnamespace Consumer.Patterns;\n");
            text.Append(CultureInfo.InvariantCulture, $"internal static partial class Patterns{file}\n{{\n");
            for (int i = file * n / 10; i < (file + 1) * n / 10; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"    [GeneratedRegex(@\"^item{i}-(?<id>[0-9]{{1,6}})\\.(png|jpe?g)$\", RegexOptions.IgnoreCase)]\n    internal static partial Regex Pattern{i}();\n");
            }

            text.Append("}\n");
            trees.Add(CSharpSyntaxTree.ParseText(text.ToString(), ParseOptions, $"/consumer/Patterns{file}.cs"));
        }

        return new Subject("Regex gen", n, () => CSharpGeneratorDriver.Create(new[] { generator }, parseOptions: ParseOptions, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, false)), Compile(trees, references), null);
    }

    /// <summary>The newest Microsoft.NETCore.App.Ref pack of the dotnet that runs this process.</summary>
    private static string? ReferencePack()
    {
        string? dotnet = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)));
        string packs = Path.Combine(Path.GetDirectoryName(dotnet!)!, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs))
        {
            return null;
        }

        string major = Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".";
        return Directory.GetDirectories(packs)
            .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal) && Directory.Exists(Path.Combine(d, "analyzers", "dotnet", "cs")))
            .OrderBy(d => Version.TryParse(Path.GetFileName(d), out Version? v) ? v : new Version(0, 0))
            .LastOrDefault();
    }

    /// <summary>Loads a generator the way the compiler does: from its file, through an analyzer reference.</summary>
    private static ISourceGenerator LoadGenerator(string path, string typeName)
    {
        var reference = new AnalyzerFileReference(path, new Loader());
        return reference.GetGeneratorsForAllLanguages().Single(g => g.GetGeneratorType().Name == typeName);
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private static long Allocated<T>(Func<T> action)
    {
        // The driver runs a generator on the calling thread; the process-wide counter is not usable under Server GC
        // (it went backwards across runs here).
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static double Median<T>(int iterations, Func<T> action)
    {
        for (int i = 0; i < 3; i++)
        {
            action();
        }

        var times = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            action();
            times[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[iterations / 2];
    }
}
