using System.Globalization;
using System.Numerics;
using System.Text;

namespace MediaModels.Json;

/// <summary>The text of a JSON number (RFC 8259 §6): checking it, and comparing two by value without rounding.</summary>
internal static class JsonNumberText
{
    /// <summary>True for <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>.</summary>
    public static bool IsValid(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i < text.Length && text[i] == '0')
        {
            i++;
        }
        else if (!Digits(text, ref i))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (!Digits(text, ref i))
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>
    /// The number's value in one canonical form, <c>[-]D e N</c> with no leading or trailing zeros in the digits D (so
    /// <c>42.50</c>, <c>4.25e1</c> and <c>425e-1</c> give the same text), or <c>0</c>. <paramref name="text"/> must be valid.
    /// </summary>
    public static string Normalize(string text)
    {
        bool negative = text[0] == '-';
        var digits = new StringBuilder(text.Length);
        int fractionDigits = 0;
        bool inFraction = false;
        int i = negative ? 1 : 0;
        for (; i < text.Length && text[i] != 'e' && text[i] != 'E'; i++)
        {
            if (text[i] == '.')
            {
                inFraction = true;
                continue;
            }

            digits.Append(text[i]);
            if (inFraction)
            {
                fractionDigits++;
            }
        }

        BigInteger exponent = i < text.Length ? BigInteger.Parse(text.Substring(i + 1).TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : BigInteger.Zero;
        exponent -= fractionDigits;
        string significant = digits.ToString().TrimStart('0');
        int trailing = significant.Length - significant.TrimEnd('0').Length;
        significant = significant.Substring(0, significant.Length - trailing);
        if (significant.Length == 0)
        {
            return "0";
        }

        exponent += trailing;
        return (negative ? "-" : string.Empty) + significant + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static bool Digits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9')
        {
            i++;
        }

        return i > start;
    }
}
