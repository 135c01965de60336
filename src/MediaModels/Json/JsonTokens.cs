using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MediaModels.Json;

/// <summary>Describes the current token for messages: <c>a string ("yes")</c>, <c>a number (3)</c>, <c>an array</c>.</summary>
internal static class JsonTokens
{
    private const int MaxShown = 40;

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"a string (\"{Shorten(SafeString(ref reader))}\")",
        JsonTokenType.Number => $"a number ({Shorten(Raw(ref reader))})",
        JsonTokenType.True => "a boolean (true)",
        JsonTokenType.False => "a boolean (false)",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => reader.TokenType.ToString(),
    };

    public static byte[] ToArray(ReadOnlySequence<byte> sequence)
    {
        var bytes = new byte[sequence.Length];
        sequence.CopyTo(bytes);
        return bytes;
    }

    /// <summary>The raw text of the current (number) token.</summary>
    public static string Raw(ref Utf8JsonReader reader)
    {
        byte[] bytes = reader.HasValueSequence ? ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return Encoding.UTF8.GetString(bytes);
    }

    private static string SafeString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static string Shorten(string text) => text.Length <= MaxShown ? text : text.Substring(0, MaxShown) + "…";
}
