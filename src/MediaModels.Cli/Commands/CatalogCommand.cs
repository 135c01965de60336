using System.CommandLine;
using System.IO;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;

namespace MediaModels.Cli.Commands;

/// <summary><c>catalog check [PATH]...</c>: the MM1xxx diagnostics of the shipped catalog plus the given files.</summary>
internal static class CatalogCommand
{
    public static Command Create(CatalogOptions catalog, TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Catalog files or folders to check, merged after the shipped catalog in the order given.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Command("check", "Check catalog files: YAML syntax, keys, types, duplicates, contradictions. Prints file(line,col): error MM1xxx: message.")
        {
            paths,
        };
        catalog.AddTo(check);
        check.SetAction(parse =>
        {
            CatalogReadResult result = catalog.Read(parse, parse.GetValue(paths));
            foreach (CatalogDiagnostic diagnostic in result.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }

            error.WriteLine(result.HasErrors
                ? $"{result.Diagnostics.Count} problem(s); {result.Catalog.Models.Count} valid model(s)."
                : $"Catalog OK: {result.Catalog.Models.Count} models.");
            return result.HasErrors ? ExitCodes.Invalid : ExitCodes.Success;
        });

        return new Command("catalog", "Work with catalog files.") { check };
    }
}
