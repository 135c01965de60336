using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;

namespace MediaModels.Cli.Tests;

/// <summary>generate, estimate, models --server, drift and serve, run in process against the sandbox.</summary>
public sealed class ServiceCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-cli-svc-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CliApp.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private const string Image = """{"prompt": "A red car", "model": "nano-banana", "aspect_ratio": "16:9"}""";

    private const string Video = """{"prompt": "Gentle motion", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/a.jpg"], "duration": "5s"}""";

    [Fact]
    public void Generate_with_the_embedded_sandbox_prints_json_results_and_downloads_outputs()
    {
        string outDir = Path.Combine(_dir, "out");
        (int exit, string output, string error) = Run("generate", Write("a.json", Image), Write("b.json", Video), "--job-seconds", "0.1", "--format", "json", "--out", outDir);

        Assert.True(exit == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetArrayLength());
        foreach (JsonElement result in json.RootElement.EnumerateArray())
        {
            Assert.Equal("completed", result.GetProperty("status").GetString());
            Assert.StartsWith("gen_", result.GetProperty("generation_id").GetString());
            Assert.Equal(1, result.GetProperty("outputs").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, result.GetProperty("diagnostics").ValueKind);
        }

        Assert.Equal(2, Directory.GetFiles(outDir).Length);
        Assert.Single(Directory.GetFiles(outDir, "*.png"));
        Assert.Single(Directory.GetFiles(outDir, "*.mp4"));
    }

    [Fact]
    public void Generate_of_one_file_prints_an_array_of_one_as_for_several()
    {
        (int exit, string output, string error) = Run("generate", Write("a.json", Image), "--job-seconds", "0.05", "--format", "json");
        Assert.True(exit == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement result = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("image", result.GetProperty("outputs")[0].GetProperty("media_type").GetString());
    }

    [Fact]
    public void An_invalid_request_exits_1_prints_its_MM_ids_and_is_not_sent()
    {
        string bad = Write("bad.json", """{"prompt": "A boat", "model": "sora-2", "generation_type": "text-to-video", "duration": "8s"}""");
        (int exit, string output, _) = Run("generate", bad, "--job-seconds", "0.05");
        Assert.Equal(1, exit);
        Assert.Contains("error MM0201", output);
        Assert.Contains("nothing was sent", output);
    }

    [Fact]
    public void A_failed_generation_exits_1()
    {
        (int exit, string output, _) = Run("generate", Write("a.json", Image), "--job-seconds", "0.05", "--failed-rate", "1");
        Assert.Equal(1, exit);
        Assert.Contains("failed", output);
    }

    [Fact]
    public void An_unreadable_file_exits_2_and_an_unreachable_server_exits_3()
    {
        (int exit, _, _) = Run("generate", Path.Combine(_dir, "missing.json"), "--job-seconds", "0.05");
        Assert.Equal(2, exit);

        (int unreachable, string output, string error) = Run("generate", Write("a.json", Image), "--server", "http://127.0.0.1:9/mcp");
        Assert.Equal(3, unreachable);
        Assert.Contains("not-sent", output);
        Assert.Contains("Cannot connect", error);
    }

    [Fact]
    public void Estimate_answers_from_the_embedded_sandbox()
    {
        (int exit, string output, string error) = Run("estimate", Write("v.json", Video), "--job-seconds", "4");
        Assert.True(exit == 0, error);
        Assert.Contains("kling-2-6-image-to-video image-to-video: about 4 s", output);
    }

    [Fact]
    public async Task Models_server_lists_the_live_models()
    {
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { JobDuration = TimeSpan.FromSeconds(1) });
        (int exit, string output, string error) = Run("models", "--server", sandbox.Endpoint.ToString());
        Assert.True(exit == 0, error);
        Assert.Contains("seedance-1-5-pro", output);
        Assert.Contains("image-to-video: 2 image(s)", output);
        Assert.Contains("24 cr/s", output);
    }

    [Fact]
    public async Task Drift_against_a_drifted_sandbox_exits_1_and_writes_an_overlay_that_closes_it()
    {
        string drifted = Write("drifted.yaml", """
            models:
              - id: wan-3-0
                media: video
                generation_types:
                  text-to-video:
            overrides:
              - id: kling-2-6-image-to-video
                generation_types:
                  image-to-video:
                    images: { min: 1, max: 2 }
            """);
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { CatalogPaths = new[] { drifted } });
        string overlay = Path.Combine(_dir, "adopt.yaml");

        (int exit, string output, _) = Run("drift", "--server", sandbox.Endpoint.ToString(), "--write-overlay", overlay);

        Assert.Equal(1, exit);
        string[] lines = output.Trim().Split('\n');
        Assert.StartsWith("MODEL", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("wan-3-0", StringComparison.Ordinal) && l.Contains("new on the service"));
        Assert.Contains(lines, l => l.StartsWith("kling-2-6-image-to-video", StringComparison.Ordinal) && l.Contains("input counts"));
        Assert.Equal(3, lines.Length);

        (int again, string agreed, _) = Run("drift", "--server", sandbox.Endpoint.ToString(), "--catalog", overlay);
        Assert.Equal(0, again);
        Assert.Contains("No drift", agreed);
    }

    [Fact]
    public void Serve_refuses_to_bind_beyond_loopback_without_a_token()
    {
        (int exit, _, string error) = Run("serve", "--http", "--urls", "http://0.0.0.0:0");
        Assert.Equal(2, exit);
        Assert.Contains("--token", error);
    }

    [Fact]
    public void Serve_needs_exactly_one_transport()
    {
        Assert.Equal(2, Run("serve").Exit);
        Assert.Equal(2, Run("serve", "--stdio", "--http").Exit);
    }

    [Fact]
    public void Serve_takes_stateful_sessions_over_http_only()
    {
        (int exit, _, string error) = Run("serve", "--stdio", "--stateful");
        Assert.Equal(2, exit);
        Assert.Contains("--stateful applies to --http only", error);
    }
}
