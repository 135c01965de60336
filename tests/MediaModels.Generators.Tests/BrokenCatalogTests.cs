using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MediaModels.Generators.Tests;

/// <summary>
/// Each catalog problem comes out of the generator as a compiler diagnostic located in the YAML file (path, line and
/// column as dotnet build prints them), never as a generator exception (CS8785).
/// </summary>
public class BrokenCatalogTests
{
    private const string Valid = """
        models:
          - id: good-model
            media: image
            generation_types:
              text-to-image:
        """;

    public static IEnumerable<object[]> Cases() => new (string Name, string Yaml, string Id, int Line, int Column)[]
    {
        // Found at the end of input: reported at the last character, not on a line past the end of the file.
        ("YAML syntax error", "models:\n  - id: x\n    media: [video\n", "MM1001", 3, 17),
        ("tab indentation", "models:\n\t- id: x\n", "MM1001", 2, 1),
        ("unknown key", "models:\n  - id: x\n    media: video\n    generation_types:\n      text-to-video:\n    sond: true\n", "MM1002", 6, 5),
        ("missing field", "models:\n  - id: x\n    generation_types:\n      text-to-image:\n", "MM1003", 2, 5),
        ("wrong type", "models:\n  - id: x\n    media: video\n    generation_types:\n      text-to-video:\n    sound: maybe\n", "MM1004", 6, 12),
        ("duplicate id", "models:\n  - id: x\n    media: image\n    generation_types:\n      text-to-image:\n  - id: x\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1005", 6, 5),
        ("contradiction", "models:\n  - id: x\n    media: image\n    generation_types:\n      text-to-image:\n    sound: true\n", "MM1006", 6, 5),
        ("override of an unknown model", "overrides:\n  - id: no-such-model\n    sound: true\n", "MM1007", 2, 5),
        ("duplicate key", "models:\n  - id: x\n    media: image\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1008", 4, 5),
        ("invalid value", "models:\n  - id: x\n    media: audio\n    generation_types:\n      text-to-image:\n", "MM1009", 3, 12),
        ("name clash", "models:\n  - id: a-b\n    media: image\n    generation_types:\n      text-to-image:\n  - id: a.b\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1010", 6, 5),
        ("name reserved by MediaCatalog", "models:\n  - id: x\n    name: AspectRatio\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1010", 2, 5),
        ("name of one of the model's own members", "models:\n  - id: x\n    name: TextToImage\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1010", 2, 5),
        ("names differing only in case", "models:\n  - id: x\n    name: FooBar\n    media: image\n    generation_types:\n      text-to-image:\n  - id: y\n    name: Foobar\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1010", 7, 5),
        ("lower-case name (CS8981)", "models:\n  - id: x\n    name: model\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1009", 2, 5),
        ("keyword name", "models:\n  - id: x\n    name: class\n    media: image\n    generation_types:\n      text-to-image:\n", "MM1009", 2, 5),
    }.Select(c => new object[] { c.Name, c.Yaml, c.Id, c.Line, c.Column });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalog_problem_is_a_located_diagnostic(string name, string yaml, string id, int line, int column)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("a-valid.yaml", Valid), ("broken.yaml", yaml)));

        Assert.Null(run.Generator.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Diagnostic? diagnostic = run.GeneratorDiagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(diagnostic is not null, $"{name}: no {id}; got:\n{ConsumerCompilation.Describe(run.GeneratorDiagnostics)}");
        FileLinePositionSpan span = diagnostic!.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.CatalogRoot + "broken.yaml", span.Path);
        Assert.True((line, column) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), $"{name}: {id} at ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}), expected ({line},{column}): {diagnostic}");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile);

        // The valid file's model is still generated.
        Assert.True(run.Emits("GoodModel"));
    }

    /// <summary>
    /// Every broken catalog above (name clashes, lower-case and reserved names included) and every catalog that once
    /// reached the emitters: <c>mediamodels catalog check</c> prints exactly the diagnostics the build reports, same rule
    /// IDs at the same files, lines and columns (one catalog check, in the catalog library, for both).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    [MemberData(nameof(ModelsThatBrokeTheEmitters))]
    public void Catalog_check_reports_exactly_what_the_build_reports(string name, string yaml, string id, int line, int column)
    {
        string folder = Path.Combine(Path.GetTempPath(), "mm-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string valid = Path.Combine(folder, "a-valid.yaml");
            string broken = Path.Combine(folder, "broken.yaml");
            File.WriteAllText(valid, Valid);
            File.WriteAllText(broken, yaml);
            GeneratorRun run = GeneratorHarness.Run(new[] { new TestAdditionalText(valid, Valid), new TestAdditionalText(broken, yaml) });

            var build = run.GeneratorDiagnostics
                .Select(d => d.Location.GetLineSpan())
                .Zip(run.GeneratorDiagnostics, (span, d) => (d.Id, File: span.Path, Line: span.StartLinePosition.Line + 1, Column: span.StartLinePosition.Character + 1))
                .OrderBy(d => d.ToString(), StringComparer.Ordinal)
                .ToArray();
            var check = CatalogCheckCommand.Check(folder).OrderBy(d => d.ToString(), StringComparer.Ordinal).ToArray();

            Assert.Contains((id, broken, line, column), build);
            Assert.True(build.SequenceEqual(check), $"{name}:\n  catalog check: {string.Join(" ", check)}\n  build:         {string.Join(" ", build)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The catalogs of issue 15 that reached the emitters: each is reported at its place, the model is left out of the
    /// generated code (MediaCatalog.g.cs included), the other models are still emitted, and all of it compiles clean.
    /// </summary>
    public static IEnumerable<object[]> ModelsThatBrokeTheEmitters() => new (string Name, string Yaml, string Id, int Line, int Column)[]
    {
        ("source media min above max", "models:\n  - id: bad-model\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 5, max: 2 }\n", "MM1011", 6, 19),
        ("elements needing more images than the mode takes", "models:\n  - id: bad-model\n    media: video\n    generation_types:\n      image-to-video:\n        images: { min: 1, max: 2 }\n        elements_require_images: 5\n    elements: { min_images: 2, max_images: 4, videos: 1 }\n", "MM1013", 7, 9),
        ("quality with no values that is not open", "models:\n  - id: bad-model\n    media: image\n    generation_types: { text-to-image: }\n    quality: { values: [] }\n", "MM1016", 5, 5),
        ("a duration range that would overflow", "models:\n  - id: bad-model\n    media: video\n    generation_types: { text-to-video: }\n    duration: { min: 5s, max: 2147483647s }\n", "MM1014", 5, 31),
        ("thousands of inputs", "models:\n  - id: bad-model\n    media: image\n    generation_types:\n      image-to-image:\n        images: { min: 2000000000 }\n", "MM1012", 6, 24),
    }.Select(c => new object[] { c.Name, c.Yaml, c.Id, c.Line, c.Column });

    [Theory]
    [MemberData(nameof(ModelsThatBrokeTheEmitters))]
    public void A_model_that_breaks_a_rule_is_reported_and_left_out_and_the_rest_compiles(string name, string yaml, string id, int line, int column)
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("a-valid.yaml", Valid), ("broken.yaml", yaml)));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.True((line, column) == (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character + 1), $"{name}: {diagnostic}");
        Assert.Equal(new[] { HintNames.AspectRatio, HintNames.Catalog, HintNames.ModelFile("GoodModel") }.OrderBy(k => k, StringComparer.Ordinal), run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.True(run.Emits("GoodModel"));
        Assert.DoesNotContain("BadModel", run.Sources["MediaCatalog.g.cs"], StringComparison.Ordinal);
        Diagnostic[] problems = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(problems.Length == 0, ConsumerCompilation.Describe(problems));
    }

    [Fact]
    public void A_duplicate_id_across_files_is_reported_at_both_places()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("a.yaml", Valid), ("b.yaml", "# the copy\n" + Valid)));

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MM1005", diagnostic.Id);
        Assert.Equal((GeneratorHarness.CatalogRoot + "b.yaml", 3), (diagnostic.Location.GetLineSpan().Path, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
        Location first = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal((GeneratorHarness.CatalogRoot + "a.yaml", 2, 5), (first.GetLineSpan().Path, first.GetLineSpan().StartLinePosition.Line + 1, first.GetLineSpan().StartLinePosition.Character + 1));
        Assert.Equal("id", Valid.Substring(first.SourceSpan.Start, first.SourceSpan.Length));
    }

    [Fact]
    public void Diagnostic_span_covers_the_offending_token()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("broken.yaml", "models:\n  - id: x\n    media: video\n    generation_types:\n      text-to-video:\n    sond: true\n")));
        Diagnostic diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "MM1002");
        Assert.Equal("sond", "models:\n  - id: x\n    media: video\n    generation_types:\n      text-to-video:\n    sond: true\n".Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Contains("sound", diagnostic.GetMessage(), StringComparison.Ordinal); // did-you-mean
    }

    [Fact]
    public void Unreadable_file_is_MM1000_at_its_start()
    {
        var unreadable = new TestAdditionalText(GeneratorHarness.CatalogRoot + "gone.yaml", null) { Unreadable = true };
        GeneratorRun run = GeneratorHarness.Run(new[] { unreadable });
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MM1000", diagnostic.Id);
        Assert.Equal(GeneratorHarness.CatalogRoot + "gone.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.Null(run.Generator.Exception);
    }

    [Fact]
    public void A_failure_inside_the_generator_is_MM1017_not_CS8785_nor_a_YAML_syntax_error()
    {
        var throwing = new TestAdditionalText(GeneratorHarness.CatalogRoot + "bad.yaml", "x") { Failure = new InvalidOperationException("boom") };
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("a-valid.yaml", Valid)).Append(throwing));

        Assert.Null(run.Generator.Exception);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MM1017", diagnostic.Id);
        Assert.Contains("MediaModels failed reading this catalog file", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("bug in MediaModels", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("boom", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.True(run.Emits("GoodModel"));
    }

    [Fact]
    public void Invalid_order_metadata_is_reported_and_zero_is_used()
    {
        TestAdditionalText[] texts = GeneratorHarness.Yaml(("a.yaml", Valid));
        var options = new TestOptionsProvider().Catalog(texts[0].Path, order: "first");
        GeneratorRun run = GeneratorHarness.Run(texts, options);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MM1009", diagnostic.Id);
        Assert.Contains("MediaModelsCatalogOrder", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.True(run.Emits("GoodModel"));
    }

    [Fact]
    public void Invalid_options_are_reported_and_defaults_used()
    {
        TestAdditionalText[] texts = GeneratorHarness.Yaml(("a.yaml", Valid));
        var global = new Dictionary<string, string>
        {
            ["build_property.MediaModelsNamespace"] = "not a namespace",
            ["build_property.MediaModelsGeneratedAccessibility"] = "protected",
        };
        GeneratorRun run = GeneratorHarness.Run(texts, GeneratorHarness.CatalogOptions(texts, global));
        Assert.Equal(2, run.GeneratorDiagnostics.Count(d => d.Id == "MM1009"));
        Assert.Contains("namespace MediaModels", run.ModelSource("GoodModel"), StringComparison.Ordinal);
    }

    [Fact]
    public void Files_merge_in_order_metadata_then_path_order()
    {
        // b.yaml declares the model; a.yaml overrides it. By path a.yaml would come first (MM1007); order 1 puts it after.
        TestAdditionalText[] texts = GeneratorHarness.Yaml(
            ("a.yaml", "overrides:\n  - id: good-model\n    prompt_max_length: 123\n"),
            ("b.yaml", Valid));
        GeneratorRun byPath = GeneratorHarness.Run(texts);
        Assert.Contains(byPath.GeneratorDiagnostics, d => d.Id == "MM1007");

        var options = new TestOptionsProvider().Catalog(texts[0].Path, order: "1").Catalog(texts[1].Path);
        GeneratorRun byOrder = GeneratorHarness.Run(texts, options);
        Assert.Empty(byOrder.GeneratorDiagnostics);
        Assert.Contains("public const int MaxPromptLength = 123;", byOrder.ModelClass("GoodModel"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlay_adds_a_model_the_shipped_catalog_does_not_know()
    {
        IEnumerable<AdditionalText> texts = GeneratorHarness.ShippedCatalog().Concat(GeneratorHarness.Yaml(("zz-overlay.yaml", "models:\n  - id: nano-banana-pro-4k\n    media: image\n    generation_types:\n      text-to-image:\n    prompt_max_length: 20000\noverrides:\n  - id: sora-2\n    prompt_max_length: 4000\n")));
        GeneratorRun run = GeneratorHarness.Run(texts);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.True(run.Emits("NanoBananaPro4k"));
        Assert.Contains("NanoBananaPro4k.Spec,", run.Sources["MediaCatalog.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public const int MaxPromptLength = 4000;", run.ModelClass("Sora2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Many_broken_mutations_of_the_shipped_catalog_never_throw()
    {
        // Cut the shipped catalog at many points and glue pieces: any input is diagnostics, never an exception.
        string kling = System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.CatalogFolder, "kling.yaml"));
        var random = new Random(1234);
        for (int i = 0; i < 60; i++)
        {
            int cut = random.Next(kling.Length);
            int length = random.Next(1, 40);
            string mutated = kling.Remove(cut, Math.Min(length, kling.Length - cut)).Insert(random.Next(cut), kling.Substring(random.Next(kling.Length / 2), 20));
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.Yaml(("kling.yaml", mutated)));
            Assert.Null(run.Generator.Exception);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CS8785");
        }
    }
}
