using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// The analyzers report what the rule engine decides: a request that breaks only a reading of the spec gets the rule's ID
/// as a warning (the descriptor's default is the error), and .editorconfig settings by ID still apply to it; an id the
/// catalog does not know is MM0001 when it is a typo and MM0008 otherwise.
/// </summary>
public sealed class CertaintyAnalyzerTests
{
    private const string OneImageVeo = """var r = new GenerateMediaRequest { Model = "veo3-1", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = {|#0:new[] { "https://e.com/a.png" }|} };""";

    private static Task Verify(string body, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest { TestCode = LooseApiTests.Code(body) };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Breaking_a_reading_is_the_rules_id_as_a_warning() => Verify(OneImageVeo, null,
        new DiagnosticResult("MM0301", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("veo3-1 image-to-video takes 2–3 images as the catalog reads the spec; 1 URL was sent. This is the catalog's reading of the spec, not a stated limit, so it is a warning: "
                + "The input table gives veo3-1 1–3 images, 'Depends on mode (1: text-to-video optional reference; 2: first + last frame; 3: reference)'; one image is mode 1, which the spec calls text-to-video, "
                + "so image-to-video is read as modes 2 and 3 (2–3 images), but the service may take a single start frame."));

    [Fact]
    public Task Breaking_what_the_spec_states_stays_the_error() => Verify(
        """var r = new GenerateMediaRequest { Model = "veo3-1", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = {|#0:new[] { "https://e.com/1.png", "https://e.com/2.png", "https://e.com/3.png", "https://e.com/4.png" }|} };""",
        null,
        new DiagnosticResult("MM0301", DiagnosticSeverity.Error).WithLocation(0));

    [Fact]
    public Task An_editorconfig_none_silences_the_read_violations_of_its_id_too() => Verify(OneImageVeo, "dotnet_diagnostic.MM0301.severity = none");

    /// <summary>
    /// .editorconfig severities by ID, as the compiler applies them (an AnalyzerConfigSet feeding the compilation's
    /// syntax-tree options): the testing library does not promote warnings through .editorconfig, the compiler does.
    /// </summary>
    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning, DiagnosticSeverity.Error)]
    [InlineData("dotnet_diagnostic.MM0301.severity = error", DiagnosticSeverity.Error, DiagnosticSeverity.Error)]
    [InlineData("dotnet_diagnostic.MM0301.severity = warning", DiagnosticSeverity.Warning, DiagnosticSeverity.Warning)]
    [InlineData("dotnet_diagnostic.MM0301.severity = none", null, null)]
    [InlineData("dotnet_diagnostic.MM0002.severity = error", DiagnosticSeverity.Warning, DiagnosticSeverity.Error)]
    public async Task Editorconfig_severities_apply_to_read_and_stated_violations_of_an_id_alike(string? setting, DiagnosticSeverity? read, DiagnosticSeverity? stated)
    {
        string source = LooseApiTests.Code("""
            var read = new GenerateMediaRequest { Model = "sora-2-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/1.png", "https://e.com/2.png" } };
            var stated = new GenerateMediaRequest { Model = "sora-2", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/1.png", "https://e.com/2.png" } };
            """);
        var compilation = DirectAnalysis.Compile(source);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorConfigOptions("root = true\n\n[*.cs]\n" + setting + "\n")));

        var (diagnostics, exceptions) = await DirectAnalysis.AnalyzeAsync(compilation);

        Assert.Empty(exceptions);
        var found = diagnostics.Where(d => d.Id == "MM0301").OrderBy(d => d.Location.SourceSpan.Start).Select(d => (DiagnosticSeverity?)d.Severity).ToArray();
        Assert.Equal(new[] { read, stated }.Where(s => s is not null).ToArray(), found);
    }

    /// <summary>The compiler's way of reading .editorconfig severities (what MSBuild passes as /analyzerconfig).</summary>
    private sealed class EditorConfigOptions : SyntaxTreeOptionsProvider
    {
        private readonly AnalyzerConfigSet _set;

        public EditorConfigOptions(string text) => _set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(text, "/project/.editorconfig") });

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            _set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = default;
            return false;
        }
    }

    [Fact]
    public Task A_read_prompt_limit_and_a_read_mode_list_are_warnings() => Verify(
        $$"""
        var a = new GenerateMediaRequest { Model = "grok-text-to-video-6s", GenerationType = "text-to-video", Prompt = {|#0:"{{new string('a', 5001)}}"|} };
        var b = {|#1:new GenerateMediaRequest|} { Model = "nano-banana-edit", Prompt = "x" };
        var c = new GenerateMediaRequest { Model = "nano-banana-edit", GenerationType = {|#2:"text-to-video"|}, Prompt = "x" };
        """,
        null,
        new DiagnosticResult("MM0004", DiagnosticSeverity.Warning).WithLocation(0),
        new DiagnosticResult("MM0002", DiagnosticSeverity.Warning).WithLocation(1),
        new DiagnosticResult("MM0002", DiagnosticSeverity.Error).WithLocation(2));

    [Fact]
    public Task A_typo_is_MM0001_and_any_other_unknown_id_MM0008_with_only_service_wide_rules() => Verify(
        """
        var a = new GenerateMediaRequest { Model = {|#0:"sora2"|}, GenerationType = "text-to-video", Prompt = "x" };
        var b = new GenerateMediaRequest { Model = {|#1:"nano-banana-pro-4k"|}, Prompt = "x", Duration = "99s", Quality = "ultra", Sound = true };
        var c = new GenerateMediaRequest { Model = {|#2:"my-new-video-model"|}, GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { {|#3:"https://e.com/a.gif"|} } };
        """,
        null,
        new DiagnosticResult("MM0001", DiagnosticSeverity.Error).WithLocation(0).WithMessage("Unknown model 'sora2'. Did you mean 'sora-2'?"),
        new DiagnosticResult("MM0008", DiagnosticSeverity.Warning).WithLocation(1),
        new DiagnosticResult("MM0008", DiagnosticSeverity.Warning).WithLocation(2),
        new DiagnosticResult("MM0305", DiagnosticSeverity.Warning).WithLocation(3));

    [Fact]
    public Task The_common_image_formats_apply_where_a_model_lists_none() => Verify(
        """
        var a = new GenerateMediaRequest { Model = "sora-2", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { {|#0:"https://e.com/a.gif"|} } };
        var b = new GenerateMediaRequest { Model = "sora-2", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new[] { "https://e.com/a.webp" } };
        """,
        null,
        new DiagnosticResult("MM0305", DiagnosticSeverity.Warning).WithLocation(0)
            .WithMessage("'https://e.com/a.gif' is not in a format most models accept (JPEG, PNG, WebP), and sora-2 lists no formats of its own."));

    [Fact]
    public Task Typed_builders_take_any_seed_and_warn_on_a_gif() => AnalyzerTest.VerifyWithBuildersAsync("""
        using MediaModels;

        class C
        {
            GenerateMediaRequest[] M() => new[]
            {
                MediaCatalog.Sora2.ImageToVideo("x", {|#0:"https://e.com/a.gif"|}).WithSeed(42.5m).Build(),
                MediaCatalog.Sora2.ImageToVideo("x", "https://e.com/a.webp").WithSeed(7).Build(),
                MediaCatalog.Lite5TextToImage.ImageToImage("x", "https://e.com/a.png", "https://e.com/b.png").WithSeed((Seed)0.5).Build(),
            };
        }
        """,
        new DiagnosticResult("MM0305", DiagnosticSeverity.Warning).WithLocation(0));
}
