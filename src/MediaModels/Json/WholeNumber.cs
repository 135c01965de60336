using System;

namespace MediaModels.Json;

/// <summary>How a JSON number token reads as a whole 64-bit number.</summary>
internal enum WholeNumberResult
{
    /// <summary>A whole number in the <see cref="long"/> range.</summary>
    Ok,

    /// <summary>The number has a non-zero fractional part (42.5, 1e-3).</summary>
    Fraction,

    /// <summary>A whole number outside the <see cref="long"/> range.</summary>
    OutOfRange,
}

/// <summary>
/// Reads a JSON number token as a whole <see cref="long"/> from its text, exactly (no rounding through
/// <see cref="double"/> or <see cref="decimal"/>): <c>42</c>, <c>42.0</c>, <c>4.2e1</c> and <c>-0</c> are whole
/// numbers; <c>42.5</c> and <c>1e-400</c> are not; <c>1e19</c> is out of range.
/// </summary>
internal static class WholeNumber
{
    /// <summary>Reads <paramref name="token"/>, which must be a valid JSON number (Utf8JsonReader checked it).</summary>
    public static WholeNumberResult TryRead(ReadOnlySpan<byte> token, out long value)
    {
        value = 0;
        int i = 0;
        bool negative = false;
        if (i < token.Length && token[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        int intStart = i;
        while (i < token.Length && IsDigit(token[i]))
        {
            i++;
        }

        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < token.Length && token[i] == (byte)'.')
        {
            i++;
            fracStart = i;
            while (i < token.Length && IsDigit(token[i]))
            {
                i++;
            }

            fracEnd = i;
        }

        long exponent = 0;
        if (i < token.Length && (token[i] == (byte)'e' || token[i] == (byte)'E'))
        {
            i++;
            bool negativeExponent = false;
            if (i < token.Length && (token[i] == (byte)'+' || token[i] == (byte)'-'))
            {
                negativeExponent = token[i] == (byte)'-';
                i++;
            }

            while (i < token.Length && IsDigit(token[i]))
            {
                // Clamped: any exponent this large already decides the answer.
                if (exponent < 1_000_000_000)
                {
                    exponent = (exponent * 10) + (token[i] - (byte)'0');
                }

                i++;
            }

            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        // The digits D = integer digits followed by fraction digits; the decimal point sits after `point` digits.
        int intLength = intEnd - intStart;
        int digitCount = intLength + (fracEnd - fracStart);
        long point = intLength + exponent;

        int firstNonZero = -1;
        int lastNonZero = -1;
        for (int k = 0; k < digitCount; k++)
        {
            if (Digit(token, k, intStart, intLength, fracStart) != 0)
            {
                if (firstNonZero < 0)
                {
                    firstNonZero = k;
                }

                lastNonZero = k;
            }
        }

        if (firstNonZero < 0)
        {
            return WholeNumberResult.Ok; // zero, however written
        }

        if (lastNonZero >= point)
        {
            return WholeNumberResult.Fraction;
        }

        if (point - firstNonZero > 19)
        {
            return WholeNumberResult.OutOfRange;
        }

        ulong magnitude = 0;
        for (long k = firstNonZero; k < point; k++)
        {
            int digit = k < digitCount ? Digit(token, (int)k, intStart, intLength, fracStart) : 0;
            magnitude = (magnitude * 10) + (ulong)digit; // at most 19 digits: no overflow
        }

        if (!negative)
        {
            if (magnitude > long.MaxValue)
            {
                return WholeNumberResult.OutOfRange;
            }

            value = (long)magnitude;
            return WholeNumberResult.Ok;
        }

        if (magnitude > 9_223_372_036_854_775_808UL)
        {
            return WholeNumberResult.OutOfRange;
        }

        value = magnitude == 9_223_372_036_854_775_808UL ? long.MinValue : -(long)magnitude;
        return WholeNumberResult.Ok;
    }

    private static bool IsDigit(byte b) => b >= (byte)'0' && b <= (byte)'9';

    private static int Digit(ReadOnlySpan<byte> token, int k, int intStart, int intLength, int fracStart) =>
        (k < intLength ? token[intStart + k] : token[fracStart + (k - intLength)]) - (byte)'0';
}
