using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MediaModels.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-cli-").FullName;

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

    private const string Valid = """{"prompt": "Gentle motion", "model": "kling-2-6-image-to-video", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/a.jpg"], "duration": "5s"}""";

    private const string WrongDuration = "{\n  \"prompt\": \"A boat\",\n  \"model\": \"sora-2\",\n  \"generation_type\": \"text-to-video\",\n  \"duration\": \"8s\"\n}";

    [Fact]
    public void Valid_file_exits_0_and_prints_no_diagnostic()
    {
        (int exit, string output, string error) = Run("validate", Write("ok.json", Valid));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("1 valid", error);
    }

    [Fact]
    public void Invalid_file_exits_1_with_an_msbuild_style_line()
    {
        string file = Write("bad.json", WrongDuration);
        (int exit, string output, _) = Run("validate", file);
        Assert.Equal(1, exit);
        Assert.Equal($"{file}(5,3): error MM0201: sora-2 does not accept duration '8s'; allowed: 10s, 15s. Nearest: 10s. [$.duration]", output.Trim());
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        string file = Write("warn.json", """{"prompt": "x", "model": "sora-2", "generation_type": "text-to-video", "sound": true}""");
        (int exit, string output, _) = Run("validate", file);
        Assert.Equal(0, exit);
        Assert.Contains("warning MM0101", output);
    }

    [Fact]
    public void Malformed_file_among_good_ones_exits_2_and_the_others_are_still_checked()
    {
        string good = Write("a-good.json", Valid);
        string broken = Write("b-broken.json", "{\n  \"prompt\": \"x\",\n  \"model\": \"sora-2\",\n}");
        string bad = Write("c-bad.json", WrongDuration);
        (int exit, string output, _) = Run("validate", good, broken, bad);
        Assert.Equal(2, exit);
        string[] lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{broken}(4,1): error MM0007: ", lines[0]);
        Assert.StartsWith($"{bad}(5,3): error MM0201: ", lines[1]);
    }

    [Fact]
    public void Missing_file_exits_2_with_MM0007()
    {
        string missing = Path.Combine(_dir, "nope.json");
        (int exit, string output, _) = Run("validate", missing, Write("ok.json", Valid));
        Assert.Equal(2, exit);
        Assert.StartsWith($"{missing}(1,1): error MM0007: Cannot read the file", output.Trim());
    }

    [Fact]
    public void Json_format_has_one_object_per_file()
    {
        string good = Write("a.json", Valid);
        string bad = Write("b.json", WrongDuration);
        string broken = Write("c.json", "[1, 2");
        (int exit, string output, _) = Run("validate", "--format", "json", good, bad, broken);
        Assert.Equal(2, exit);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement[] files = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(3, files.Length);
        Assert.Equal((good, true, 0), (files[0].GetProperty("file").GetString(), files[0].GetProperty("valid").GetBoolean(), files[0].GetProperty("diagnostics").GetArrayLength()));
        JsonElement diagnostic = Assert.Single(files[1].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("MM0201", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal("$.duration", diagnostic.GetProperty("path").GetString());
        Assert.Equal(5, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("10s", diagnostic.GetProperty("suggestion").GetString());
        Assert.False(files[2].GetProperty("valid").GetBoolean());
        Assert.Equal("MM0007", files[2].GetProperty("diagnostics")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Catalog_overlay_adds_a_model_and_overrides_a_limit()
    {
        string overlay = Write("mine.yaml", """
            models:
              - id: my-video-model
                media: video
                generation_types: { text-to-video: }
            overrides:
              - id: wan-2-5
                prompt_max_length: 10
            """);
        string mine = Write("mine.json", """{"prompt": "A storm", "model": "my-video-model", "generation_type": "text-to-video"}""");
        string wan = Write("wan.json", """{"prompt": "A very long prompt", "model": "wan-2-5", "generation_type": "text-to-video"}""");
        // Without the overlay the catalog does not know the model: a warning (MM0008), no longer an error.
        (int before, string beforeOutput, _) = Run("validate", mine);
        Assert.Equal(0, before);
        Assert.Contains("warning MM0008: The catalog does not know model 'my-video-model'", beforeOutput);
        (int exit, string output, _) = Run("validate", "--catalog", overlay, mine, wan);
        Assert.Equal(1, exit);
        Assert.Contains("error MM0004: The prompt has 18 characters; wan-2-5 accepts at most 10.", output);
        Assert.DoesNotContain("mine.json", output);
    }

    [Fact]
    public void Broken_catalog_overlay_stops_validation_with_positioned_diagnostics()
    {
        string overlay = Write("broken.yaml", "overrides:\n  - id: wan-2-5\n    prompt_limit: 10\n");
        (int exit, _, string error) = Run("validate", "--catalog", overlay, Write("ok.json", Valid));
        Assert.Equal(1, exit);
        Assert.Contains($"{overlay}(3,5): error MM1002: Unknown key 'prompt_limit'", error);
    }

    [Fact]
    public void Catalog_check_of_the_shipped_catalog_is_clean()
    {
        (int exit, string output, string error) = Run("catalog", "check");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("36 models", error);
    }

    [Fact]
    public void Catalog_check_prints_file_line_column_and_id()
    {
        string file = Write("bad.yaml", "models:\n  - id: x\n    media: video\n    generation_types: { text-to-video: }\n    sound: maybe\n");
        (int exit, string output, _) = Run("catalog", "check", file);
        Assert.Equal(1, exit);
        Assert.Equal($"{file}(5,12): error MM1004: model 'x' 'sound' must be true or false, not 'maybe'.", output.Trim());
    }

    [Fact]
    public void Models_lists_every_model()
    {
        (int exit, string output, _) = Run("models");
        Assert.Equal(0, exit);
        string[] lines = output.Trim().Split('\n');
        Assert.Equal(37, lines.Length);
        Assert.StartsWith("ID ", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("kling-3-0-pro ") && l.Contains("3s–15s") && l.Contains("2,500"));
    }

    [Fact]
    public void Models_shows_one_model_in_full()
    {
        (int exit, string output, _) = Run("models", "seedance-1-5-pro");
        Assert.Equal(0, exit);
        Assert.Contains("image-to-video: exactly 2 images (start-frame + end-frame)", output);
        Assert.Contains("duration: 4s, 8s, 12s", output);
        Assert.Contains("reading, sound: The audio table lists seedance-1-5-pro", output);
    }

    [Fact]
    public void Models_with_an_unknown_id_suggests_the_nearest()
    {
        (int exit, _, string error) = Run("models", "sora2");
        Assert.Equal(1, exit);
        Assert.Contains("Did you mean 'sora-2'?", error);
    }

    [Fact]
    public void A_wrong_option_value_is_a_clear_error()
    {
        (int exit, _, string error) = Run("validate", "--format", "xml", Write("ok.json", Valid));
        Assert.Equal(2, exit);
        Assert.Contains("xml", error);
    }

    [Fact]
    public void Wildcards_are_expanded_when_the_shell_did_not()
    {
        Write("one.json", Valid);
        Write("two.json", WrongDuration);
        (int exit, string output, string error) = Run("validate", Path.Combine(_dir, "*.json"));
        Assert.Equal(1, exit);
        Assert.Contains("two.json(5,3)", output);
        Assert.Contains("2 file(s)", error);
    }
}
