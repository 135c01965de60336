using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaModels;

/// <summary>
/// The <c>dimensions</c> of an output. Its shape is not documented, so the JSON value is kept as it came
/// (<see cref="Raw"/>, written back unchanged) and <see cref="Width"/> and <see cref="Height"/> are read from the
/// shapes a service plausibly sends: an object <c>{"width": 1024, "height": 768}</c> (numbers or numeric strings),
/// a string <c>"1024x768"</c> (also <c>X</c> or <c>×</c>, spaces allowed) or an array <c>[1024, 768]</c>.
/// Any other shape leaves them null.
/// </summary>
[JsonConverter(typeof(MediaDimensionsJsonConverter))]
public sealed class MediaDimensions
{
    private MediaDimensions(JsonElement raw, int? width, int? height)
    {
        Raw = raw;
        Width = width;
        Height = height;
    }

    /// <summary>Dimensions written as <c>{"width": …, "height": …}</c>.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public MediaDimensions(int width, int height)
        : this(ObjectOf(width, height), width, height)
    {
    }

    /// <summary>The JSON value as received (or as built), written back unchanged.</summary>
    public JsonElement Raw { get; }

    /// <summary>Width in pixels, when the value has a recognisable shape.</summary>
    public int? Width { get; }

    /// <summary>Height in pixels, when the value has a recognisable shape.</summary>
    public int? Height { get; }

    /// <summary>Reads width and height from any JSON value; the value is cloned, so it outlives its document.</summary>
    /// <param name="value">The <c>dimensions</c> value.</param>
    public static MediaDimensions FromJsonElement(JsonElement value)
    {
        JsonElement raw = value.Clone();
        int? width = null;
        int? height = null;
        switch (raw.ValueKind)
        {
            case JsonValueKind.Object:
                width = Member(raw, "width");
                height = Member(raw, "height");
                break;
            case JsonValueKind.Array when raw.GetArrayLength() == 2:
                width = Number(raw[0]);
                height = Number(raw[1]);
                break;
            case JsonValueKind.String:
                ParseText(raw.GetString()!, out width, out height);
                break;
        }

        return new MediaDimensions(raw, width, height);
    }

    /// <summary><c>1024x768</c> when both are known, otherwise the raw JSON text.</summary>
    public override string ToString() =>
        Width is int w && Height is int h
            ? FormattableString.Invariant($"{w}x{h}")
            : Raw.ValueKind == JsonValueKind.Undefined ? string.Empty : Raw.GetRawText();

    private static JsonElement ObjectOf(int width, int height)
    {
        using JsonDocument document = JsonDocument.Parse(
            FormattableString.Invariant($"{{\"width\":{width},\"height\":{height}}}"));
        return document.RootElement.Clone();
    }

    private static int? Member(JsonElement value, string name) =>
        value.TryGetProperty(name, out JsonElement member) ? Number(member) : null;

    private static int? Number(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out int whole))
            {
                return whole;
            }

            return value.TryGetDouble(out double real) && real == Math.Floor(real) && real >= int.MinValue && real <= int.MaxValue
                ? (int)real
                : null;
        }

        return value.ValueKind == JsonValueKind.String
            && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
            ? parsed
            : null;
    }

    private static void ParseText(string text, out int? width, out int? height)
    {
        width = null;
        height = null;
        int separator = text.IndexOfAny(new[] { 'x', 'X', '×' });
        if (separator > 0
            && int.TryParse(text.Substring(0, separator).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(text.Substring(separator + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int h))
        {
            width = w;
            height = h;
        }
    }
}

/// <summary>Reads any JSON value into <see cref="MediaDimensions"/> and writes <see cref="MediaDimensions.Raw"/> back.</summary>
internal sealed class MediaDimensionsJsonConverter : JsonConverter<MediaDimensions>
{
    public override MediaDimensions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return MediaDimensions.FromJsonElement(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, MediaDimensions value, JsonSerializerOptions options)
    {
        if (value.Raw.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.Raw.WriteTo(writer);
        }
    }
}
