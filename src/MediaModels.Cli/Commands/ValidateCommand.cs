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
    public static Command Create(CatalogOptions catalog, TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "generate_media argument objects as JSON files; '-' reads standard input; * and ? are expanded.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "text: one MSBuild-style line per diagnostic; json: one object per file.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", "Check generate_media requests (JSON files) against the model catalog.") { files, format };
        catalog.AddTo(command);
        command.SetAction(parse =>
        {
            CatalogReadResult read = catalog.Read(parse);
            foreach (var diagnostic in read.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            if (read.HasErrors)
            {
                error.WriteLine("The catalog has errors; fix them before validating requests (mediamodels catalog check).");
                return ExitCodes.Invalid;
            }

            var validator = new RequestValidator(read.Catalog);
            var reports = Expand(parse.GetValue(files)!).Select(file => Check(file, validator)).ToList();
            if (parse.GetValue(format) == "json")
            {
                WriteJson(reports, output);
            }
            else
            {
                WriteText(reports, output, error);
            }

            return reports.Any(r => r.Unreadable) ? ExitCodes.Unreadable
                : reports.Any(r => r.Diagnostics.Any(d => d.Severity == Severity.Error)) ? ExitCodes.Invalid
                : ExitCodes.Success;
        });
        return command;
    }

    private static FileReport Check(string file, RequestValidator validator)
    {
        byte[] bytes;
        try
        {
            bytes = file == "-" ? ReadStandardInput() : File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileReport(file, true, new[] { RequestFile.CannotRead(exception) });
        }

        return CheckBytes(file, bytes, validator);
    }

    /// <summary>Checks one request's bytes; shared with the docs, whose examples show exactly what this command prints.</summary>
    internal static FileReport CheckBytes(string file, byte[] bytes, RequestValidator validator)
    {
        RequestReadResult read = RequestJsonReader.Read(bytes);
        return new FileReport(file, read.Request is null, RequestFile.Place(read, validator.Validate(read)));
    }

    private static byte[] ReadStandardInput()
    {
        using Stream input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteText(List<FileReport> reports, TextWriter output, TextWriter error)
    {
        foreach (FileReport report in reports)
        {
            foreach (string line in report.Lines())
            {
                output.WriteLine(line);
            }
        }

        int errors = reports.Sum(r => r.Diagnostics.Count(d => d.Severity == Severity.Error));
        int warnings = reports.Sum(r => r.Diagnostics.Count(d => d.Severity == Severity.Warning));
        int valid = reports.Count(r => r.Valid);
        error.WriteLine($"{reports.Count} file(s): {valid} valid, {reports.Count - valid} invalid; {errors} error(s), {warnings} warning(s).");
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

    /// <summary>Expands * and ? in the file part of an argument (shells on Windows leave them to the program).</summary>
    private static IEnumerable<string> Expand(IEnumerable<string> arguments)
    {
        foreach (string argument in arguments)
        {
            string name = Path.GetFileName(argument);
            if (argument != "-" && !File.Exists(argument) && name.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                string directory = Path.GetDirectoryName(argument) is { Length: > 0 } d ? d : ".";
                string[] matches = Directory.Exists(directory)
                    ? Directory.GetFiles(directory, name).OrderBy(f => f, StringComparer.Ordinal).ToArray()
                    : Array.Empty<string>();
                if (matches.Length > 0)
                {
                    foreach (string match in matches)
                    {
                        yield return match;
                    }

                    continue;
                }
            }

            yield return argument;
        }
    }

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
