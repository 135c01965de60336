using System;
using MediaModels.Json;

namespace MediaModels.Tests;

public class SeedTests
{
    [Theory]
    [InlineData("42", true)]
    [InlineData("-0", true)]
    [InlineData("42.5", false)]
    [InlineData("1e30", false)]
    [InlineData("9223372036854775808", false)]
    public void Parse_keeps_whole_64_bit_numbers_as_integers_and_others_as_text(string text, bool isInt64)
    {
        Seed seed = Seed.Parse(text);
        Assert.Equal(isInt64, seed.IsInt64);
        Assert.Equal(isInt64 ? long.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture) : text, seed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData(" 1")]
    [InlineData("0x10")]
    public void Anything_but_a_json_number_is_refused(string text)
    {
        Assert.False(Seed.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Seed.Parse(text));
    }

    [Fact]
    public void Equal_numbers_are_equal_seeds_however_written()
    {
        Assert.Equal(Seed.Parse("42.50"), Seed.Parse("4.25e1"));
        Assert.Equal(Seed.Parse("42.50").GetHashCode(), Seed.Parse("425e-1").GetHashCode());
        Assert.Equal(Seed.Parse("42.0"), (Seed)42L);
        Assert.Equal(Seed.Parse("1e19"), Seed.Parse("10000000000000000000"));
        Assert.NotEqual(Seed.Parse("42.5"), Seed.Parse("-42.5"));
        Assert.NotEqual(Seed.Parse("1e-400"), Seed.Parse("1e-401"));
        Assert.True(Seed.Parse("0.5") == 0.5m);
        Assert.True(Seed.Parse("0.5") != 0.25m);
    }

    [Fact]
    public void Conversions_keep_the_value()
    {
        Seed fromInt = 7;
        Seed fromDecimal = 42.5m;
        Assert.Equal("7", fromInt.ToString());
        Assert.Equal("42.5", fromDecimal.ToString());
        Assert.Equal(42L, (long)(Seed)42.0m);
        Assert.Equal("0.1", Seed.FromDouble(0.1).ToString());
        Assert.Equal(long.MinValue, (long)Seed.FromDouble(-9223372036854775808d));
        Assert.False(Seed.FromDouble(9223372036854775808d).IsInt64);
        Assert.Equal(0.1, (double)Seed.Parse("0.1"));
        Assert.True(Seed.Parse("42").TryGetInt64(out long whole) && whole == 42);
        Assert.False(Seed.Parse("42.5").TryGetInt64(out _));
    }

    [Fact]
    public void Numbers_json_cannot_write_or_a_long_that_is_not_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Seed.FromDouble(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => (Seed)double.PositiveInfinity);
        InvalidCastException cast = Assert.Throws<InvalidCastException>(() => (long)Seed.Parse("42.5"));
        Assert.Contains("42.5", cast.Message);
    }

    [Theory]
    [InlineData("42.50", "425e-1")]
    [InlineData("-0.00120", "-12e-4")]
    [InlineData("1E+3", "1e3")]
    [InlineData("0.000", "0")]
    public void Numbers_normalize_to_one_form(string text, string normalized)
    {
        Assert.Equal(normalized, JsonNumberText.Normalize(text));
    }
}
