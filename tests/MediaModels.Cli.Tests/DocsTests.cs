using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Cli.Docs;

namespace MediaModels.Cli.Tests;

public class DocsTests
{
    private const string Regenerate = "dotnet run --project src/MediaModels.Cli -- docs --out docs";

    private static readonly ModelCatalog Catalog = ShippedCatalog.Instance;

    private static string DocsFolder => Path.Combine(RepositoryRoot(), "docs");

    [Fact]
    public void Committed_docs_are_fresh()
    {
        IReadOnlyDictionary<string, string> rendered = DocsRenderer.Render(Catalog);
        var stale = new List<string>();
        foreach (KeyValuePair<string, string> file in rendered)
        {
            string path = Path.Combine(DocsFolder, file.Key);
            if (!File.Exists(path) || File.ReadAllText(path).Replace("\r\n", "\n") != file.Value)
            {
                stale.Add(file.Key);
            }
        }

        string[] extra = Directory.GetFiles(Path.Combine(DocsFolder, "diagnostics"))
            .Select(f => "diagnostics/" + Path.GetFileName(f))
            .Where(f => !rendered.ContainsKey(f))
            .ToArray();
        Assert.True(stale.Count == 0 && extra.Length == 0,
            $"docs/ differs from the catalog (stale: {string.Join(", ", stale)}; not generated: {string.Join(", ", extra)}). Regenerate with: {Regenerate}");
    }

    [Fact]
    public void Every_rule_has_a_page_whose_example_triggers_it()
    {
        foreach (RuleDescriptor rule in MediaRules.All)
        {
            RuleExample example = Assert.Single(RuleExamples.All, e => e.Id == rule.Id);
            IReadOnlyList<string> output = DiagnosticsPages.Output(example);
            Assert.True(output.Count > 0 && output.All(l => l.Contains($" {rule.Id}: ")), $"{rule.Id}'s example reports: {string.Join(" | ", output)}");
        }

        Assert.Equal(MediaRules.All.Count, RuleExamples.All.Count);
    }

    [Fact]
    public void Matrix_read_back_matches_the_catalog()
    {
        string markdown = File.ReadAllText(Path.Combine(DocsFolder, "models.md"));
        IReadOnlyList<string[]> rows = MarkdownTable.Read(markdown, ModelsPage.MatrixHeading);
        Assert.Equal("Model", rows[0][0]);
        Assert.Equal(Catalog.Models.Count, rows.Count - 1);
        foreach (string[] row in rows.Skip(1))
        {
            ModelSpec model = Catalog.Find(row[0].Trim('`'))!;
            Assert.NotNull(model);
            Assert.Equal(model.Media == MediaKind.Image ? "image" : "video", row[1]);
            string[] types = { GenerationTypes.TextToImage, GenerationTypes.TextToVideo, GenerationTypes.ImageToVideo, GenerationTypes.ImageToImage };
            for (int i = 0; i < types.Length; i++)
            {
                Assert.Equal(model.FindGenerationType(types[i]) is not null, row[2 + i].StartsWith("✓"));
            }

            Assert.Equal(model.Duration.Kind == DurationKind.Unsupported ? "—" : model.Duration.Describe(), row[6]);
            Assert.Equal(model.Sound ? "✓" : "—", row[7]);
            Assert.Equal(model.NegativePrompt ? "✓" : "—", row[8]);
            Assert.Equal(model.PromptMaxLength is int limit ? limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "—", row[10]);
        }
    }

    [Fact]
    public void Spec_tables_read_back_match_the_catalog()
    {
        string markdown = File.ReadAllText(Path.Combine(DocsFolder, "models.md"));

        var prompt = MarkdownTable.Read(markdown, ModelsPage.PromptHeading).Skip(1)
            .SelectMany(r => Ids(r[0]).Select(id => (id, limit: int.Parse(r[1].Replace(",", string.Empty)))))
            .ToDictionary(p => p.id, p => p.limit);
        Assert.Equal(Catalog.Models.Where(m => m.PromptMaxLength is not null).ToDictionary(m => m.Id, m => m.PromptMaxLength!.Value), prompt);

        var durations = MarkdownTable.Read(markdown, ModelsPage.DurationHeading).Skip(1)
            .SelectMany(r => Ids(r[0]).Select(id => (id, text: r[1]))).ToDictionary(p => p.id, p => p.text);
        Assert.Equal(Catalog.Models.Where(m => m.Duration.Kind != DurationKind.Unsupported).ToDictionary(m => m.Id, m => m.Duration.Describe()), durations);

        Assert.Equal(Catalog.Models.Where(m => m.Sound).Select(m => m.Id), MarkdownTable.Read(markdown, ModelsPage.SoundHeading).Skip(1).Select(r => r[0].Trim('`')));
        Assert.Equal(Catalog.Models.Where(m => m.NegativePrompt).Select(m => m.Id), MarkdownTable.Read(markdown, ModelsPage.NegativePromptHeading).Skip(1).Select(r => r[0].Trim('`')));
        Assert.Equal(Catalog.Models.Where(m => m.Elements is not null).Select(m => m.Id), MarkdownTable.Read(markdown, ModelsPage.ElementsHeading).Skip(1).Select(r => r[0].Trim('`')));

        var inputs = MarkdownTable.Read(markdown, ModelsPage.InputHeading).Skip(1).Select(r => (r[0].Trim('`'), r[1])).ToHashSet();
        var expected = Catalog.Models.SelectMany(m => m.GenerationTypes.Where(t => !t.TakesNoMedia).Select(t => (m.Id, t.Type))).ToHashSet();
        Assert.Equal(expected, inputs);

        var seedance = MarkdownTable.Read(markdown, ModelsPage.ModesHeading).Skip(1).Where(r => r[0] == "`seedance-1-5-pro`").ToArray();
        Assert.Equal(new[] { "text-to-video: 0–1 images", "image-to-video: exactly 2 images (start-frame + end-frame)" }, seedance.Select(r => $"{r[1]}: {r[2]}"));
    }

    [Fact]
    public void Docs_command_writes_the_files()
    {
        string folder = Directory.CreateTempSubdirectory("mediamodels-docs-").FullName;
        try
        {
            var output = new StringWriter();
            int exit = CliApp.Run(new[] { "docs", "--out", folder }, output, new StringWriter());
            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(folder, "models.md")));
            Assert.Equal(MediaRules.All.Count + 1, Directory.GetFiles(Path.Combine(folder, "diagnostics")).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> Ids(string cell) => cell.Split(", ").Select(s => s.Trim('`'));

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaModels.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory!;
    }
}
