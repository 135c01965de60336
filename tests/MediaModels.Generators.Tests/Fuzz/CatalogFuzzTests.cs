using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Generators.Analyzers;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace MediaModels.Generators.Tests.Fuzz;

/// <summary>
/// A seeded, deterministic property test over mutants of every shipped catalog file, each used in place of the shipped
/// one in the full catalog (so duplicate ids and overrides across files are exercised). For each mutant: no exception
/// reaches a catch-all (no MM1017, no generator exception), every diagnostic is inside its file, the code the generator
/// emits compiles without a warning (when anything is emitted), <c>mediamodels catalog check</c> reports the same
/// (rule ID, file, line, column) set as the generator, and the analyzers' catalog holds the models the generator emitted.
/// </summary>
/// <remarks>
/// In CI it makes 20 mutants per file; with <c>MEDIAMODELS_FUZZ_LONG=1</c> it makes 300 per file (4,500 in all).
/// Mutant <c>n</c> is made by <c>new Random(Seed + n)</c> from file <c>n % files</c>, so a failure names what to replay.
/// </remarks>
public sealed class CatalogFuzzTests
{
    /// <summary>Set to 1 for the long campaign.</summary>
    public const string LongVariable = "MEDIAMODELS_FUZZ_LONG";

    private const int Seed = 20250115;

    private readonly ITestOutputHelper _output;

    public CatalogFuzzTests(ITestOutputHelper output) => _output = output;

    private static bool IsLong => Environment.GetEnvironmentVariable(LongVariable) == "1";

    [Fact]
    public void Every_mutant_of_the_shipped_catalog_is_diagnosed_in_place_and_what_is_emitted_compiles()
    {
        string[] names = Directory.GetFiles(TestPaths.CatalogFolder, "*.yaml").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray()!;
        string[] shipped = names.Select(n => File.ReadAllText(Path.Combine(TestPaths.CatalogFolder, n))).ToArray();
        string root = Directory.CreateTempSubdirectory("mediamodels-fuzz-").FullName;
        string folder = Path.Combine(root, "catalog");
        Directory.CreateDirectory(folder);
        string[] paths = names.Select(n => Path.Combine(folder, n)).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            File.WriteAllText(paths[i], shipped[i]);
        }

