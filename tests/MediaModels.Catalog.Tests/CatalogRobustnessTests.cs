using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class CatalogRobustnessTests
{
    /// <summary>Truncations and byte-level mutations of every shipped file: the reader reports, never throws.</summary>
    [Fact]
    public void Mutated_catalog_files_never_throw()
    {
        int reported = 0;
        foreach (string text in Mutations(600))
        {
            CatalogReadResult result = CatalogReader.Read(new[] { ("mutated.yaml", text) });
            reported += result.Diagnostics.Count;
            Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1));
        }

        Assert.True(reported > 100, $"only {reported} diagnostics over 600 mutations: the mutations did not exercise the checks");
    }

    /// <summary>
    /// Entries parsed one by one while the YAML is read give exactly what a parse of the whole tree gives: the same
    /// drafts and the same diagnostics in the same order, for every shipped file and 600 broken ones.
    /// </summary>
    [Fact]
    public void Streamed_entries_parse_like_the_whole_tree()
    {
        string[] shipped = Directory.GetFiles(TestPaths.CatalogFolder, "*.yaml").Select(File.ReadAllText).ToArray();
        int withDiagnostics = 0;
        int withModels = 0;
        foreach (string text in shipped.Concat(Mutations(600)))
        {
            CatalogFile streamed = CatalogFileParser.Parse("f.yaml", text, streamEntries: true, CancellationToken.None);
            CatalogFile whole = CatalogFileParser.Parse("f.yaml", text, streamEntries: false, CancellationToken.None);
            Assert.Equal(whole.Diagnostics.ToArray(), streamed.Diagnostics.ToArray());
            Assert.Equal(whole, streamed);
            withDiagnostics += streamed.Diagnostics.IsEmpty ? 0 : 1;
            withModels += streamed.Models.IsEmpty && streamed.Overrides.IsEmpty ? 0 : 1;
        }

        Assert.True(withDiagnostics > 100 && withModels > 200, $"{withDiagnostics} files with diagnostics, {withModels} with models: the inputs did not exercise both paths");
    }

    [Fact]
    public void A_repeated_models_key_keeps_the_first_list_and_reports_the_second()
    {
        const string text = "models:\n  - id: first\n    media: image\n    generation_types:\n      text-to-image:\nmodels:\n  - id: second\n    media: image\n    generation_types:\n      text-to-image:\n";
        CatalogFile file = CatalogFileParser.Parse("f.yaml", text);
        Assert.Equal("first", Assert.Single(file.Models).Id);
        CatalogDiagnostic duplicate = Assert.Single(file.Diagnostics);
        Assert.Equal("MM1008", duplicate.Id);
        Assert.Equal((6, 1), (duplicate.Location.Line, duplicate.Location.Column));
    }

    [Fact]
    public void A_syntax_error_after_complete_entries_voids_the_file()
    {
        const string text = "models:\n  - id: first\n    media: image\n    generation_types:\n      text-to-image:\n  - id: second\n    media: [image\n";
        CatalogFile file = CatalogFileParser.Parse("f.yaml", text);
        Assert.Empty(file.Models);
        CatalogDiagnostic syntax = Assert.Single(file.Diagnostics);
        Assert.Equal("MM1001", syntax.Id);
    }

    [Fact]
    public void Diagnostics_keep_the_order_root_keys_defaults_models_overrides_whatever_the_file_order()
    {
        const string text = "overrides:\n  - id: o\n    sond: true\nmodels:\n  - id: m\n    media: picture\n    generation_types:\n      text-to-image:\ndefaults:\n  generation_type: nope\nextra: 1\n";
        CatalogFile file = CatalogFileParser.Parse("f.yaml", text);
        Assert.Equal(new[] { 11, 10, 6, 3 }, file.Diagnostics.Select(d => d.Location.Line).ToArray());
    }

    private static IEnumerable<string> Mutations(int count)
    {
        var random = new Random(20261124);
        string[] files = Directory.GetFiles(TestPaths.CatalogFolder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        const string alphabet = ":-[]{}#&*!|>'\"%@`\t\n ,?0123456789abcxyz\u00e9\ud83d";
        for (int i = 0; i < count; i++)
        {
            string text = File.ReadAllText(files[i % files.Length]);
            var builder = new StringBuilder(text);
            switch (i % 4)
            {
                case 0:
                    builder.Length = random.Next(builder.Length + 1);
                    break;
                case 1:
                    for (int k = 0; k < 1 + random.Next(5); k++)
                    {
                        builder[random.Next(builder.Length)] = alphabet[random.Next(alphabet.Length)];
                    }

                    break;
                case 2:
                    builder.Insert(random.Next(builder.Length), alphabet[random.Next(alphabet.Length)].ToString(), 1 + random.Next(40));
                    break;
                default:
                    int start = random.Next(builder.Length);
                    builder.Remove(start, Math.Min(builder.Length - start, 1 + random.Next(80)));
                    break;
            }

            yield return builder.ToString();
        }
    }
}
