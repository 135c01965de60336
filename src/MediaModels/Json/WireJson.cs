using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MediaModels.Json;

/// <summary>The one place wire types are turned into JSON text and back.</summary>
internal static class WireJson
{
    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8 JSON text. Non-ASCII characters and HTML-sensitive ones
    /// (<c>&lt; &gt; &amp; ' +</c>) are written as themselves rather than as <c>\uXXXX</c> escapes: the text is a
    /// wire payload, not HTML, and prompts stay readable.
    /// </summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Reads a JSON object; <c>null</c> or malformed text is a <see cref="JsonException"/>.</summary>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class =>
        JsonSerializer.Deserialize(json, typeInfo)
        ?? throw new JsonException($"Expected a JSON object for {typeof(T).Name}; found null.");
}
