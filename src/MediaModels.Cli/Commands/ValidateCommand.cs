using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Cli.Json;
using MediaModels.Validation;

namespace MediaModels.Cli.Commands;

/// <summary><c>validate FILE...</c>: checks generate_media argument files against the catalog.</summary>
internal static class ValidateCommand
{
    public static Command Create(CatalogOptions catalog, CliContext context)
    {
        Argument<string[]> files = FileArguments.Create("FILE", InputFiles.Requests, "generate_media argument objects (JSON).", ArgumentArity.OneOrMore);
        Option<OutputFormat> format = CliContext.FormatOption("""[{"file", "valid", "diagnostics": [diagnostic…]}], one object per file. Text: one MSBuild-style line per diagnostic.""");

        var command = new Command("validate", "Check generate_media requests (JSON files) against the model catalog; prints file(line,col): error MMxxxx: message [$.path].") { files, format };
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
                reporter.Problem("The catalog has errors; fix them before validating requests (mediamodels catalog check).");
                return CatalogOptions.ExitCodeOf(read);
            }

            var validator = new RequestValidator(read.Catalog);
            var reports = InputFiles.Requests.Expand(parse.GetValue(files)!)
                .Select(file => RequestFile.Load(file, validator, context))
                .Select(file => new FileReport(file.Path, file.Unreadable, file.Diagnostics))
                .ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                WriteJson(reports, reporter.Output);
            }
            else
            {
                WriteText(reports, reporter);
            }

            return reports.Any(r => r.Unreadable) ? ExitCodes.Unreadable
                : reports.Any(r => r.Diagnostics.Any(d => d.Severity == Severity.Error)) ? ExitCodes.Invalid
                : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Checks one request's bytes; shared with the docs, whose examples show exactly what this command prints.</summary>
    internal static FileReport CheckBytes(string file, byte[] bytes, RequestValidator validator)
    {
        RequestReadResult read = RequestJsonReader.Read(bytes);
        return new FileReport(file, read.Request is null, RequestFile.Place(read, validator.Validate(read)));
    }

    private static void WriteText(List<FileReport> reports, Reporter reporter)
    {
        foreach (FileReport report in reports)
        {
            reporter.Detail($"{report.File}: {(report.Valid ? "valid" : "invalid")}");
            foreach (string line in report.Lines())
            {
                reporter.Output.WriteLine(line);
            }
        }

        int errors = reports.Sum(r => r.Diagnostics.Count(d => d.Severity == Severity.Error));
        int warnings = reports.Sum(r => r.Diagnostics.Count(d => d.Severity == Severity.Warning));
        int valid = reports.Count(r => r.Valid);
        reporter.Status($"{reports.Count} file(s): {valid} valid, {reports.Count - valid} invalid; {errors} error(s), {warnings} warning(s).");
    }

    private static void WriteJson(List<FileReport> reports, TextWriter output) => CliJson.Write(output, json =>
    {
        json.WriteStartArray();
        foreach (FileReport report in reports)
        {
            report.WriteTo(json);
        }

        json.WriteEndArray();
    });

    /// <summary>
    /// One checked file. In <c>--format json</c> it is <c>{"file", "valid", "diagnostics": [RequestDiagnostic…]}</c>: it
    /// wraps the diagnostics with the file rather than adding the file to each, so they keep the one shape.
    /// </summary>
    /// <param name="File">The file as named on the command line.</param>
    /// <param name="Unreadable">True when the file cannot be read or is not a JSON object.</param>
    /// <param name="Diagnostics">Every diagnostic, with its line and column in the file.</param>
    internal sealed record FileReport(string File, bool Unreadable, IReadOnlyList<RequestDiagnostic> Diagnostics)
    {
        /// <summary>True when the file is JSON and has no error (warnings allowed).</summary>
        public bool Valid => !Unreadable && Diagnostics.All(d => d.Severity != Severity.Error);

        /// <summary>MSBuild style: <c>file(line,col): error MM0201: message [$.path]</c>.</summary>
        public IEnumerable<string> Lines() => Diagnostics.Select(d => RequestFile.Line(File, d));

        public void WriteTo(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("file", File);
            json.WriteBoolean("valid", Valid);
            CliJson.WriteDiagnostics(json, "diagnostics", Diagnostics);
            json.WriteEndObject();
        }
    }
}
