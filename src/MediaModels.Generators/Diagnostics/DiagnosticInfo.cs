using MediaModels.Catalog;
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
    /// Turns a 1-based catalog position into a span covering the token that starts there (a key, a value), using
    /// the file's text when known.
    /// </summary>
    public static LocationInfo From(SourceLocation location, string? text)
    {
        int line = System.Math.Max(0, location.Line - 1);
        int column = System.Math.Max(0, location.Column - 1);
        if (text is null)
        {
            return new LocationInfo(location.File, 0, 0, line, column, line, column);
        }

        int lineStart = 0;
        int currentLine = 0;
        int i = 0;
        while (currentLine < line && i < text.Length)
        {
            char c = text[i++];
            if (c == '\n' || (c == '\r' && (i >= text.Length || text[i] != '\n')))
            {
                currentLine++;
                lineStart = i;
            }
        }

        if (currentLine < line)
        {
            // Past the end (a position the reader clamped): point at the end of the file.
            return new LocationInfo(location.File, text.Length, 0, line, column, line, column);
        }

        int lineEnd = lineStart;
        while (lineEnd < text.Length && text[lineEnd] != '\n' && text[lineEnd] != '\r')
        {
            lineEnd++;
        }

        int start = System.Math.Min(lineStart + column, lineEnd);
        int end = start;
        while (end < lineEnd && !IsTokenEnd(text[end]))
        {
            end++;
        }

        return new LocationInfo(location.File, start, end - start, line, start - lineStart, line, end - lineStart);
    }

    private static bool IsTokenEnd(char c) => c is ' ' or '\t' or ',' or ':' or ']' or '}' or '#';
}

/// <summary>A diagnostic as data: the rule ID, the message and where.</summary>
/// <param name="Id">The shared rule ID (MM1xxx).</param>
/// <param name="Message">The message.</param>
/// <param name="Location">Where, or null for no location.</param>
internal sealed record DiagnosticInfo(string Id, string Message, LocationInfo? Location)
{
    /// <summary>The Roslyn diagnostic.</summary>
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(DiagnosticDescriptors.Get(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Message);
}
