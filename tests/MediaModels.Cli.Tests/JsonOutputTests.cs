using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MediaModels.Sandbox;
using static MediaModels.Cli.Tests.CliRun;

namespace MediaModels.Cli.Tests;

/// <summary><c>--format json</c> of every command that prints results parses and has the shape the README documents.</summary>
public sealed class JsonOutputTests : IDisposable
{
    private const string Image = """{"prompt": "A red car", "model": "nano-banana", "aspect_ratio": "16:9"}""";
    private const string Invalid = """{"prompt": "A boat", "model": "sora-2", "generation_type": "text-to-video", "duration": "8s"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Parse(string output)
    {
        using JsonDocument document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static void AssertKeys(JsonElement element, params string[] keys) =>
        Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), element.EnumerateObject().Select(p => p.Name).OrderBy(k => k, StringComparer.Ordinal));

    [Fact]
    public void Estimate_prints_an_array_of_one_object_per_file()
    {
        string ok = Write("ok.json", Image);
        string bad = Write("bad.json", Invalid);
        (int exit, string output, _) = Run("estimate", "--format", "json", ok, bad, "--job-seconds", "3");
        Assert.Equal(1, exit);
        JsonElement[] results = Parse(output).EnumerateArray().ToArray();
        Assert.Equal(2, results.Length);
        AssertKeys(results[0], "file", "status", "estimate", "diagnostics");
        Assert.Equal((ok, "estimated"), (results[0].GetProperty("file").GetString(), results[0].GetProperty("status").GetString()));
        Assert.Equal(3, results[0].GetProperty("estimate").GetProperty("estimated_time_seconds").GetDouble());
        AssertKeys(results[1], "file", "status", "estimate", "diagnostics", "error");
        Assert.Equal("invalid", results[1].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("estimate").ValueKind);
        Assert.Equal("MM0201", results[1].GetProperty("diagnostics")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Models_prints_an_array_of_models()
    {
        (int exit, string output, _) = Run("models", "--format", "json");
        Assert.Equal(0, exit);
        JsonElement[] models = Parse(output).EnumerateArray().ToArray();
        Assert.Equal(36, models.Length);
        JsonElement kling = models.Single(m => m.GetProperty("id").GetString() == "kling-3-0-pro");
        AssertKeys(kling, "id", "media", "generation_types", "durations", "sound", "prompt_max_length");
        Assert.Equal("video", kling.GetProperty("media").GetString());
        Assert.Equal(2500, kling.GetProperty("prompt_max_length").GetInt32());
        Assert.Equal(JsonValueKind.Array, kling.GetProperty("generation_types").ValueKind);
        Assert.Equal(JsonValueKind.True, kling.GetProperty("sound").ValueKind);
    }

    [Fact]
    public void Models_with_an_id_prints_its_fact_sheet()
    {
        (int exit, string output, _) = Run("models", "seedance-1-5-pro", "--format", "json");
        Assert.Equal(0, exit);
        JsonElement model = Parse(output);
        AssertKeys(model, "id", "media", "type_name", "declared_at", "facts");
        Assert.Equal("seedance-1-5-pro", model.GetProperty("id").GetString());
        JsonElement duration = model.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("subject").GetString() == "duration");
        AssertKeys(duration, "subject", "label", "applies", "value", "notes");
        Assert.Equal("4s, 8s, 12s", duration.GetProperty("value").GetString());
        Assert.Contains(model.GetProperty("facts").EnumerateArray(), f => f.GetProperty("subject").GetString() == "generation_type");
    }

    [Fact]
    public void Catalog_check_prints_one_object_with_its_diagnostics()
    {
        string bad = Write("bad.yaml", "models:\n  - id: x\n    media: video\n    generation_types: { text-to-video: }\n    sound: maybe\n");
        (int exit, string output, _) = Run("catalog", "check", bad, "--format", "json");
        Assert.Equal(1, exit);
        JsonElement result = Parse(output);
        AssertKeys(result, "valid", "models", "diagnostics");
        Assert.False(result.GetProperty("valid").GetBoolean());
        JsonElement diagnostic = Assert.Single(result.GetProperty("diagnostics").EnumerateArray());
        AssertKeys(diagnostic, "id", "severity", "file", "line", "column", "message");
        Assert.Equal(("MM1004", bad, 5, 12), (diagnostic.GetProperty("id").GetString(), diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));

        (exit, output, _) = Run("catalog", "check", "--format", "json");
        Assert.Equal(0, exit);
        Assert.True(Parse(output).GetProperty("valid").GetBoolean());
        Assert.Equal(36, Parse(output).GetProperty("models").GetInt32());
    }

    [Fact]
    public async Task Drift_and_live_models_print_json()
    {
        string drifted = Write("drifted.yaml", "models:\n  - id: wan-3-0\n    media: video\n    generation_types:\n      text-to-video:\n");
        await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions { CatalogPaths = new[] { drifted } });
        string server = sandbox.Endpoint.ToString();

        (int exit, string output, _) = Run("drift", "--server", server, "--format", "json");
        Assert.Equal(1, exit);
        JsonElement drift = Parse(output);
        AssertKeys(drift, "server", "catalog_models", "service_models", "differences");
        Assert.Equal((36, 37), (drift.GetProperty("catalog_models").GetInt32(), drift.GetProperty("service_models").GetInt32()));
        JsonElement difference = Assert.Single(drift.GetProperty("differences").EnumerateArray());
        AssertKeys(difference, "model", "difference", "catalog", "service");
        Assert.Equal(("wan-3-0", "new on the service"), (difference.GetProperty("model").GetString(), difference.GetProperty("difference").GetString()));

        (exit, output, _) = Run("models", "--server", server, "--format", "json");
        Assert.Equal(0, exit);
        JsonElement[] live = Parse(output).EnumerateArray().ToArray();
        Assert.Equal(37, live.Length);
        Assert.All(live, m => Assert.Equal(JsonValueKind.String, m.GetProperty("id").ValueKind));
    }
}
