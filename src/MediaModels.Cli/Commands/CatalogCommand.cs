using System.CommandLine;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;
using MediaModels.Cli.Json;

namespace MediaModels.Cli.Commands;

/// <summary><c>catalog check [PATH]...</c>: the MM1xxx diagnostics of the shipped catalog plus the given files.</summary>
internal static class CatalogCommand
{
    public static Command Create(CatalogOptions catalog, CliContext context)
    {
        Argument<string[]> paths = FileArguments.Create("PATH", InputFiles.Catalogs, "Catalog files to check, merged after the shipped catalog in the order given.", ArgumentArity.ZeroOrMore);
        Option<OutputFormat> format = CliContext.FormatOption("""{"valid", "models", "diagnostics": [{"id", "severity", "file", "line", "column", "message"}…]}.""");
        var check = new Command("check", "Check catalog files: YAML syntax, keys, types, duplicates, contradictions. Prints file(line,col): error MM1xxx: message.")
        {
            paths, format,
        };
        catalog.AddTo(check);
        check.SetAction(parse =>
        {
            Reporter reporter = context.Reporter(parse);
            CatalogReadResult result = catalog.Read(parse, context, parse.GetValue(paths));
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(reporter.Output, json =>
                {
                    json.WriteStartObject();
                    json.WriteBoolean("valid", !result.HasErrors);
                    json.WriteNumber("models", result.Catalog.Models.Count);
                    json.WriteStartArray("diagnostics");
                    foreach (CatalogDiagnostic diagnostic in result.Diagnostics)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", diagnostic.Id);
                        json.WriteString("severity", "error");
                        json.WriteString("file", diagnostic.Location.File);
                        json.WriteNumber("line", diagnostic.Location.Line);
                        json.WriteNumber("column", diagnostic.Location.Column);
                        json.WriteString("message", diagnostic.Message);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            }
            else
            {
                foreach (CatalogDiagnostic diagnostic in result.Diagnostics)
                {
                    reporter.Output.WriteLine(diagnostic.ToString());
                }
            }

            reporter.Status(result.HasErrors
                ? $"{result.Diagnostics.Count} problem(s); {result.Catalog.Models.Count} valid model(s)."
                : $"Catalog OK: {result.Catalog.Models.Count} models.");
            return result.HasErrors ? CatalogOptions.ExitCodeOf(result) : ExitCodes.Success;
        });

        return new Command("catalog", "Work with catalog files.") { check };
    }
}
