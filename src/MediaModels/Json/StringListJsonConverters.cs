using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaModels.Json;

/// <summary>
/// <c>source_media_urls</c>: read as one string or an array of strings, written always as an array.
/// A null or non-string item is a <see cref="JsonException"/>.
/// </summary>
internal sealed class StringOrStringArrayJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new List<string>(1) { reader.GetString()! }
            : StringArrayJsonConverter.ReadArray(ref reader, "a string or an array of strings");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        StringArrayJsonConverter.WriteArray(writer, value);
}

/// <summary>An array of strings (Kling element URLs); a null or non-string item is a <see cref="JsonException"/>.</summary>
internal sealed class StringArrayJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadArray(ref reader, "an array of strings");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        WriteArray(writer, value);

    internal static List<string> ReadArray(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected {expected}; found {JsonTokens.Describe(ref reader)}.");
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string item; found {JsonTokens.Describe(ref reader)}.");
            }

            items.Add(reader.GetString()!);
        }

        return items;
    }

    internal static void WriteArray(Utf8JsonWriter writer, IReadOnlyList<string> value)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.Count; i++)
        {
            writer.WriteStringValue(value[i]);
        }

        writer.WriteEndArray();
    }
}
