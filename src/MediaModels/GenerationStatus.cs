using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediaModels.Json;

namespace MediaModels;

/// <summary>
/// The <c>status</c> of a generation: one of the five documented values (<see cref="Pending"/>,
/// <see cref="Queued"/>, <see cref="Processing"/>, <see cref="Completed"/>, <see cref="Failed"/>) or any other
/// string the service sends, kept as is so a new status never breaks a client. Compared ordinally, ignoring case;
/// written back exactly as read.
/// </summary>
[JsonConverter(typeof(GenerationStatusJsonConverter))]
public readonly struct GenerationStatus : IEquatable<GenerationStatus>
{
    /// <summary>Creates a status from its wire text.</summary>
    /// <param name="value">The wire text, e.g. <c>completed</c>.</param>
    public GenerationStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    private readonly string? _value;

    /// <summary><c>pending</c>: accepted, not started.</summary>
    public static GenerationStatus Pending { get; } = new("pending");

    /// <summary><c>queued</c>: waiting for a worker.</summary>
    public static GenerationStatus Queued { get; } = new("queued");

    /// <summary><c>processing</c>: running.</summary>
    public static GenerationStatus Processing { get; } = new("processing");

    /// <summary><c>completed</c>: done; the outputs are available.</summary>
    public static GenerationStatus Completed { get; } = new("completed");

    /// <summary><c>failed</c>: done without outputs.</summary>
    public static GenerationStatus Failed { get; } = new("failed");

    /// <summary>The wire text; empty for <c>default(GenerationStatus)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for one of the five statuses the spec documents.</summary>
    public bool IsKnown => this == Pending || this == Queued || this == Processing || this == Completed || this == Failed;

    /// <summary>True for <see cref="Completed"/> and <see cref="Failed"/>: polling can stop.</summary>
    public bool IsTerminal => this == Completed || this == Failed;

    /// <inheritdoc />
    public bool Equals(GenerationStatus other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GenerationStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>The wire text.</summary>
    public override string ToString() => Value;

    /// <summary>Equality, ignoring case.</summary>
    public static bool operator ==(GenerationStatus left, GenerationStatus right) => left.Equals(right);

    /// <summary>Inequality, ignoring case.</summary>
    public static bool operator !=(GenerationStatus left, GenerationStatus right) => !left.Equals(right);

    /// <summary>A status from its wire text.</summary>
    public static implicit operator GenerationStatus(string value) => new(value);
}

/// <summary>Reads and writes <see cref="GenerationStatus"/> as a JSON string.</summary>
internal sealed class GenerationStatusJsonConverter : JsonConverter<GenerationStatus>
{
    public override GenerationStatus Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new GenerationStatus(reader.GetString()!)
            : throw new JsonException($"'status' must be a string; found {JsonTokens.Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, GenerationStatus value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
