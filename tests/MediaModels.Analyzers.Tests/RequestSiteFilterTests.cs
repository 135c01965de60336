using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// The analyzer reads request sites from syntax first (RequestSiteAnalysis): these are the spellings a filter by name
/// could miss or count twice, each of which must still be reported exactly once.
/// </summary>
public sealed class RequestSiteFilterTests
{
    private const string SoundOnSora = "Model = \"sora-2\", GenerationType = \"text-to-video\", Prompt = \"x\", Sound = true";

    [Fact]
    public async Task A_global_using_alias_declared_in_another_file_is_still_the_request_type()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(
            "global using Req = MediaModels.GenerateMediaRequest;",
            "class C { object M() => new Req { " + SoundOnSora + " }; }");
        Assert.Equal(new[] { "MM0101" }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task A_target_typed_new_is_read()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze("using MediaModels; class C { GenerateMediaRequest M() => new() { " + SoundOnSora + " }; }");
        Assert.Equal(new[] { "MM0101" }, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task Sites_in_top_level_statements_primary_constructors_and_accessors_are_reported_once_each()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze(
            "using MediaModels;\n"
            + "var top = new GenerateMediaRequest { " + SoundOnSora + " };\n"
            + "class P(string s) : Base(new GenerateMediaRequest { " + SoundOnSora + " })\n"
            + "{\n"
            + "    GenerateMediaRequest Field = new GenerateMediaRequest { " + SoundOnSora + " };\n"
            + "    GenerateMediaRequest Property { get { return new GenerateMediaRequest { " + SoundOnSora + " }; } }\n"
            + "    GenerateMediaRequest Method() { var r = new GenerateMediaRequest(); r.Model = \"sora-2\"; r.GenerationType = \"text-to-video\"; r.Prompt = s; r.Sound = true; return r; }\n"
            + "}\n"
            + "class Base(GenerateMediaRequest request) { }\n",
            kind: OutputKind.ConsoleApplication);
        Assert.Equal(5, diagnostics.Count(d => d.Id == "MM0101"));
        Assert.Equal(5, diagnostics.Select(d => d.Location.SourceSpan).Distinct().Count());
    }

    [Fact]
    public async Task A_compilation_without_request_sites_is_clean()
    {
        ImmutableArray<Diagnostic> diagnostics = await Analyze("class C { int M(List<int> l) { l.Add(1); var x = new List<int> { 1 }; return x.Count; } } class List<T> : System.Collections.Generic.List<T> { }");
        Assert.Empty(diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string source, string? second = null, OutputKind kind = OutputKind.DynamicallyLinkedLibrary) =>
        await Analyze(new[] { source }.Concat(second is null ? Enumerable.Empty<string>() : new[] { second }), kind);

    private static async Task<ImmutableArray<Diagnostic>> Analyze(IEnumerable<string> sources, OutputKind kind)
    {
        CSharpCompilation compilation = DirectAnalysis.Compile(sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, DirectAnalysis.ParseOptions, $"/project/Consumer{i}.cs")))
            .WithOptions(new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())));
        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<System.Exception> exceptions) = await DirectAnalysis.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        return diagnostics;
    }
}
