using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Catalog.Rules;

namespace MediaModels.Json;

/// <summary>
/// <c>severity</c>: the strings <c>error</c> and <c>warning</c> (read in any case; JSON null reads as error, the
/// safe side); anything else is a <see cref="JsonException"/>.
/// </summary>
internal sealed class SeverityJsonConverter : JsonConverter<Severity>
{
    public const string Error = "error";

    public const string Warning = "warning";

    public override bool HandleNull => true;

    public override Severity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return Severity.Error;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            string? text = reader.GetString();
            if (string.Equals(text, Error, StringComparison.OrdinalIgnoreCase))
            {
                return Severity.Error;
            }

            if (string.Equals(text, Warning, StringComparison.OrdinalIgnoreCase))
            {
                return Severity.Warning;
            }
        }

        throw new JsonException($"'severity' must be \"{Error}\" or \"{Warning}\"; found {JsonTokens.Describe(ref reader)}.");
    }

    public override void Write(Utf8JsonWriter writer, Severity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value == Severity.Error ? Error : Warning);
}
