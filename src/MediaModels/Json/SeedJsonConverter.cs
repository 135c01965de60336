using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaModels.Json;

/// <summary>
/// <c>seed</c>: a JSON number whose value is a whole number in the 64-bit range (<c>42</c>, <c>42.0</c>,
/// <c>4.2e1</c>); a fraction, an out-of-range number or a string is a <see cref="JsonException"/>.
/// </summary>
internal sealed class SeedJsonConverter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"'seed' must be a number; found {JsonTokens.Describe(ref reader)}.");
        }

        ReadOnlySpan<byte> token = reader.HasValueSequence ? JsonTokens.ToArray(reader.ValueSequence) : reader.ValueSpan;
        return WholeNumber.TryRead(token, out long value) switch
        {
            WholeNumberResult.Ok => value,
            WholeNumberResult.Fraction => throw new JsonException($"'seed' must be a whole number; found {JsonTokens.Describe(ref reader)}."),
            _ => throw new JsonException($"'seed' must be within the 64-bit range; found {JsonTokens.Describe(ref reader)}."),
        };
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is long seed)
        {
            writer.WriteNumberValue(seed);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
