using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using static MediaModels.Cli.Tests.CliRun;

namespace MediaModels.Cli.Tests;

/// <summary>
/// The contract every command keeps: the program's name, usage errors (exit 2 with a hint), the one exit-code table
/// command by command, and -v|--verbosity.
/// </summary>
public sealed class CliContractTests : IDisposable
{
    private const string Image = """{"prompt": "A red car", "model": "nano-banana", "aspect_ratio": "16:9"}""";
    private const string Invalid = """{"prompt": "A boat", "model": "sora-2", "generation_type": "text-to-video", "duration": "8s"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-contract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Missing => Path.Combine(_dir, "missing.json");

    [Theory]
    [InlineData(new string[0], "mediamodels [command] [options]")]
    [InlineData(new[] { "validate" }, "mediamodels validate <FILE>... [options]")]
    [InlineData(new[] { "models" }, "mediamodels models [<ID>] [options]")]
    [InlineData(new[] { "catalog", "check" }, "mediamodels catalog check [<PATH>...] [options]")]
    [InlineData(new[] { "docs" }, "mediamodels docs [options]")]
    [InlineData(new[] { "generate" }, "mediamodels generate <FILE>... [options]")]
    [InlineData(new[] { "estimate" }, "mediamodels estimate <FILE>... [options]")]
    [InlineData(new[] { "drift" }, "mediamodels drift [options]")]
    [InlineData(new[] { "serve" }, "mediamodels serve [options]")]
    public void Help_names_mediamodels_and_lists_the_exit_codes(string[] command, string usage)
    {
        (int exit, string output, _) = Run(command.Append("--help").ToArray());
        Assert.Equal(0, exit);
        Assert.Contains(usage, output);
        Assert.DoesNotContain("MediaModels.Cli", output);
        Assert.Contains("Exit codes:", output);
        foreach ((int code, string meaning) in ExitCodes.Table)
        {
            Assert.Contains($"  {code}  {meaning}", output);
        }
    }

    [Fact]
    public void The_root_listing_shows_optional_and_repeated_arguments_as_such()
    {
        string output = Run("--help").Out;
        Assert.Matches(@"\n  models \[<ID>\] +List", output);
        Assert.Matches(@"\n  validate <FILE>\.\.\. +Check", output);
        Assert.DoesNotContain("<catalog>", Run("validate", "--help").Out);
        Assert.Contains("--catalog <PATH>", Run("validate", "--help").Out);
    }

    [Fact]
    public void Options_appear_only_on_the_commands_they_apply_to()
    {
        string estimate = Run("estimate", "--help").Out;
        Assert.DoesNotContain("--timeout", estimate);
        Assert.DoesNotContain("--min-poll-seconds", estimate);
        Assert.DoesNotContain("--failed-rate", estimate);
        Assert.DoesNotContain("--out ", estimate);
        Assert.Contains("--job-seconds", estimate);

        string generate = Run("generate", "--help").Out;
        Assert.Contains("--timeout", generate);
        Assert.Contains("--failed-rate", generate);

        foreach (string command in new[] { "models", "drift" })
        {
            string help = Run(command, "--help").Out;
            Assert.Contains("--server", help);
            Assert.DoesNotContain("--job-seconds", help);
            Assert.DoesNotContain("--fail-rate", help);
        }

        Assert.DoesNotContain("--server", Run("validate", "--help").Out);
        Assert.DoesNotContain("--format", Run("docs", "--help").Out);
    }

    [Theory]
    [InlineData("mediamodels validate", "validate", "--bogus", "FILE")]
    [InlineData("mediamodels validate", "validate")]
    [InlineData("mediamodels validate", "validate", "--format", "xml", "FILE")]
    [InlineData("mediamodels validate", "validate", "-v", "loud", "FILE")]
    [InlineData("mediamodels models", "models", "sora-2", "kling-2-6-pro")]
    [InlineData("mediamodels models", "models", "--job-seconds", "1")]
    [InlineData("mediamodels catalog", "catalog")]
    [InlineData("mediamodels catalog check", "catalog", "check", "--bogus")]
    [InlineData("mediamodels docs", "docs")]
    [InlineData("mediamodels generate", "generate")]
    [InlineData("mediamodels generate", "generate", "FILE", "--bogus")]
    [InlineData("mediamodels generate", "generate", "FILE", "--server", "http://127.0.0.1:9/mcp", "--stdio-command", "x")]
    [InlineData("mediamodels generate", "generate", "FILE", "--server", "ftp://example.com")]
    [InlineData("mediamodels estimate", "estimate")]
    [InlineData("mediamodels estimate", "estimate", "FILE", "--timeout", "3")]
    [InlineData("mediamodels drift", "drift")]
    [InlineData("mediamodels drift", "drift", "extra")]
    [InlineData("mediamodels serve", "serve", "--bogus")]
    [InlineData("mediamodels serve", "serve")]
    [InlineData("mediamodels", "bogus")]
    public void Each_usage_error_exits_2_with_a_hint(string commandPath, params string[] args)
    {
        string file = Write("ok.json", Image);
        (int exit, string output, string error) = Run(args.Select(a => a == "FILE" ? file : a).ToArray());
        Assert.True(exit == 2, $"exit {exit}; stderr: {error}");
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: ", error);
        Assert.EndsWith($"Run '{commandPath} --help' for usage.", error.TrimEnd());
    }

    [Fact]
    public void An_unknown_option_is_not_taken_for_a_file_and_the_nearest_option_is_suggested()
    {
        (int exit, _, string error) = Run("validate", "--formt", "json", Write("ok.json", Image));
        Assert.Equal(2, exit);
        Assert.Contains("Unrecognized option '--formt'", error);
        Assert.Contains("Did you mean '--format'?", error);
        Assert.DoesNotContain("MM0007", error);

        (exit, _, error) = Run("drift", "--serer", "http://127.0.0.1:9/mcp");
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean '--server'?", error);
    }

    [Fact]
    public void Drift_without_a_server_says_what_to_pass()
    {
        (int exit, _, string error) = Run("drift");
        Assert.Equal(2, exit);
        Assert.Contains("--server URL", error);
        Assert.Contains("--stdio-command", error);
        Assert.Contains("$MEDIAMODELS_ENDPOINT", error);
        Assert.DoesNotContain("No drift", error);
    }

    [Fact]
    public void Validate_exit_codes()
    {
        Assert.Equal(0, Run("validate", Write("ok.json", Image)).Exit);
        Assert.Equal(1, Run("validate", Write("bad.json", Invalid)).Exit);
        Assert.Equal(2, Run("validate", Missing).Exit);
        Assert.Equal(2, Run("validate", Write("not-json.json", "[1, 2")).Exit);
        Assert.Equal(2, Run("validate", "--catalog", Path.Combine(_dir, "missing.yaml"), Write("ok.json", Image)).Exit);
    }

    [Fact]
    public void Models_exit_codes()
    {
        Assert.Equal(0, Run("models").Exit);
        Assert.Equal(0, Run("models", "sora-2").Exit);
        Assert.Equal(1, Run("models", "sora2").Exit);
        Assert.Equal(2, Run("models", "--catalog", Path.Combine(_dir, "missing.yaml")).Exit);
        Assert.Equal(3, Run("models", "--server", "http://127.0.0.1:9/mcp").Exit);
    }

    [Fact]
    public void Catalog_check_exit_codes()
    {
        Assert.Equal(0, Run("catalog", "check").Exit);
        Assert.Equal(1, Run("catalog", "check", Write("bad.yaml", "models:\n  - id: x\n    media: sound\n")).Exit);
        (int exit, string output, _) = Run("catalog", "check", Path.Combine(_dir, "missing.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("error MM1000", output);
    }

    [Fact]
    public void Docs_exit_codes()
    {
        string notAFolder = Write("file.txt", "x");
        (int exit, _, string error) = Run("docs", "--out", notAFolder);
        Assert.Equal(2, exit);
        Assert.Contains("cannot write", error);
    }

    [Fact]
    public void Generate_exit_codes()
    {
        string ok = Write("ok.json", Image);
        Assert.Equal(0, Run("generate", ok, "--job-seconds", "0.05").Exit);
        Assert.Equal(1, Run("generate", Write("bad.json", Invalid), "--job-seconds", "0.05").Exit);
        Assert.Equal(1, Run("generate", ok, "--job-seconds", "0.05", "--failed-rate", "1").Exit);
        Assert.Equal(2, Run("generate", Missing, "--job-seconds", "0.05").Exit);
        Assert.Equal(3, Run("generate", ok, "--server", "http://127.0.0.1:9/mcp").Exit);
    }

    [Fact]
    public void Estimate_exit_codes()
    {
        string ok = Write("ok.json", Image);
        Assert.Equal(0, Run("estimate", ok, "--job-seconds", "1").Exit);
        Assert.Equal(1, Run("estimate", Write("bad.json", Invalid)).Exit);
        Assert.Equal(2, Run("estimate", Missing).Exit);
        Assert.Equal(3, Run("estimate", ok, "--server", "http://127.0.0.1:9/mcp").Exit);
    }

    [Fact]
    public void Drift_exit_codes()
    {
        Assert.Equal(2, Run("drift").Exit);
        Assert.Equal(3, Run("drift", "--server", "http://127.0.0.1:9/mcp").Exit);
    }

    [Fact]
    public async Task Every_server_command_names_refused_credentials_as_unauthorized_with_exit_4()
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { Token = "secret", JobDuration = TimeSpan.FromSeconds(0.05) });
        string server = sandbox.Endpoint.ToString();
        string ok = Write("ok.json", Image);
        foreach (string[] args in new[]
        {
            new[] { "generate", ok, "--server", server },
            new[] { "estimate", ok, "--server", server },
            new[] { "models", "--server", server },
            new[] { "drift", "--server", server },
        })
        {
            (int exit, string output, string error) = Run(args);
            Assert.True(exit == 4, $"{args[0]}: exit {exit}; stderr: {error}");
            Assert.Contains("unauthorized", error + output);
            Assert.DoesNotContain("could not be reached", error + output);
        }

        (int generated, string text, _) = Run("generate", ok, "--server", server);
        Assert.Equal(4, generated);
        Assert.Contains("ok.json: unauthorized", text);

        Assert.Equal(0, Run("generate", ok, "--server", server, "--token", "secret").Exit);
    }

    [Fact]
    public void Several_files_give_the_highest_exit_code()
    {
        Assert.Equal(2, Run("validate", Write("ok.json", Image), Write("bad.json", Invalid), Missing).Exit);
        Assert.Equal(1, Run("validate", Write("ok.json", Image), Write("bad.json", Invalid)).Exit);
    }

    [Fact]
    public void Serve_usage_errors_exit_2()
    {
        Assert.Equal(2, Run("serve", "--stdio", "--http").Exit);
        Assert.Equal(2, Run("serve", "--stdio", "--stateful").Exit);
    }

    [Fact]
    public void Quiet_keeps_results_and_errors_only_and_detailed_adds_each_file()
    {
        string ok = Write("ok.json", Image);
        string bad = Write("bad.json", Invalid);

        (int exit, string output, string error) = Run("validate", "-v", "quiet", ok, bad);
        Assert.Equal(1, exit);
        Assert.Contains("error MM0201", output);
        Assert.Equal(string.Empty, error);

        (_, output, error) = Run("validate", ok, bad);
        Assert.Contains("2 file(s)", error);
        Assert.DoesNotContain($"{ok}: valid", error);

        (_, _, error) = Run("validate", "--verbosity", "detailed", ok, bad);
        Assert.Contains($"{ok}: valid", error);
        Assert.Contains($"{bad}: invalid", error);

        Assert.Equal(string.Empty, Run("catalog", "check", "-v", "q").Err);
        Assert.Equal(string.Empty, Run("models", "-v", "q").Err);
    }

    [Fact]
    public void The_in_process_sandbox_says_its_output_urls_end_with_the_command_unless_they_are_downloaded()
    {
        string ok = Write("ok.json", Image);
        (int exit, _, string error) = Run("generate", ok, "--job-seconds", "0.05");
        Assert.Equal(0, exit);
        Assert.Contains("URLs stop working when it ends", error);
        Assert.Contains("--out DIR", error);

        (exit, _, error) = Run("generate", ok, "--job-seconds", "0.05", "--out", Path.Combine(_dir, "out"));
        Assert.Equal(0, exit);
        Assert.DoesNotContain("stop working", error);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "out")));
    }

    [Fact]
    public void The_sandbox_takes_catalog_globs_but_not_standard_input()
    {
        Write("overlays/mine.yaml", "models:\n  - id: my-video-model\n    media: video\n    generation_types: { text-to-video: }\n");
        string request = Write("mine.json", """{"prompt": "A storm", "model": "my-video-model", "generation_type": "text-to-video"}""");
        (int exit, _, string error) = Run("generate", request, "--catalog", Path.Combine(_dir, "overlays", "*.yaml"), "--job-seconds", "0.05");
        Assert.True(exit == 0, error);

        (exit, _, error) = Run("serve", "--http", "--catalog", "-");
        Assert.Equal(2, exit);
        Assert.Contains("'--catalog -' cannot reach it", error);
    }

    [Fact]
    public void The_README_documents_the_exit_code_table()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        foreach ((int code, string meaning) in ExitCodes.Table)
        {
            Assert.Contains($"| {code} | {meaning} |", readme);
        }
    }

    [Fact]
    public void An_unexpected_failure_is_one_line_and_its_own_exit_code_not_a_stack_trace()
    {
        // The standard output breaks under the command (a closed pipe, a full disk): nothing a command expects.
        var error = new StringWriter();
        int exit = CliApp.Run(new[] { "models" }, new BrokenWriter(), error);

        Assert.Equal(ExitCodes.Internal, exit);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: mediamodels failed unexpectedly; this is a bug", line);
        Assert.Contains("System.IO.IOException: the pipe is gone", line);
        Assert.DoesNotContain("   at ", error.ToString());
    }

    private sealed class BrokenWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("the pipe is gone");

        public override void Write(string? value) => throw new IOException("the pipe is gone");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("the pipe is gone");

        public override void WriteLine(string? value) => throw new IOException("the pipe is gone");
    }
}
