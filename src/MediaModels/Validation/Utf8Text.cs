using System;
using System.Collections.Generic;

namespace MediaModels.Validation;

/// <summary>UTF-8 checks and byte offset → line/column mapping over one JSON text.</summary>
internal sealed class Utf8Text
{
    private readonly ReadOnlyMemory<byte> _text;
    private List<int>? _lineStarts;

    // The last position computed: offsets mostly arrive in text order, so a long single line is scanned once.
    private int _lastLine = -1;
    private int _lastOffset;
    private int _lastUnits;

    public Utf8Text(ReadOnlyMemory<byte> text) => _text = text;

    /// <summary>The index of the first byte that does not start a well-formed UTF-8 sequence, or -1.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> s)
    {
#if NET8_0_OR_GREATER
        if (System.Text.Unicode.Utf8.IsValid(s))
        {
            return -1;
        }
#endif
        int i = 0;
        while (i < s.Length)
        {
            byte b = s[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            // Unicode Table 3-7: well-formed UTF-8 byte sequences.
            int continuation;
            byte low = 0x80;
            byte high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                continuation = 1;
            }
            else if (b == 0xE0)
            {
                continuation = 2;
                low = 0xA0;
            }
            else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF)
            {
                continuation = 2;
            }
            else if (b == 0xED)
            {
                continuation = 2;
                high = 0x9F;
            }
            else if (b == 0xF0)
            {
                continuation = 3;
                low = 0x90;
            }
            else if (b >= 0xF1 && b <= 0xF3)
            {
                continuation = 3;
            }
            else if (b == 0xF4)
            {
                continuation = 3;
                high = 0x8F;
            }
            else
            {
                return i;
            }

            if (i + continuation >= s.Length || s[i + 1] < low || s[i + 1] > high)
            {
                return i;
            }

            for (int k = 2; k <= continuation; k++)
            {
                if ((s[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            i += continuation + 1;
        }

        return -1;
    }

    /// <summary>The line and column of the byte at <paramref name="offset"/> (clamped to the text).</summary>
    public JsonTextPosition PositionOf(long offset)
    {
        ReadOnlySpan<byte> text = _text.Span;
        int at = (int)Math.Max(0, Math.Min(offset, text.Length));
        List<int> starts = LineStarts();
        int line = starts.BinarySearch(at);
        if (line < 0)
        {
            line = ~line - 1;
        }

        int units = line == _lastLine && at >= _lastOffset
            ? _lastUnits + Utf16Length(text.Slice(_lastOffset, at - _lastOffset))
            : Utf16Length(text.Slice(starts[line], at - starts[line]));
        _lastLine = line;
        _lastOffset = at;
        _lastUnits = units;
        return new JsonTextPosition(line + 1, units + 1);
    }

    /// <summary>The byte offset of a 0-based line and 0-based byte position in it, as a JsonException gives them.</summary>
    public long OffsetOf(long line, long bytePositionInLine)
    {
        List<int> starts = LineStarts();
        int index = (int)Math.Max(0, Math.Min(line, starts.Count - 1));
        return starts[index] + Math.Max(0, bytePositionInLine);
    }

    private List<int> LineStarts()
    {
        if (_lineStarts is null)
        {
            ReadOnlySpan<byte> text = _text.Span;
            _lineStarts = new List<int> { 0 };
            int from = 0;
            int newline;
            while ((newline = text.Slice(from).IndexOf((byte)'\n')) >= 0)
            {
                from += newline + 1;
                _lineStarts.Add(from);
            }
        }

        return _lineStarts;
    }

    /// <summary>UTF-16 code units of well-formed (or truncated) UTF-8: one per lead byte, two for 4-byte sequences.</summary>
    private static int Utf16Length(ReadOnlySpan<byte> bytes)
    {
        int units = 0;
        foreach (byte b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                units += b >= 0xF0 ? 2 : 1;
            }
        }

        return units;
    }
}
