using System.Text;
using MediaModels.Json;

namespace MediaModels.Tests;

public class WholeNumberTests
{
    [Theory]
    [InlineData("0", "Ok", 0L)]
    [InlineData("-0.000", "Ok", 0L)]
    [InlineData("0e-99999999999999999999", "Ok", 0L)]
    [InlineData("42", "Ok", 42L)]
    [InlineData("42.000", "Ok", 42L)]
    [InlineData("4.2e1", "Ok", 42L)]
    [InlineData("4200e-2", "Ok", 42L)]
    [InlineData("0.42E+2", "Ok", 42L)]
    [InlineData("1e18", "Ok", 1_000_000_000_000_000_000L)]
    [InlineData("9223372036854775807", "Ok", long.MaxValue)]
    [InlineData("-9223372036854775808", "Ok", long.MinValue)]
    [InlineData("00000000000000000000000000000001", "Ok", 1L)]
    [InlineData("9223372036854775808", "OutOfRange", 0L)]
    [InlineData("-9223372036854775809", "OutOfRange", 0L)]
    [InlineData("1e19", "OutOfRange", 0L)]
    [InlineData("1e99999999999999", "OutOfRange", 0L)]
    [InlineData("42.5", "Fraction", 0L)]
    [InlineData("4.25e1", "Fraction", 0L)]
    [InlineData("1e-400", "Fraction", 0L)]
    [InlineData("12345678901234567890.5", "Fraction", 0L)]
    public void Reads_whole_numbers_exactly(string token, string expectedResult, long value)
    {
        var expected = (WholeNumberResult)System.Enum.Parse(typeof(WholeNumberResult), expectedResult);
        WholeNumberResult result = WholeNumber.TryRead(Encoding.ASCII.GetBytes(token), out long read);

        Assert.Equal(expected, result);
        if (expected == WholeNumberResult.Ok)
        {
            Assert.Equal(value, read);
        }
    }
}
