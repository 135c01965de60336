using System;
using System.CommandLine;
using System.IO;
using MediaModels.Catalog.Reading;
using MediaModels.Cli.Docs;

namespace MediaModels.Cli.Commands;

/// <summary><c>docs --out DIR</c>: renders docs/models.md and docs/diagnostics/ from the catalog and the rule table.</summary>
internal static class DocsCommand
{
    public static Command Create(CatalogOptions catalog, CliContext context)
    {
        var outDir = new Option<string>("--out") { Description = "The docs folder to write (models.md, diagnostics/).", HelpName = "DIR", Required = true };
        var command = new Command("docs", "Render the model docs and one help page per diagnostic from the catalog.") { outDir };
        catalog.AddTo(command);
        command.SetAction(parse =>
        {
            Reporter reporter = context.Reporter(parse);
            CatalogReadResult read = catalog.Read(parse, context);
            foreach (var diagnostic in read.Diagnostics)
            {
                reporter.Problem(diagnostic.ToString());
            }

            if (read.HasErrors)
            {
                return CatalogOptions.ExitCodeOf(read);
            }

            string folder = parse.GetValue(outDir)!;
            try
            {
                var files = DocsRenderer.Render(read.Catalog);
                DocsRenderer.Write(files, folder);
                reporter.Status($"Wrote {files.Count} files to {folder}.");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                reporter.Problem($"error: cannot write to {folder}: {exception.Message}");
                return ExitCodes.Unreadable;
            }
        });
        return command;
    }
}
