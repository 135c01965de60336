using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Analyzers.Tests.Infrastructure;
using MediaModels.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Analyzers.Tests;

/// <summary>
/// The stretch refactoring: a loose request with a constant model becomes the typed builder. Each case checks the
/// rewritten text, that it compiles, and that it produces the very same wire request as the loose one.
/// </summary>
public sealed class TypedBuilderRefactoringTests
{
    private static string Code(string body) => $$"""
        using System.Collections.Generic;
        using MediaModels;

        namespace Consumer
        {
            internal static class Requests
            {
                public static GenerateMediaRequest Make(List<string> urls)
                {
                    return {{body}};
                }
            }
        }
        """;

    [Fact]
    public async Task A_text_to_video_request_with_duration_and_aspect_ratio()
    {
        await VerifyAsync(
            """new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "A red car", Duration = "15s", AspectRatio = "16:9" }""",
            """MediaCatalog.Sora2.TextToVideo("A red car").WithDuration(MediaCatalog.Sora2.Duration.FromSeconds(15)).WithAspectRatio(AspectRatio.Parse("16:9")).Build()""");
    }

    [Fact]
    public async Task Start_and_end_frames_from_a_collection_expression_become_the_factory_arguments()
    {
        await VerifyAsync(
            """new GenerateMediaRequest { Model = "seedance-1-5-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = ["https://e.x/s.png", "https://e.x/e.png"], Sound = true }""",
            """MediaCatalog.Seedance15Pro.ImageToVideo("x", "https://e.x/s.png", "https://e.x/e.png").WithSound(true).Build()""");
    }

    [Fact]
    public async Task Image_and_reference_video_keep_their_wire_order()
    {
        await VerifyAsync(
            """new GenerateMediaRequest { Model = "kling-2-6-motion-control-720p", GenerationType = "image-to-video", Prompt = "Dance", SourceMediaUrls = new List<string> { "https://e.x/me.png", "https://e.x/dance.mp4" } }""",
            """MediaCatalog.Kling26MotionControl720p.ImageToVideo("Dance", "https://e.x/me.png", "https://e.x/dance.mp4").Build()""");
    }

    [Fact]
    public async Task A_list_known_only_at_run_time_is_passed_whole_and_quality_seed_and_negative_prompt_follow()
    {
        await VerifyAsync(
            """new GenerateMediaRequest { Model = "imagen-4", GenerationType = "text-to-image", Prompt = "x", Quality = "ultra", NegativePrompt = "text", Seed = 42 }""",
            """MediaCatalog.Imagen4.TextToImage("x").WithQuality(MediaCatalog.Imagen4.Quality.FromValue("ultra")).WithNegativePrompt("text").WithSeed(42).Build()""");
        await VerifyAsync(
            """new GenerateMediaRequest { Model = "nano-banana", GenerationType = "image-to-image", Prompt = "x", SourceMediaUrls = urls }""",
            """MediaCatalog.NanoBanana.ImageToImage("x", urls).Build()""",
            urls: new List<string> { "https://e.x/1.png", "https://e.x/2.png" });
    }

    [Fact]
    public async Task No_generation_type_means_the_services_default_written_out()
    {
        string? rewritten = await RefactorAsync(Code("""new GenerateMediaRequest { Model = "nano-banana", Prompt = "x" }"""));
        Assert.Equal(Code("""MediaCatalog.NanoBanana.TextToImage("x").Build()"""), rewritten);
    }

    [Fact]
    public async Task Offered_from_inside_the_url_list_too()
    {
        string source = Code("""new GenerateMediaRequest { Model = "seedance-1-5-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = new List<string> { "https://e.x/s.png", "https://e.x/e.png" } }""");
        string? rewritten = await RefactorAsync(source, source.IndexOf("\"https://e.x/e.png\"", StringComparison.Ordinal));
        Assert.Equal(Code("""MediaCatalog.Seedance15Pro.ImageToVideo("x", "https://e.x/s.png", "https://e.x/e.png").Build()"""), rewritten);
    }