        var campaign = new Campaign(IsLong ? 300 * names.Length : 20 * names.Length);
        try
        {
            CSharpCompilation consumer = ConsumerCompilation.Create(ReferenceSet.Net100, "namespace Consumer { internal static class Empty { } }");
            campaign.Shipped = ShippedOutput(paths, consumer);
            for (int n = 0; n < campaign.Mutants; n++)
            {
                int file = n % names.Length;
                (string mutant, string[] kinds) = CatalogMutator.Mutate(shipped, file, new Random(Seed + n));
                File.WriteAllText(paths[file], mutant);
                try
                {
                    // Both sides read what is on disk, so both see the same text (a lone surrogate becomes U+FFFD once).
                    Check(campaign, n, $"#{n} {names[file]} [{string.Join(", ", kinds)}]", paths, folder, consumer);
                }
                finally
                {
                    File.WriteAllText(paths[file], shipped[file]);
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        _output.WriteLine(campaign.Summary());
        Assert.True(campaign.Failures.Count == 0, campaign.Summary() + "\n" + string.Join("\n", campaign.Failures.Take(25)));

        // The mutants must reach the checks this test is about, or passing would prove little.
        Assert.True(campaign.WithDiagnostics > campaign.Mutants / 2 && campaign.Emitting > campaign.Mutants / 2, campaign.Summary());
        string[] expected = { "MM1001", "MM1002", "MM1004", "MM1005", "MM1006", "MM1009", "MM1010", "MM1011", "MM1012", "MM1013", "MM1014", "MM1015", "MM1016" };
        Assert.True(expected.All(campaign.RulesSeen.Contains), $"rules reached: {string.Join(", ", campaign.RulesSeen.OrderBy(r => r))}");
    }

    /// <summary>
    /// The shipped catalog's generated files, which must compile clean in full. A mutant's files that are the same text
    /// then need no second look at their bodies (they reference only their own members and the shared types of
    /// MediaCatalog.g.cs, which is always looked at again).
    /// </summary>
    private static IReadOnlyDictionary<string, string> ShippedOutput(string[] paths, CSharpCompilation consumer)
    {
        TestAdditionalText[] files = paths.Select(p => new TestAdditionalText(p, File.ReadAllText(p))).ToArray();
        GeneratorRun run = GeneratorHarness.Run(files, compilation: consumer);
        Assert.Empty(run.GeneratorDiagnostics);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
        return run.Sources;
    }

    /// <summary>
    /// The warnings and errors of a mutant's compilation: its declarations in full (a clash between any two files shows
    /// there), and the bodies and doc comments of every file whose text is not the shipped one's.
    /// </summary>
    private static IEnumerable<Diagnostic> Problems(Compilation output, ImmutableArray<GeneratedSourceResult> sources, IReadOnlyDictionary<string, string> shipped)
    {
        var changed = new HashSet<string>(
            sources.Where(s => s.HintName is HintNames.Catalog or HintNames.AspectRatio || !shipped.TryGetValue(s.HintName, out string? text) || text != s.SourceText.ToString())
                .Select(s => s.SyntaxTree.FilePath),
            StringComparer.Ordinal);
        IEnumerable<Diagnostic> diagnostics = Enumerable.Empty<Diagnostic>();
        foreach (SyntaxTree tree in output.SyntaxTrees.Where(t => changed.Contains(t.FilePath)))
        {
            diagnostics = diagnostics.Concat(output.GetSemanticModel(tree).GetDiagnostics());
        }

        return diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Distinct();
    }

    private static void Check(Campaign campaign, int index, string mutant, string[] paths, string folder, CSharpCompilation consumer)
    {
        var texts = paths.ToDictionary(p => p, File.ReadAllText, StringComparer.Ordinal);
        TestAdditionalText[] files = paths.Select(p => new TestAdditionalText(p, texts[p])).ToArray();
        TestOptionsProvider options = GeneratorHarness.CatalogOptions(files);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new MediaModelsGenerator().AsSourceGenerator() },
            files,
            ConsumerCompilation.ParseOptions(),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        long started = Stopwatch.GetTimestamp();
        driver = driver.RunGeneratorsAndUpdateCompilation(consumer, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        campaign.Stages["generator"] += Stopwatch.GetElapsedTime(started);
        campaign.Time(index, driver.GetTimingInfo().ElapsedTime);
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        // 1. Nothing reaches a catch-all.
        if (run.Exception is not null || driverDiagnostics.Any(d => d.Id == "CS8785") || run.Diagnostics.Any(d => d.Id == "MM1017"))
        {
            campaign.Exceptions++;
            campaign.Fail(mutant, "reached a catch-all: " + (run.Exception?.ToString() ?? string.Join("; ", run.Diagnostics.Concat(driverDiagnostics).Where(d => d.Id is "MM1017" or "CS8785"))));
        }

        // 2. Every position is a character of its file.
        foreach (Diagnostic diagnostic in run.Diagnostics)
        {
            campaign.RulesSeen.Add(diagnostic.Id);
            foreach (Location location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
            {
                if (Outside(location, texts) is string problem)
                {
                    campaign.Unpositioned++;
                    campaign.Fail(mutant, $"{diagnostic.Id} {problem}: {diagnostic}");
                }
            }
        }

        if (run.Diagnostics.Length > 0)
        {
            campaign.WithDiagnostics++;
        }

        // 3. What is emitted compiles, warning-free (identical outputs are compiled once).
        if (!run.GeneratedSources.IsEmpty)
        {
            campaign.Emitting++;
            string key = Hash(run.GeneratedSources);
            if (!campaign.Compiled.TryGetValue(key, out string? problems))
            {
                started = Stopwatch.GetTimestamp();
                problems = ConsumerCompilation.Describe(Problems(output, run.GeneratedSources, campaign.Shipped));
                campaign.Compiled[key] = problems;
                campaign.Stages["compile"] += Stopwatch.GetElapsedTime(started);
            }

            if (problems.Length > 0)
            {
                campaign.Uncompilable++;
                campaign.Fail(mutant, "emitted code does not compile:\n" + string.Join("\n", problems.Split('\n').Take(5)));
            }
        }

        // 4. `mediamodels catalog check` says what the generator says, at the same places.
        var generator = run.Diagnostics
            .Select(d => (d.Id, File: d.Location.GetLineSpan().Path, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, Column: d.Location.GetLineSpan().StartLinePosition.Character + 1))
            .OrderBy(d => d.ToString(), StringComparer.Ordinal)
            .ToArray();
        started = Stopwatch.GetTimestamp();
        var check = CatalogCheckCommand.Check(folder).OrderBy(d => d.ToString(), StringComparer.Ordinal).ToArray();
        campaign.Stages["catalog check"] += Stopwatch.GetElapsedTime(started);
        if (!generator.SequenceEqual(check))
        {
            campaign.Disagreements++;
            campaign.Fail(mutant, $"catalog check and the generator disagree:\n  check:     {string.Join(" ", check)}\n  generator: {string.Join(" ", generator)}");
        }

        // 5. The analyzers check against exactly the models the generator emitted.
        started = Stopwatch.GetTimestamp();
        AnalyzerCatalog? analyzerCatalog = AnalyzerCatalog.Load(new AnalyzerOptions(files.ToImmutableArray<AdditionalText>(), options), CancellationToken.None);
        campaign.Stages["analyzer catalog"] += Stopwatch.GetElapsedTime(started);
        string[] analyzed = (analyzerCatalog?.Catalog.Models.Select(ModelNaming.TypeNameOf) ?? Enumerable.Empty<string>()).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        string[] emitted = run.GeneratedSources
            .Where(s => s.HintName is not (HintNames.Catalog or HintNames.AspectRatio))
            .SelectMany(s => GeneratedModels.Classes(s.SourceText.ToString()).Keys)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
        if (!analyzed.SequenceEqual(emitted))
        {
            campaign.Disagreements++;
            campaign.Fail(mutant, $"the analyzers' catalog has [{string.Join(", ", analyzed.Except(emitted))}] the generator did not emit, and lacks [{string.Join(", ", emitted.Except(analyzed))}]");
        }
    }

    /// <summary>Why <paramref name="location"/> is not a character of its file (Roslyn's own line breaking), or null.</summary>
    private static string? Outside(Location location, IReadOnlyDictionary<string, string> texts)
    {
        FileLinePositionSpan span = location.GetLineSpan();
        if (location.Kind != LocationKind.ExternalFile || !texts.TryGetValue(span.Path, out string? text))
        {
            return $"is not in a catalog file ({location.Kind} {span.Path})";
        }

        SourceText source = SourceText.From(text);
        int line = span.StartLinePosition.Line;
        int column = span.StartLinePosition.Character;
        if (text.Length == 0)
        {
            return (line, column) == (0, 0) && location.SourceSpan.Start == 0 ? null : $"is at ({line + 1},{column + 1}) of an empty file";
        }

        if (line >= source.Lines.Count)
        {
            return $"is on line {line + 1} of a file of {source.Lines.Count} line(s)";
        }

        TextLine textLine = source.Lines[line];
        int offset = textLine.Start + column;
        if (offset >= text.Length || offset >= textLine.EndIncludingLineBreak)
        {
            return $"is at ({line + 1},{column + 1}), past the end of {(offset >= text.Length ? "the file" : "its line")}";
        }

        if (location.SourceSpan.Start != offset || location.SourceSpan.End > text.Length)
        {
            return $"has span {location.SourceSpan} for ({line + 1},{column + 1}) at offset {offset}";
        }

        return null;
    }

    private static string Hash(ImmutableArray<GeneratedSourceResult> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (GeneratedSourceResult source in sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(source.HintName + "\0" + source.SourceText + "\0"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed class Campaign
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();

        public Campaign(int mutants) => Mutants = mutants;

        public int Mutants { get; }

        public List<string> Failures { get; } = new();

        public HashSet<string> RulesSeen { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Compiled { get; } = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string> Shipped { get; set; } = new Dictionary<string, string>();

        public Dictionary<string, TimeSpan> Stages { get; } = new(StringComparer.Ordinal)
        {
            ["generator"] = TimeSpan.Zero, ["compile"] = TimeSpan.Zero, ["catalog check"] = TimeSpan.Zero, ["analyzer catalog"] = TimeSpan.Zero,
        };

        public int WithDiagnostics { get; set; }

        public int Emitting { get; set; }

        public int Exceptions { get; set; }

        public int Unpositioned { get; set; }

        public int Uncompilable { get; set; }

        public int Disagreements { get; set; }

        public TimeSpan Slowest { get; private set; }

        public int SlowestMutant { get; private set; }

        public void Time(int mutant, TimeSpan elapsed)
        {
            if (elapsed > Slowest)
            {
                Slowest = elapsed;
                SlowestMutant = mutant;
            }
        }

        public void Fail(string mutant, string problem) => Failures.Add($"{mutant}: {problem}");

        public string Summary() =>
            $"Catalog fuzz (seed {Seed}{(IsLong ? ", long" : string.Empty)}): {Mutants} mutant catalogs, {WithDiagnostics} with diagnostics, "
            + $"{Emitting} emitting code ({Compiled.Count} distinct outputs compiled); exceptions {Exceptions}, unpositioned diagnostics {Unpositioned}, "
            + $"uncompilable outputs {Uncompilable}, disagreements {Disagreements}; slowest generator run {Slowest.TotalMilliseconds:F0} ms (#{SlowestMutant}); "
            + $"{_watch.Elapsed.TotalSeconds:F0} s in all ({string.Join(", ", Stages.Select(s => $"{s.Key} {s.Value.TotalSeconds:F1} s"))}); rules reached: {string.Join(" ", RulesSeen.OrderBy(r => r, StringComparer.Ordinal))}.";
    }
}
