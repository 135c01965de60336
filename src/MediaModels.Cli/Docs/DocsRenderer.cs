using System.Collections.Generic;
using System.IO;
using MediaModels.Catalog;

namespace MediaModels.Cli.Docs;

/// <summary>Every generated docs file, by path relative to the docs folder.</summary>
internal static class DocsRenderer
{
    public static IReadOnlyDictionary<string, string> Render(ModelCatalog catalog)
    {
        var files = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["models.md"] = ModelsPage.Render(catalog),
        };
        foreach (KeyValuePair<string, string> page in DiagnosticsPages.Render())
        {
            files["diagnostics/" + page.Key] = page.Value;
        }

        return files;
    }

    public static void Write(IReadOnlyDictionary<string, string> files, string folder)
    {
        foreach (KeyValuePair<string, string> file in files)
        {
            string path = Path.Combine(folder, file.Key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Value);
        }
    }
}