    [Theory]
    [InlineData("""new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Sound = true }""")] // sora-2 has no WithSound
    [InlineData("""new GenerateMediaRequest { Model = "nano-banana", GenerationType = "text-to-image", Prompt = "x", NegativePrompt = "y" }""")] // nor WithNegativePrompt
    [InlineData("""new GenerateMediaRequest { Model = "seedance-1-5-pro", GenerationType = "image-to-video", Prompt = "x", SourceMediaUrls = ["https://e.x/1.png", "https://e.x/2.png", "https://e.x/3.png"] }""")] // no three-image overload
    [InlineData("""new GenerateMediaRequest { Model = "sora-3", GenerationType = "text-to-video", Prompt = "x" }""")] // no such model
    [InlineData("""new GenerateMediaRequest { Model = urls[0], GenerationType = "text-to-video", Prompt = "x" }""")] // model not constant
    [InlineData("""new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video" }""")] // no prompt
    [InlineData("""new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", Duration = urls[0] }""")] // duration not constant
    [InlineData("""new GenerateMediaRequest { Model = "kling-3-0-std", GenerationType = "text-to-video", Prompt = "x", KlingElements = new List<KlingElement>() }""")] // elements
    [InlineData("""new GenerateMediaRequest { Model = "sora-2", GenerationType = "text-to-video", Prompt = "x", ExtensionData = null, Seed = null, Prompt = "y" }""")] // a property set twice
    public async Task Not_offered_when_the_typed_api_cannot_say_the_same(string body)
    {
        Assert.Null(await RefactorAsync(Code(body)));
    }

    /// <summary>Refactors, compares the text, then compiles and runs both versions and compares their wire JSON.</summary>
    private static async Task VerifyAsync(string before, string after, List<string>? urls = null)
    {
        string original = Code(before);
        string? rewritten = await RefactorAsync(original);
        Assert.Equal(Code(after), rewritten);
        urls ??= new List<string>();
        Assert.Equal(Run(original, urls), Run(rewritten!, urls));
    }

    /// <summary>The refactored document, or null when the refactoring is not offered on the request.</summary>
    private static async Task<string?> RefactorAsync(string source, int? caret = null)
    {
        using var workspace = new AdhocWorkspace();
        ProjectId project = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            project,
            VersionStamp.Default,
            "Consumer",
            "Consumer",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: DirectAnalysis.ParseOptions,
            metadataReferences: TestSetup.References));
        int index = 0;
        foreach (SyntaxTree tree in DirectAnalysis.GeneratedTrees)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project), $"Generated{index++}.g.cs", tree.GetText());
        }

        DocumentId document = DocumentId.CreateNewId(project);
        solution = solution.AddDocument(document, "Consumer.cs", SourceText.From(source));
        int position = caret ?? source.IndexOf("new GenerateMediaRequest", StringComparison.Ordinal);
        var actions = new List<CodeAction>();
        var context = new CodeRefactoringContext(solution.GetDocument(document)!, new TextSpan(position, 3), actions.Add, CancellationToken.None);
        await new TypedBuilderRefactoringProvider().ComputeRefactoringsAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        CodeAction action = Assert.Single(actions);
        Assert.StartsWith("Use the typed builder MediaCatalog.", action.Title, StringComparison.Ordinal);
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document)!.GetTextAsync()).ToString();
    }

    /// <summary>Compiles the consumer with the typed builders, runs <c>Requests.Make</c> and returns the request's JSON.</summary>
    private static string Run(string source, List<string> urls)
    {
        CSharpCompilation compilation = DirectAnalysis.Compile(source, withBuilders: true);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        var context = new AssemblyLoadContext("refactoring-test", isCollectible: true);
        try
        {
            image.Position = 0;
            Assembly assembly = context.LoadFromStream(image);
            MethodInfo make = assembly.GetType("Consumer.Requests", throwOnError: true)!.GetMethod("Make")!;
            var request = (GenerateMediaRequest)make.Invoke(null, new object[] { urls })!;
            return request.ToJson();
        }
        finally
        {
            context.Unload();
        }
    }
}
