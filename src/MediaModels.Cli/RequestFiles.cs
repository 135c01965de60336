using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Validation;

namespace MediaModels.Cli;

/// <summary>One violation placed in its file.</summary>
internal sealed record PlacedViolation(Violation Violation, int Line, int Column);

/// <summary>A request file read and checked locally: the request (when it is JSON) and every violation with its position.</summary>
internal sealed record RequestFile(string Path, GenerateMediaRequest? Request, IReadOnlyList<PlacedViolation> Diagnostics, string? ReadError)
{
    public bool Unreadable => Request is null;

    public bool HasErrors => Unreadable || Diagnostics.Any(d => d.Violation.Severity == Severity.Error);

    public IReadOnlyList<Violation> Warnings => Diagnostics.Where(d => d.Violation.Severity == Severity.Warning).Select(d => d.Violation).ToArray();

    /// <summary>Reads and checks <paramref name="path"/> with the rule engine (never throws for a bad file).</summary>
    public static RequestFile Load(string path, RequestValidator validator)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var violation = new Violation(MediaRules.MalformedJson.Id, Severity.Error, WirePaths.Root, $"Cannot read the file: {exception.Message}");
            return new RequestFile(path, null, new[] { new PlacedViolation(violation, 1, 1) }, exception.Message);
        }

        RequestReadResult read = RequestJsonReader.Read(bytes);
        PlacedViolation[] diagnostics = validator.Validate(read)
            .Select(v => read.TryGetPosition(v, out JsonTextPosition p) ? new PlacedViolation(v, p.Line, p.Column) : new PlacedViolation(v, 1, 1))
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToArray();
        return new RequestFile(path, read.Request, diagnostics, read.Request is null ? "not a JSON object" : null);
    }

    /// <summary>MSBuild-style lines, as <c>validate</c> prints them.</summary>
    public IEnumerable<string> DiagnosticLines() => Diagnostics.Select(d =>
        $"{Path}({d.Line},{d.Column}): {(d.Violation.Severity == Severity.Error ? "error" : "warning")} {d.Violation.Id}: {d.Violation.Message} [{d.Violation.Path}]");
}
