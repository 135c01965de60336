using System;
using System.IO;
using System.Linq;
using System.Text;
using MediaModels.Catalog.Reading;

namespace MediaModels.Catalog.Tests;

public class CatalogRobustnessTests
{
    /// <summary>Truncations and byte-level mutations of every shipped file: the reader reports, never throws.</summary>
    [Fact]
    public void Mutated_catalog_files_never_throw()
    {
        var random = new Random(20261124);
        string[] files = Directory.GetFiles(TestPaths.CatalogFolder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        const string alphabet = ":-[]{}#&*!|>'\"%@`\t\n ,?0123456789abcxyz\u00e9\ud83d";
        int reported = 0;
        for (int i = 0; i < 600; i++)
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

            CatalogReadResult result = CatalogReader.Read(new[] { ("mutated.yaml", builder.ToString()) });
            reported += result.Diagnostics.Count;
            Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1));
        }

        Assert.True(reported > 100, $"only {reported} diagnostics over 600 mutations: the mutations did not exercise the checks");
    }
}
