using System;
using System.Globalization;
using System.Text;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The <c>seed</c> of a request: any JSON number, as the spec types the parameter ("number"), carried without loss. A
/// whole number in the 64-bit range, the usual seed, is held as a <see cref="long"/> and written as an integer
/// (<c>42</c>, also when read as <c>42.0</c>); any other number (<c>42.5</c>, <c>1e30</c>) is held as its JSON text and
/// written back as read.
/// </summary>
/// <remarks>
/// <c>long</c>, <c>int</c> and <c>decimal</c> convert implicitly (<c>request.Seed = 42</c>, <c>WithSeed(7L)</c>,
/// <c>Seed = 42.5m</c>); <c>double</c> explicitly, since NaN and infinities are not JSON numbers. Two seeds are equal
/// when their numbers are: <c>Seed.Parse("4.25e1") == Seed.Parse("42.50")</c>.
/// </remarks>
public readonly struct Seed : IEquatable<Seed>
{
    private readonly long _integer;
    private readonly string? _text;

    /// <summary>A seed holding <paramref name="value"/>.</summary>
    /// <param name="value">The seed.</param>
    public Seed(long value)
    {
        _integer = value;
        _text = null;
    }

    private Seed(string text)
    {
        _integer = 0;
        _text = text;
    }

    /// <summary>True when the seed is a whole number in the 64-bit range (then <see cref="TryGetInt64"/> gives it).</summary>
    public bool IsInt64 => _text is null;

    /// <summary>A seed from a decimal: whole values in the 64-bit range become integers; others keep their digits.</summary>
    /// <param name="value">The seed.</param>
    public static Seed FromDecimal(decimal value) =>
        decimal.Truncate(value) == value && value >= long.MinValue && value <= long.MaxValue
            ? new Seed((long)value)
            : new Seed(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A seed from a double: whole values in the 64-bit range become integers; others keep the double's shortest round-trip text.</summary>
    /// <param name="value">The seed: a finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, which JSON cannot write.</exception>
    public static Seed FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A seed is a JSON number: NaN and infinities are not.");
        }

        // -2^63 is exact as a double; 2^63 is the first double above long.MaxValue.
        return Math.Floor(value) == value && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18
            ? new Seed((long)value)
            : new Seed(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>Reads a seed written as a JSON number (<c>42</c>, <c>-7</c>, <c>42.5</c>, <c>1e30</c>).</summary>
    /// <param name="text">A JSON number.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a JSON number.</exception>
    public static Seed Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return TryParse(text, out Seed seed) ? seed : throw new FormatException($"'{text}' is not a JSON number (e.g. 42, -7, 42.5, 1e30).");
    }

    /// <summary>Reads a seed written as a JSON number; false when <paramref name="text"/> is not one.</summary>
    /// <param name="text">A JSON number, or anything else.</param>
    /// <param name="seed">The seed, or the default when false is returned.</param>
    public static bool TryParse(string? text, out Seed seed)
    {
        seed = default;
        if (text is null || !JsonNumberText.IsValid(text))
        {
            return false;
        }

        seed = FromJsonNumber(Encoding.UTF8.GetBytes(text));
        return true;
    }

    /// <summary>A seed from a JSON number token the reader has already checked.</summary>
    internal static Seed FromJsonNumber(ReadOnlySpan<byte> token) =>
        WholeNumber.TryRead(token, out long value) == WholeNumberResult.Ok
            ? new Seed(value)
            : new Seed(Encoding.UTF8.GetString(token.ToArray()));

    /// <summary>The seed as a 64-bit whole number, when it is one.</summary>
    /// <param name="value">The seed, or 0 when false is returned.</param>
    public bool TryGetInt64(out long value)
    {
        value = _integer;
        return _text is null;
    }

    /// <summary>The nearest <see cref="double"/> (exact for whole numbers up to 2^53).</summary>
    public double ToDouble() => _text is null ? _integer : double.Parse(_text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The JSON number as it is written on the wire: <c>42</c>, <c>42.5</c>, <c>1e30</c>.</summary>
    public override string ToString() => _text ?? _integer.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(Seed other) =>
        _text is null
            ? other._text is null && _integer == other._integer
            : other._text is not null && JsonNumberText.Normalize(_text) == JsonNumberText.Normalize(other._text);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Seed other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _text is null ? _integer.GetHashCode() : JsonNumberText.Normalize(_text).GetHashCode();

    /// <summary>True when the two seeds are the same number.</summary>
    public static bool operator ==(Seed left, Seed right) => left.Equals(right);

    /// <summary>True when the two seeds are different numbers.</summary>
    public static bool operator !=(Seed left, Seed right) => !left.Equals(right);

    /// <summary>A seed holding a whole number.</summary>
    public static implicit operator Seed(long value) => new(value);

    /// <summary>A seed holding a decimal, without loss.</summary>
    public static implicit operator Seed(decimal value) => FromDecimal(value);

    /// <summary>A seed holding a double (see <see cref="FromDouble"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity.</exception>
    public static explicit operator Seed(double value) => FromDouble(value);

    /// <summary>The seed as a 64-bit whole number.</summary>
    /// <exception cref="InvalidCastException">The seed is a fraction or beyond the 64-bit range; use <see cref="TryGetInt64"/> or <see cref="ToDouble"/>.</exception>
    public static explicit operator long(Seed seed) =>
        seed.TryGetInt64(out long value) ? value : throw new InvalidCastException($"The seed {seed} is not a whole number in the 64-bit range.");

    /// <summary>The seed as the nearest double.</summary>
    public static explicit operator double(Seed seed) => seed.ToDouble();
}
