using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaModels.Json;

/// <summary>
/// <c>seed</c>: any JSON number, kept without loss in a <see cref="Seed"/> (a whole 64-bit number as an integer, anything
/// else as its text); a string, a boolean or another non-number is a <see cref="JsonException"/>.
/// </summary>
internal sealed class SeedJsonConverter : JsonConverter<Seed?>
{
    public override Seed? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"'seed' must be a number; found {JsonTokens.Describe(ref reader)}.");
        }

        return Seed.FromJsonNumber(reader.HasValueSequence ? JsonTokens.ToArray(reader.ValueSequence) : reader.ValueSpan);
    }

    public override void Write(Utf8JsonWriter writer, Seed? value, JsonSerializerOptions options)
    {
        if (value is not Seed seed)
        {
            writer.WriteNullValue();
        }
        else if (seed.TryGetInt64(out long whole))
        {
            writer.WriteNumberValue(whole);
        }
        else
        {
            writer.WriteRawValue(seed.ToString());
        }
    }
}
