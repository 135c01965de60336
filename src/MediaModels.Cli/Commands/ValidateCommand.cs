using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
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
                : reports.Any(r => r.Diagnostics.Any(d => d.Violation.Severity == Severity.Error)) ? ExitCodes.Invalid
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
            var violation = new Violation(MediaRules.MalformedJson.Id, Severity.Error, WirePaths.Root, $"Cannot read the file: {exception.Message}");
            return new FileReport(file, true, new[] { new Diagnostic(violation, 1, 1) });
        }

        return CheckBytes(file, bytes, validator);
    }

    /// <summary>Checks one request's bytes; shared with the docs, whose examples show exactly what this command prints.</summary>
    internal static FileReport CheckBytes(string file, byte[] bytes, RequestValidator validator)
    {
        RequestReadResult read = RequestJsonReader.Read(bytes);
        IReadOnlyList<Violation> violations = validator.Validate(read);
        var diagnostics = violations
            .Select(v => read.TryGetPosition(v, out JsonTextPosition p) ? new Diagnostic(v, p.Line, p.Column) : new Diagnostic(v, 1, 1))
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToArray();
        return new FileReport(file, read.Request is null, diagnostics);
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

        int errors = reports.Sum(r => r.Diagnostics.Count(d => d.Violation.Severity == Severity.Error));
        int warnings = reports.Sum(r => r.Diagnostics.Count(d => d.Violation.Severity == Severity.Warning));
        int valid = reports.Count(r => r.Valid);
        error.WriteLine($"{reports.Count} file(s): {valid} valid, {reports.Count - valid} invalid; {errors} error(s), {warnings} warning(s).");
    }

    private static void WriteJson(List<FileReport> reports, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (FileReport report in reports)
            {
                json.WriteStartObject();
                json.WriteString("file", report.File);
                json.WriteBoolean("valid", report.Valid);
                json.WriteStartArray("diagnostics");
                foreach (Diagnostic d in report.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("id", d.Violation.Id);
                    json.WriteString("severity", d.Violation.Severity == Severity.Error ? "error" : "warning");
                    json.WriteString("path", d.Violation.Path);
                    json.WriteString("message", d.Violation.Message);
                    json.WriteNumber("line", d.Line);
                    json.WriteNumber("column", d.Column);
                    if (d.Violation.Suggestion is string suggestion)
                    {
                        json.WriteString("suggestion", suggestion);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

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

    internal sealed record Diagnostic(Violation Violation, int Line, int Column);

    internal sealed record FileReport(string File, bool Unreadable, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Valid => !Unreadable && Diagnostics.All(d => d.Violation.Severity != Severity.Error);

        /// <summary>MSBuild style: <c>file(line,col): error MM0201: message [$.path]</c>.</summary>
        public IEnumerable<string> Lines() => Diagnostics.Select(d =>
            $"{File}({d.Line},{d.Column}): {(d.Violation.Severity == Severity.Error ? "error" : "warning")} {d.Violation.Id}: {d.Violation.Message} [{d.Violation.Path}]");
    }
}
