using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace MediaModels.Package.Tests;

/// <summary>
/// The user's whole experience from the packed package: add one PackageReference, get typed builders, analyzer
/// diagnostics, and catalog files of their own; install the tool and validate a file.
/// </summary>
public sealed class PackageEndToEndTests : IClassFixture<PackedFeed>
{
    private const string TypedProgram = """
        using System;
        using MediaModels;

        Console.WriteLine(MediaCatalog.Sora2.TextToVideo("A paper boat").WithDuration(MediaCatalog.Sora2.Durations.Seconds10).Build().ToJson());
        Console.WriteLine(MediaCatalog.Kling26ImageToVideo.Create("Gentle motion", image: "https://example.com/a.jpg").WithSound().Build().ToJson());
        """;

    private readonly PackedFeed _feed;

    public PackageEndToEndTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void The_package_holds_runtime_analyzers_code_fixes_catalog_and_build_files()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_feed.Feed, $"MediaModels.{PackedFeed.Version}.nupkg"));
        string[] entries = package.Entries.Select(e => e.FullName).ToArray();
        foreach (string expected in new[]
        {
            "lib/netstandard2.0/MediaModels.dll", "lib/netstandard2.0/MediaModels.Catalog.dll", "lib/net8.0/MediaModels.dll", "lib/net8.0/MediaModels.Catalog.dll",
            "analyzers/dotnet/cs/MediaModels.Generators.dll", "analyzers/dotnet/cs/MediaModels.CodeFixes.dll",
            "analyzers/dotnet/cs/MediaModels.Catalog.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
            "buildTransitive/MediaModels.props", "buildTransitive/MediaModels.targets", "buildTransitive/catalog/kling.yaml", "README.md",
        })
        {
            Assert.Contains(expected, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", System.StringComparison.Ordinal) && e.Contains("Microsoft.CodeAnalysis"));
        Assert.True(File.Exists(Path.Combine(_feed.Feed, $"MediaModels.{PackedFeed.Version}.snupkg")), "no symbol package");
        Assert.True(File.Exists(Path.Combine(_feed.Feed, $"MediaModels.Tool.{PackedFeed.Version}.nupkg")), "no tool package");
    }

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void Typed_builders_build_warning_free_and_run(string framework)
    {
        string folder = Consumer("typed-" + framework, framework, TypedProgram);
        (int exit, string output) = Dotnet(folder, "build", "-p:TreatWarningsAsErrors=true");
        Assert.True(exit == 0, output);
        Assert.Contains("0 Warning(s)", output);

        (exit, output) = Dotnet(folder, "run", "--no-build");
        Assert.True(exit == 0, output);
        string[] lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("""{"prompt":"A paper boat","model":"sora-2","generation_type":"text-to-video","duration":"10s"}""", lines[0]);
        Assert.Equal("""{"prompt":"Gentle motion","model":"kling-2-6-image-to-video","generation_type":"image-to-video","source_media_urls":["https://example.com/a.jpg"],"sound":true}""", lines[1]);
    }

    [Fact]
    public void Invalid_call_site_is_reported_with_file_and_line_and_editorconfig_sets_its_severity()
    {
        const string program = """
            using MediaModels;

            var request = new GenerateMediaRequest
            {
                Model = "sora-2", GenerationType = "text-to-video", Prompt = "A paper boat",
                Sound = true,
            };
            System.Console.WriteLine(request.ToJson());
            """;
        string folder = Consumer("analyzer", "net10.0", program);
        (int exit, string output) = Dotnet(folder, "build");
        Assert.True(exit == 0, output);
        Assert.Matches(@"Program\.cs\(6,5\): warning MM0101: ", output);

        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.MM0101.severity = error\n");
        (exit, output) = Dotnet(folder, "build");
        Assert.NotEqual(0, exit);
        Assert.Matches(@"Program\.cs\(6,5\): error MM0101: ", output);
    }

    [Fact]
    public void A_user_catalog_file_adds_a_model_and_overrides_a_shipped_limit()
    {
        const string program = """
            using MediaModels;

            System.Console.WriteLine(MediaCatalog.MyVideoModel.TextToVideo("A storm at sea").Build().ToJson());
            System.Console.WriteLine(MediaCatalog.Wan25.MaxPromptLength);
            """;
        string folder = Consumer("user-catalog", "net10.0", program, "<MediaModelsCatalog Include=\"my-models.yaml\" />");
        File.WriteAllText(Path.Combine(folder, "my-models.yaml"), """
            models:
              - id: my-video-model
                media: video
                generation_types: { text-to-video: }
            overrides:
              - id: wan-2-5
                prompt_max_length: 10
            """);
        (int exit, string output) = Dotnet(folder, "build");
        Assert.True(exit == 0, output);
        (exit, output) = Dotnet(folder, "run", "--no-build");
        Assert.True(exit == 0, output);
        Assert.Equal(new[] { """{"prompt":"A storm at sea","model":"my-video-model","generation_type":"text-to-video"}""", "10" }, output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void A_broken_user_catalog_fails_the_build_at_its_line_and_column_and_nothing_else()
    {
        string folder = Consumer("broken-catalog", "net10.0", TypedProgram, "<MediaModelsCatalog Include=\"my-models.yaml\" />");
        File.WriteAllText(Path.Combine(folder, "my-models.yaml"), "overrides:\n  - id: wan-2-5\n    prompt_limit: 10\n");
        (int exit, string output) = Dotnet(folder, "build");
        Assert.NotEqual(0, exit);
        Assert.Matches(@"my-models\.yaml\(3,5\): error MM1002: Unknown key 'prompt_limit'", output);
        string[] codes = Regex.Matches(output, @": (?:error|warning) ([A-Z]+\d+):").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.Equal(new[] { "MM1002" }, codes);
        Assert.DoesNotContain("CS8785", output);
        Assert.DoesNotContain("AD0001", output);
    }

    [Fact]
    public void The_consumer_runs_without_a_yaml_parser_and_validates_with_the_compiled_catalog_overlay_included()
    {
        // Model ids from a method call: not constants, so the analyzers leave the requests to the runtime validator.
        const string program = """
            using System.Linq;
            using MediaModels;
            using MediaModels.Validation;

            static string Dynamic(string value) => value;

            foreach (var request in new[]
            {
                new GenerateMediaRequest { Model = Dynamic("my-video-model"), GenerationType = "text-to-video", Prompt = "A storm" },
                new GenerateMediaRequest { Model = Dynamic("wan-2-5"), GenerationType = "text-to-video", Prompt = "A very long prompt" },
                new GenerateMediaRequest { Model = Dynamic("sora-2"), GenerationType = "text-to-video", Prompt = "A boat", Duration = "8s" },
            })
            {
                string ids = string.Join(",", RequestValidator.Default.Validate(request).Select(v => v.Id));
                System.Console.WriteLine(ids.Length == 0 ? "valid" : ids);
            }

            // Only reading YAML at run time needs the parser, and says so.
            try
            {
                _ = RequestValidator.ShippedDefault;
                System.Console.WriteLine("read YAML");
            }
            catch (System.InvalidOperationException exception)
            {
                System.Console.WriteLine(exception.Message.Contains("<PackageReference Include=\"YamlDotNet\" />") ? "needs YamlDotNet" : exception.Message);
            }
            """;
        string folder = Consumer("no-yaml", "net10.0", program, "<MediaModelsCatalog Include=\"my-models.yaml\" />");
        File.WriteAllText(Path.Combine(folder, "my-models.yaml"), """
            models:
              - id: my-video-model
                media: video
                generation_types: { text-to-video: }
            overrides:
              - id: wan-2-5
                prompt_max_length: 10
            """);
        (int exit, string output) = Dotnet(folder, "build");
        Assert.True(exit == 0, output);
        string bin = Path.Combine(folder, "bin");
        Assert.Empty(Directory.GetFiles(bin, "YamlDotNet.dll", SearchOption.AllDirectories));
        Assert.DoesNotContain("YamlDotNet", File.ReadAllText(Directory.GetFiles(bin, "Consumer.deps.json", SearchOption.AllDirectories).Single()));

        (exit, output) = Dotnet(folder, "run", "--no-build");
        Assert.True(exit == 0, output);
        Assert.Equal(new[] { "valid", "MM0004", "MM0201", "needs YamlDotNet" }, output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void The_README_client_example_runs_against_the_sandbox_package()
    {
        const string program = """
            using System;
            using MediaModels;
            using MediaModels.Client;
            using MediaModels.Sandbox;

            await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(1) });
            await using MediaClient client = await MediaClient.ConnectAsync(new MediaClientOptions { Endpoint = sandbox.Endpoint });

            GenerationResult result = await client.GenerateAsync(
                new GenerateMediaRequest { Model = "nano-banana", Prompt = "A red car on a mountain road", AspectRatio = "16:9" },
                new Progress<GenerationProgress>(p => Console.WriteLine(p)));   // gen_… processing 40% (0.6 s)
            foreach (GenerationOutput output in result.Outputs)
            {
                Console.WriteLine($"{output.MediaType} {output.Dimensions} {output.Url}");
            }
            Console.WriteLine($"accepted {sandbox.Counters.GenerationsAccepted}");
            """;
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot(), "README.md"));
        Assert.Contains(string.Join("\n", program.Split('\n').Skip(5).Take(10)).Replace("\r", string.Empty), readme.Replace("\r", string.Empty));

        string folder = _feed.NewConsumer("client-sandbox");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MediaModels.Client" Version="{PackedFeed.Version}" />
                <PackageReference Include="MediaModels.Sandbox" Version="{PackedFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        (int exit, string output) = Dotnet(folder, "build", "-p:TreatWarningsAsErrors=true");
        Assert.True(exit == 0, output);
        (exit, output) = Dotnet(folder, "run", "--no-build");
        Assert.True(exit == 0, output);
        Assert.Matches(@"image \S+ http://127\.0\.0\.1:\d+/files/", output);
        Assert.Contains("accepted 1", output);
    }

    [Fact]
    public void The_installed_tool_validates_a_request_file()
    {
        string folder = _feed.NewConsumer("tool");
        (int exit, string output) = Dotnet(folder, "tool", "install", "--tool-path", "tools", "--add-source", _feed.Feed, "MediaModels.Tool", "--version", PackedFeed.Version);
        Assert.True(exit == 0, output);
        File.WriteAllText(Path.Combine(folder, "request.json"), "{\n  \"prompt\": \"A boat\",\n  \"model\": \"sora-2\",\n  \"generation_type\": \"text-to-video\",\n  \"duration\": \"8s\"\n}\n");
        (exit, output) = DotnetProcess.RunFile(Path.Combine(folder, "tools", "mediamodels"), folder, _feed.Environment, "validate", "request.json");
        Assert.Equal(1, exit);
        Assert.Contains("request.json(5,3): error MM0201: sora-2 does not accept duration '8s'", output);
    }

    private (int Exit, string Output) Dotnet(string folder, params string[] arguments) => DotnetProcess.Run(folder, _feed.Environment, arguments);

    private string Consumer(string name, string framework, string program, string extraItems = "")
    {
        string folder = _feed.NewConsumer(name);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{framework}</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MediaModels" Version="{PackedFeed.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return folder;
    }
}
