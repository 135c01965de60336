using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Cli.Docs;

namespace MediaModels.Cli.Tests;

/// <summary>The terminal and docs/models.md render the one fact sheet: every fact with its value and its own notes, and no other model's.</summary>
public class ModelFactsRenderingTests
{
    private static readonly ModelCatalog Catalog = ShippedCatalog.Instance;

    private static readonly Lazy<string> ModelsPageText = new(() => ModelsPage.Render(Catalog));

    public static IEnumerable<object[]> ModelIds() => Catalog.Ids.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void The_docs_section_of_a_model_lists_each_fact_with_exactly_its_own_notes(string id)
    {
        ModelFactSheet sheet = ModelFactSheet.Of(Catalog.Find(id)!, Catalog.Defaults);
        string[] section = Section(ModelsPageText.Value, id);

        foreach (ModelFact fact in sheet.Facts.Where(f => f.Subject != FactSubject.Notes))
        {
            string label = fact.LabelIsWireName ? $"`{fact.Label}`" : char.ToUpperInvariant(fact.Label[0]) + fact.Label.Substring(1);
            Assert.Contains($"- {label}: {fact.Value}", section);
        }

        string[] notes = section.Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l.Substring(4)).ToArray();
        // A fact's sub-items are its own notes; the certainty fact's are the readings it lists.
        IEnumerable<string> expected = sheet.Facts.SelectMany(f => f.Notes.Concat(f.Subject == FactSubject.Certainty ? f.Terms.Select(ModelsPage.Reading) : Enumerable.Empty<string>()));
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), notes.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void The_duration_table_gives_a_row_only_the_notes_of_every_model_in_it()
    {
        IReadOnlyList<string[]> rows = MarkdownTable.Read(ModelsPageText.Value, ModelsPage.DurationHeading);
        foreach (string[] row in rows.Skip(1))
        {
            foreach (string id in row[0].Split(", ").Select(s => s.Trim('`')))
            {
                ModelFact duration = ModelFactSheet.Of(Catalog.Find(id)!).Find(FactSubject.Duration)!;
                Assert.Equal(duration.Value, row[1]);
                Assert.Equal(string.Join(" ", duration.Notes), row[2]);
            }
        }

        Assert.DoesNotContain(rows, r => r[0].Contains("`wan-2-5`", StringComparison.Ordinal) && r[2].Length > 0);
        Assert.DoesNotContain(rows, r => r[0].Contains("`v1-pro-fast-i2v`", StringComparison.Ordinal) && r[2].Length > 0);
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void The_terminal_shows_each_fact_with_exactly_its_own_notes(string id)
    {
        var output = new StringWriter();
        Assert.Equal(0, CliApp.Run(new[] { "models", id }, output, new StringWriter()));
        string[] lines = output.ToString().Replace("\r\n", "\n").Split('\n');
        ModelFactSheet sheet = ModelFactSheet.Of(Catalog.Find(id)!, Catalog.Defaults);

        foreach (ModelFact fact in sheet.Facts.Where(f => f.Subject != FactSubject.Notes))
        {
            Assert.Contains(lines, l => l.Trim() == $"{fact.Label}: {fact.Value}");
        }

        string[] notes = lines.Where(l => l.TrimStart().StartsWith("note: ", StringComparison.Ordinal)).Select(l => l.TrimStart().Substring(6)).ToArray();
        Assert.Equal(sheet.Facts.SelectMany(f => f.Notes).OrderBy(n => n, StringComparer.Ordinal), notes.OrderBy(n => n, StringComparer.Ordinal));
    }

    /// <summary>The lines of one model's section in models.md, from its heading to the next.</summary>
    private static string[] Section(string markdown, string id)
    {
        string[] lines = markdown.Split('\n');
        int start = Array.IndexOf(lines, $"### `{id}`");
        Assert.True(start >= 0, $"models.md has no section for {id}");
        int end = Array.FindIndex(lines, start + 1, l => l.StartsWith("### ", StringComparison.Ordinal) || l.StartsWith("## ", StringComparison.Ordinal));
        return lines[(start + 1)..(end < 0 ? lines.Length : end)];
    }
}
