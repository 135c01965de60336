using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using static MediaModels.Cli.Tests.CliRun;

namespace MediaModels.Cli.Tests;

/// <summary>Several files, folders, globs and '-' name the same files in every command that takes files.</summary>
public sealed class InputExpansionTests : IDisposable
{
    private const string Image = """{"prompt": "A red car", "model": "nano-banana", "aspect_ratio": "16:9"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-inputs-").FullName;

    public InputExpansionTests()
    {
        Write("requests/a.json", Image);
        Write("requests/b.json", Image);
        Write("requests/notes.txt", "not a request");
        Write("requests/nested/c.json", Image);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Requests => Path.Combine(_dir, "requests");

    public static TheoryData<string, string[]> Commands => new()
    {
        { "validate", Array.Empty<string>() },
        { "generate", new[] { "--job-seconds", "0.05" } },
        { "estimate", new[] { "--job-seconds", "1" } },
    };

    private static string[] Files(string command, string[] extra, params string[] arguments)
    {
        (int exit, string output, string error) = Run(arguments.Prepend("json").Prepend("--format").Prepend(command).Concat(extra).ToArray());
        Assert.True(exit == 0, $"{command} {string.Join(" ", arguments)}: exit {exit}; stderr: {error}");
        using JsonDocument document = JsonDocument.Parse(output);
        return document.RootElement.EnumerateArray().Select(r => r.GetProperty("file").GetString()!).ToArray();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_folder_stands_for_its_json_files_directly_inside(string command, string[] extra)
    {
        string[] files = Files(command, extra, Requests);
        Assert.Equal(new[] { Path.Combine(Requests, "a.json"), Path.Combine(Requests, "b.json") }, files);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_glob_matches_within_a_name_and_across_folders(string command, string[] extra)
    {
        Assert.Equal(new[] { Path.Combine(Requests, "a.json"), Path.Combine(Requests, "b.json") }, Files(command, extra, Path.Combine(Requests, "*.json")));
        Assert.Equal(
            new[] { Path.Combine(Requests, "a.json"), Path.Combine(Requests, "b.json"), Path.Combine(Requests, "nested/c.json") },
            Files(command, extra, Path.Combine(Requests, "**", "*.json")));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Several_arguments_keep_their_order_and_name_each_file_once(string command, string[] extra)
    {
        string b = Path.Combine(Requests, "b.json");
        Assert.Equal(new[] { b, Path.Combine(Requests, "a.json") }, Files(command, extra, b, Requests, b));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_dash_reads_standard_input(string command, string[] extra)
    {
        (int exit, string output, string error) = RunWithInput(Image, new[] { command, "--format", "json", "-" }.Concat(extra).ToArray());
        Assert.True(exit == 0, error);
        using JsonDocument document = JsonDocument.Parse(output);
        Assert.Equal("-", Assert.Single(document.RootElement.EnumerateArray()).GetProperty("file").GetString());
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_folder_without_requests_and_a_glob_without_matches_are_unreadable_inputs(string command, string[] extra)
    {
        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        foreach (string argument in new[] { empty, Path.Combine(_dir, "*.nothing") })
        {
            (int exit, string output, _) = Run(new[] { command, "--format", "json", argument }.Concat(extra).ToArray());
            Assert.Equal(2, exit);
            using JsonDocument document = JsonDocument.Parse(output);
            JsonElement result = Assert.Single(document.RootElement.EnumerateArray());
            Assert.Equal(argument, result.GetProperty("file").GetString());
            Assert.Equal("MM0007", result.GetProperty("diagnostics")[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public void Validate_text_keeps_the_msbuild_line_for_a_folder_without_requests()
    {
        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        (int exit, string output, _) = Run("validate", empty);
        Assert.Equal(2, exit);
        Assert.Equal($"{empty}(1,1): error MM0007: Cannot read the file: the folder has no *.json file. [$]", output.Trim());
    }

    [Fact]
    public void Catalog_files_expand_the_same_way()
    {
        // Each overlay has one error, so the diagnostics name the files that were read.
        string Broken(string name) => Write(name, "overrides:\n  - id: wan-2-5\n    prompt_limit: 10\n");
        string one = Broken("catalogs/one.yaml");
        string two = Broken("catalogs/two.yml");
        Write("catalogs/readme.md", "not a catalog");
        string nested = Broken("catalogs/nested/three.yaml");
        string folder = Path.Combine(_dir, "catalogs");

        string[] Read(params string[] arguments)
        {
            (int exit, string output, _) = Run(new[] { "catalog", "check", "--format", "json" }.Concat(arguments).ToArray());
            Assert.Equal(1, exit);
            using JsonDocument document = JsonDocument.Parse(output);
            return document.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("file").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
        }

        Assert.Equal(new[] { one, two }, Read(folder));
        Assert.Equal(new[] { one }, Read(Path.Combine(folder, "*.yaml")));
        Assert.Equal(new[] { nested, one }.Order(StringComparer.Ordinal), Read(Path.Combine(folder, "**", "*.yaml")));
        Assert.Equal(new[] { one, two }, Read("--catalog", Path.Combine(folder, "*.y*ml")));

        (int exit, string text, _) = RunWithInput("overrides:\n  - id: wan-2-5\n    prompt_limit: 10\n", "catalog", "check", "-");
        Assert.Equal(1, exit);
        Assert.StartsWith("-(3,5): error MM1002", text.Trim());
    }
}
