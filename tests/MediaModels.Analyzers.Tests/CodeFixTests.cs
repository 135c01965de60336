using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// Each code fix with its expected output. The testing library also applies fix all in document, project and solution
/// and compares the result with the same expected output (its default), so these cases with several diagnostics check
/// fix all too; the multi-document and multi-project cases check the project and solution scopes.
/// </summary>
public sealed class CodeFixTests
{
    private static string Code(string body) => LooseApiTests.Code(body);

    private static Task Verify(string before, string after)
    {
        var test = new CodeFixTest { TestCode = Code(before), FixedCode = Code(after) };
        return test.RunAsync();
    }

    [Fact]
    public Task MM0001_replaces_the_model_with_the_nearest_id() => Verify(
        """var r = new GenerateMediaRequest { Prompt = "x", Model = {|MM0001:"sora-3"|}, GenerationType = "text-to-video" };""",
        """var r = new GenerateMediaRequest { Prompt = "x", Model = "sora-2", GenerationType = "text-to-video" };""");

    [Fact]
    public Task MM0101_removes_the_ignored_assignment_on_one_line() => Verify(
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|MM0101:Sound = true|} };""",
        """var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x" };""");

    [Fact]
    public Task MM0102_MM0103_MM0104_remove_the_ignored_assignments_across_lines() => Verify(
        """
        var r = new GenerateMediaRequest
                {
                    Model = "sora-2",
                    {|MM0102:NegativePrompt = "blur"|},
                    GenerationType = "text-to-video",
                    Prompt = "x",
                    {|MM0104:Quality = "pro"|},
                };
                var s = new GenerateMediaRequest
                {
                    Model = "nano-banana",
                    Prompt = "x",
                    {|MM0103:Duration = "5s"|}
                };
        """,
        """
        var r = new GenerateMediaRequest
                {
                    Model = "sora-2",
                    GenerationType = "text-to-video",
                    Prompt = "x",
                };
                var s = new GenerateMediaRequest
                {
                    Model = "nano-banana",
                    Prompt = "x"
                };
        """);

    [Fact]
    public Task MM0101_removes_an_assignment_statement() => Verify(
        """
        var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x" };
                {|MM0101:r.Sound = true|};
                r.Seed = 1;
        """,
        """
        var r = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x" };
                r.Seed = 1;
        """);

    [Fact]
    public Task MM0201_replaces_the_duration_with_the_nearest_allowed_one() => Verify(
        """
        var a = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Duration = {|MM0201:"12s"|} };
                var b = new GenerateMediaRequest { Model = "sora-2-pro-storyboard", GenerationType = "text-to-video", Prompt = "x", Duration = {|MM0201:"30s"|} };
        """,
        """
        var a = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Duration = "10s" };
                var b = new GenerateMediaRequest { Model = "sora-2-pro-storyboard", GenerationType = "text-to-video", Prompt = "x", Duration = "25s" };
        """);

    [Fact]
    public Task MM0201_on_a_typed_builder_replaces_the_seconds()
    {
        const string Template = """
            using MediaModels;

            class C
            {
                GenerateMediaRequest M() => MediaCatalog.Kling30Std.TextToVideo("x").WithDuration(MediaCatalog.Kling30Std.Duration.FromSeconds(SECONDS)).Build();
            }
            """;
        var test = new CodeFixTest
        {
            TestCode = Template.Replace("SECONDS", "{|MM0201:20|}"),
            FixedCode = Template.Replace("SECONDS", "15"),
            WithGenerator = true,
        };
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_in_document_removes_every_ignored_sound() => Verify(
        """
        var a = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", {|MM0101:Sound = true|} };
                var b = new GenerateMediaRequest { {|MM0101:Sound = flag|}, Model = "veo3-1-fast", GenerationType = "text-to-video", Prompt = "y" };
                var c = other with { Model = "nano-banana", {|MM0101:Sound = true|} };
        """,
        """
        var a = new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x" };
                var b = new GenerateMediaRequest { Model = "veo3-1-fast", GenerationType = "text-to-video", Prompt = "y" };
                var c = other with { Model = "nano-banana" };
        """);

    [Fact]
    public Task Fix_all_in_project_and_solution()
    {
        string first = Code("""var a = new GenerateMediaRequest { Prompt = "x", Model = {|MM0001:"sora-3"|}, GenerationType = "text-to-video" };""");
        string firstFixed = Code("""var a = new GenerateMediaRequest { Prompt = "x", Model = "sora-2", GenerationType = "text-to-video" };""");
        string second = "using MediaModels;\nclass D { GenerateMediaRequest R() => new GenerateMediaRequest { Prompt = \"x\", Model = {|MM0001:\"nano-banan\"|} }; }\n";
        string secondFixed = "using MediaModels;\nclass D { GenerateMediaRequest R() => new GenerateMediaRequest { Prompt = \"x\", Model = \"nano-banana\" }; }\n";
        string third = "using MediaModels;\nclass E { GenerateMediaRequest R() => new GenerateMediaRequest { Prompt = \"x\", Model = {|MM0001:\"imagen4\"|} }; }\n";
        string thirdFixed = "using MediaModels;\nclass E { GenerateMediaRequest R() => new GenerateMediaRequest { Prompt = \"x\", Model = \"imagen-4\" }; }\n";

        var test = new CodeFixTest();
        test.TestState.Sources.Add(first);
        test.TestState.Sources.Add(second);
        test.FixedState.Sources.Add(firstFixed);
        test.FixedState.Sources.Add(secondFixed);

        var other = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/1/Other", "cs");
        TestSetup.Configure(other);
        other.Sources.Add(third);
        test.TestState.AdditionalProjects.Add("Other", other);
        var otherFixed = new ProjectState("Other", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/1/Other", "cs");
        TestSetup.Configure(otherFixed);
        otherFixed.Sources.Add(thirdFixed);
        test.FixedState.AdditionalProjects.Add("Other", otherFixed);
        return test.RunAsync();
    }
}
