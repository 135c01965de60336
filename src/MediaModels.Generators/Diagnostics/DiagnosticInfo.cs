using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Diagnostics;

/// <summary>
/// A position in a file as plain data (a Roslyn <see cref="Location"/> is not kept in the pipeline: it is not
/// value-equatable and would pin syntax trees).
/// </summary>
/// <param name="Path">The file path.</param>
/// <param name="Start">Character offset of the start.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="StartLine">0-based line of the start.</param>
/// <param name="StartColumn">0-based column of the start.</param>
/// <param name="EndLine">0-based line of the end.</param>
/// <param name="EndColumn">0-based column of the end.</param>
internal sealed record LocationInfo(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A Roslyn location in a non-C# file: <c>dotnet build</c> prints <c>path(line,col)</c> 1-based.</summary>
    public Location ToLocation() =>
        Location.Create(Path, new TextSpan(Start, Length), new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    /// <summary>
    /// Turns a 1-based catalog position into a span covering the token that starts there (a key, a value), using the
    /// file's line index when the text is known: the position is clamped to a character the file has, and finding it
    /// costs a lookup, not a scan from the start of the file.
    /// </summary>
    public static LocationInfo From(SourceLocation location, LineIndex? lines, string? text)
    {
        if (lines is null || text is null)
        {
            int line = System.Math.Max(0, location.Line - 1);
            int column = System.Math.Max(0, location.Column - 1);
            return new LocationInfo(location.File, 0, 0, line, column, line, column);
        }

        SourceLocation clamped = lines.Clamp(location);
        int lineStart = lines.LineStart(clamped.Line);
        int lineEnd = lines.ContentEnd(clamped.Line);
        int start = lines.OffsetOf(clamped);
        int end = start;
        while (end < lineEnd && !IsTokenEnd(text[end]))
        {
            end++;
        }

        return new LocationInfo(location.File, start, end - start, clamped.Line - 1, start - lineStart, clamped.Line - 1, end - lineStart);
    }

    private static bool IsTokenEnd(char c) => c is ' ' or '\t' or ',' or ':' or ']' or '}' or '#';
}

/// <summary>A diagnostic as data: the rule ID, the message and where.</summary>
/// <param name="Id">The shared rule ID (MM1xxx).</param>
/// <param name="Message">The message.</param>
/// <param name="Location">Where, or null for no location.</param>
/// <param name="AdditionalLocations">The other places it involves (the first declaration of a duplicate id…).</param>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location, EquatableArray<LocationInfo> AdditionalLocations = default)
{
    /// <summary>The Roslyn diagnostic.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            DiagnosticDescriptors.Get(Id),
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            AdditionalLocations.IsEmpty ? null : AdditionalLocations.Select(l => l.ToLocation()),
            Message);

    /// <summary>A catalog diagnostic with its positions turned into spans (<paramref name="lines"/> finds each file's index).</summary>
    public static DiagnosticInfo From(CatalogDiagnostic diagnostic, System.Func<string, (LineIndex? Lines, string? Text)> lines)
    {
        LocationInfo Span(SourceLocation location)
        {
            (LineIndex? index, string? text) = lines(location.File);
            return LocationInfo.From(location, index, text);
        }

        return new DiagnosticInfo(
            diagnostic.Id,
            diagnostic.Message,
            Span(diagnostic.Location),
            diagnostic.AdditionalLocations.IsEmpty ? default : diagnostic.AdditionalLocations.Select(Span).ToEquatableArray());
    }
}
