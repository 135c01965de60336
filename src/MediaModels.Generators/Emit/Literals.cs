using System.Globalization;
using System.Text;

namespace MediaModels.Generators.Emit;

/// <summary>C# literals and XML doc text, culture-invariant.</summary>
internal static class Literals
{
    /// <summary>A C# string literal (<c>null</c> for null).</summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        if (IsPlain(value, forXml: false))
        {
            return "\"" + value + "\"";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Int(int? value) => value is int v ? Int(v) : "null";

    /// <summary>A double literal that round-trips (<c>10d</c>, <c>0.5d</c>), or <c>null</c>.</summary>
    public static string Double(double? value)
    {
        if (value is not double v)
        {
            return "null";
        }

        if (double.IsNaN(v))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(v))
        {
            return v > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        return v.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Text for an XML doc comment: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped, line breaks folded to spaces.</summary>
    public static string Xml(string text)
    {
        if (IsPlain(text, forXml: true))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r':
                case '\n':
                case '\u2028':
                case '\u2029':
                case '\u0085':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return ReplaceLoneSurrogates(builder);
    }

    private static string ReplaceLoneSurrogates(StringBuilder builder)
    {
        for (int i = 0; i < builder.Length; i++)
        {
            char c = builder[i];
            if (char.IsHighSurrogate(c) && i + 1 < builder.Length && char.IsLowSurrogate(builder[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                builder[i] = '\uFFFD';
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> needs no escaping (the common case: no allocation).</summary>
    private static bool IsPlain(string text, bool forXml)
    {
        foreach (char c in text)
        {
            if (c < ' ' || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029' || (c >= '\u007f' && c <= '\u009f'))
            {
                return false;
            }

            if (forXml ? c is '&' or '<' or '>' : c is '"' or '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A <c>&lt;c&gt;</c> element around escaped text.</summary>
    public static string Code(string text) => "<c>" + Xml(text) + "</c>";
}
