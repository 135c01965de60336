using System;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Cli.Docs;

namespace MediaModels.Cli.Tests;

/// <summary>Certainty and unknown ids on the command line and in the generated docs.</summary>
public sealed class CertaintyCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mediamodels-certainty-").FullName;

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

    [Fact]
    public void Validate_a_typo_is_an_error_and_a_far_id_a_warning()
    {
        string typo = Write("typo.json", """{"prompt": "x", "model": "sora2", "generation_type": "text-to-video"}""");
        string far = Write("far.json", """{"prompt": "x", "model": "nano-banana-pro-4k", "duration": "99s"}""");
        (int typoExit, string typoOutput, _) = Run("validate", typo);
        Assert.Equal(1, typoExit);
        Assert.Contains("error MM0001: Unknown model 'sora2'. Did you mean 'sora-2'?", typoOutput);

        (int farExit, string farOutput, _) = Run("validate", far);
        Assert.Equal(0, farExit);
        Assert.Equal("warning MM0008", string.Join(" ", farOutput.Trim().Split(' ').Skip(1).Take(2)).TrimEnd(':'));
        Assert.Single(farOutput.Trim().Split('\n'));
    }

    [Fact]
    public void Validate_a_reading_is_a_warning_with_its_note()
    {
        string file = Write("veo.json", """{"prompt": "x", "model": "veo3-1", "generation_type": "image-to-video", "source_media_urls": ["https://example.com/a.png"]}""");
        (int exit, string output, _) = Run("validate", "--format", "json", file);
        Assert.Equal(0, exit);
        Assert.Contains("\"id\": \"MM0301\"", output);
        Assert.Contains("\"severity\": \"warning\"", output);
        Assert.Contains("This is the catalog's reading of the spec, not a stated limit", output);
    }

    [Fact]
    public void Models_id_shows_certainty_hedges_and_the_sound_default()
    {
        (int exit, string output, _) = Run("models", "kling-3-0-motion-control-720p");
        Assert.Equal(0, exit);
        Assert.Contains("exactly 1 video (reference-video, MP4/WebM, typically up to 100 MB, up to 30 s)", output);
        Assert.Contains("sound false", output);
        Assert.Contains("certainty: stated by the spec, except these readings of it", output);
        Assert.Contains("reading, generation types: The spec gives motion control no generation type", output);

        (_, string stated, _) = Run("models", "wan-2-5");
        Assert.Contains("certainty: every fact above is stated by the spec", stated);
        Assert.Contains("counted as Unicode code points: the catalog's choice, the spec does not say", stated);

        (_, string sora, _) = Run("models", "sora-2-pro");
        Assert.Contains("image-to-video: exactly 1 image (a reading; the spec states at least 1)", sora);
    }

    [Fact]
    public void Models_id_for_an_unknown_id_gives_the_rule_engines_verdict()
    {
        (int exit, _, string error) = Run("models", "veo3-1-pro");
        Assert.Equal(1, exit);
        Assert.StartsWith("warning MM0008: The catalog does not know model 'veo3-1-pro'", error);
    }

    [Fact]
    public void The_models_page_shows_certainty_and_keeps_the_specs_hedges()
    {
        string markdown = ModelsPage.Render(ShippedCatalog.Instance);
        Assert.Contains(ModelsPage.CertaintyLegend, markdown);
        Assert.Contains("`sound` false", markdown);
        Assert.Contains("typically up to 100 MB", markdown);
        Assert.DoesNotContain("≤ 100 MB", markdown);
        Assert.Contains("Images: most models accept JPEG, PNG, WebP, typically up to 10 MB per file.", markdown);
        Assert.Contains("Characters are counted as Unicode code points: the catalog's choice, the spec does not say how it counts", markdown);

        // Every model with a reading lists each one in its section, and the matrix names them.
        foreach (ModelSpec model in ShippedCatalog.Instance.Models)
        {
            string section = markdown.Substring(markdown.IndexOf($"### `{model.Id}`\n", StringComparison.Ordinal) + 1);
            int next = section.IndexOf("\n### ", StringComparison.Ordinal);
            section = next < 0 ? section : section.Substring(0, next);
            var readings = ModelReadings.Of(model);
            if (readings.Count == 0)
            {
                Assert.Contains("- Certainty: every fact above is stated by the spec", section);
                Assert.Equal("—", ModelsPage.ReadingsCell(model));
            }
            else
            {
                Assert.All(readings, r => Assert.Contains($"  - **{r.Subject}**: {r.Note}", section));
                Assert.Equal(string.Join("; ", readings.Select(r => r.Subject)), ModelsPage.ReadingsCell(model));
            }
        }

        // The prompt table says which limits are read.
        var prompt = MarkdownTable.Read(markdown, ModelsPage.PromptHeading).Skip(1).ToArray();
        Assert.All(prompt, row => Assert.Equal(row[0].Contains("grok", StringComparison.Ordinal), row[2].StartsWith("Reading: ", StringComparison.Ordinal)));
    }
}
