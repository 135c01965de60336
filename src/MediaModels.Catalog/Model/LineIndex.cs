using System;
using System.Collections.Generic;

namespace MediaModels.Catalog;

/// <summary>
/// The lines of a text, indexed once: a 1-based line and column become an offset (and back) without scanning the text
/// from its start, and any position is clamped to a character the text has. Line breaks are those of YAML 1.1 (which
/// YamlDotNet follows) and of Roslyn's <c>SourceText</c> alike: <c>\r\n</c>, <c>\r</c>, <c>\n</c>, U+0085, U+2028 and
/// U+2029, so a position means the same character to the catalog reader, the compiler and the editor. Columns count
/// UTF-16 code units, as both do.
/// </summary>
public sealed class LineIndex
{
    private readonly string _text;

    // _starts[i] is the offset where line i + 1 starts; a text that ends with a line break has no line after it.
    private readonly int[] _starts;

    /// <summary>Indexes <paramref name="text"/> (one pass).</summary>
    public LineIndex(string text)
    {
        _text = text ?? string.Empty;
        var starts = new List<int> { 0 };
        for (int i = 0; i < _text.Length; i++)
        {
            char c = _text[i];
            if (c == '\r' && i + 1 < _text.Length && _text[i + 1] == '\n')
            {
                i++;
            }
            else if (!IsBreak(c))
            {
                continue;
            }

            if (i + 1 < _text.Length)
            {
                starts.Add(i + 1);
            }
        }

        _starts = starts.ToArray();
    }

    /// <summary>The number of lines holding at least one character (1 for an empty text).</summary>
    public int LineCount => _starts.Length;

    /// <summary>The text's length in UTF-16 code units.</summary>
    public int Length => _text.Length;

    /// <summary>True for the characters that end a line (a <c>\r\n</c> pair is one break).</summary>
    public static bool IsBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>The offset where the 1-based <paramref name="line"/> starts (clamped to the lines there are).</summary>
    public int LineStart(int line) => _starts[Math.Min(Math.Max(line, 1), _starts.Length) - 1];

    /// <summary>The offset just past the last character of <paramref name="line"/> before its line break.</summary>
    public int ContentEnd(int line)
    {
        line = Math.Min(Math.Max(line, 1), _starts.Length);
        int end = FullEnd(line);
        while (end > LineStart(line) && IsBreak(_text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// True when (<paramref name="line"/>, <paramref name="column"/>) names a character of the text (a line's break
    /// included), or is (1,1) of an empty text.
    /// </summary>
    public bool Contains(int line, int column)
    {
        if (line < 1 || column < 1 || line > _starts.Length)
        {
            return false;
        }

        return _text.Length == 0 ? column == 1 : column <= FullEnd(line) - LineStart(line);
    }

    /// <summary>
    /// The position itself when the text has it; otherwise the nearest one it has: a column past a line's end goes to
    /// the line's last character (its break, when it has one), and a line past the end of the text (an error found at
    /// the end of input) goes to the text's last character that is not a line break (its first, when it holds nothing
    /// else).
    /// </summary>
    public SourceLocation Clamp(SourceLocation location)
    {
        if (Contains(location.Line, location.Column))
        {
            return location;
        }

        if (_text.Length == 0)
        {
            return new SourceLocation(location.File, 1, 1);
        }

        int offset;
        if (location.Line > _starts.Length)
        {
            offset = _text.Length - 1;
            while (offset > 0 && IsBreak(_text[offset]))
            {
                offset--;
            }
        }
        else
        {
            int line = Math.Max(location.Line, 1);
            int start = LineStart(line);
            offset = start + Math.Min(Math.Max(location.Column, 1), FullEnd(line) - start) - 1;
        }

        (int l, int c) = PositionOf(offset);
        return new SourceLocation(location.File, l, c);
    }

    /// <summary>The offset of a position, after <see cref="Clamp"/>.</summary>
    public int OffsetOf(SourceLocation location)
    {
        SourceLocation clamped = Clamp(location);
        return LineStart(clamped.Line) + clamped.Column - 1;
    }

    /// <summary>The 1-based line and column of <paramref name="offset"/> (clamped to the text).</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, Math.Max(0, _text.Length - 1)));
        int index = Array.BinarySearch(_starts, offset);
        int line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _starts[line] + 1);
    }

    /// <summary>The offset just past <paramref name="line"/>'s break (or the end of the text for the last line).</summary>
    private int FullEnd(int line) => line < _starts.Length ? _starts[line] : _text.Length;
}
