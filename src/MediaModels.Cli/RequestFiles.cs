using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Cli;

/// <summary>A request file read and checked locally: the request (when it is JSON) and every violation placed in the file.</summary>
internal sealed record RequestFile(string Path, GenerateMediaRequest? Request, IReadOnlyList<RequestDiagnostic> Diagnostics, string? ReadError)
{
    public bool Unreadable => Request is null;

    public bool HasErrors => Unreadable || Diagnostics.Any(d => d.Severity == Severity.Error);

    public IReadOnlyList<Violation> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning).Select(d => d.ToViolation()).ToArray();

    /// <summary>Reads and checks <paramref name="file"/> with the rule engine (never throws for a bad file).</summary>
    public static RequestFile Load(InputFile file, RequestValidator validator, CliContext context)
    {
        byte[] bytes;
        try
        {
            bytes = context.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new RequestFile(file.Path, null, new[] { CannotRead(exception) }, exception.Message);
        }

        RequestReadResult read = RequestJsonReader.Read(bytes);
        return new RequestFile(file.Path, read.Request, Place(read, validator.Validate(read)), read.Request is null ? "not a JSON object" : null);
    }

    /// <summary>The MM0007 of a file that cannot be read, at its start.</summary>
    public static RequestDiagnostic CannotRead(Exception exception) => RequestDiagnostic.From(
        new Violation(MediaRules.MalformedJson.Id, Severity.Error, WirePaths.Root, $"Cannot read the file: {exception.Message}"),
        new JsonTextPosition(1, 1));

    /// <summary>Each violation at its place in the file (the start of the file when the reader has none), in file order.</summary>
    public static RequestDiagnostic[] Place(RequestReadResult read, IReadOnlyList<Violation> violations) => violations
        .Select(v => RequestDiagnostic.From(v, read.TryGetPosition(v, out JsonTextPosition p) ? p : new JsonTextPosition(1, 1)))
        .OrderBy(d => d.Line)
        .ThenBy(d => d.Column)
        .ToArray();

    /// <summary>MSBuild style, as <c>validate</c> prints it: <c>file(line,col): error MM0201: message [$.path]</c>.</summary>
    public static string Line(string file, RequestDiagnostic d) =>
        $"{file}({d.Line ?? 1},{d.Column ?? 1}): {(d.Severity == Severity.Error ? "error" : "warning")} {d.Id}: {d.Message} [{d.Path}]";

    /// <summary>Every diagnostic as an MSBuild-style line.</summary>
    public IEnumerable<string> DiagnosticLines() => Diagnostics.Select(d => Line(Path, d));
}
