using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MediaModels.Json;
using MediaModels.Validation;

namespace MediaModels.Cli.Json;

/// <summary>
/// Prints <c>--format json</c> output: indented, non-ASCII and HTML-sensitive characters as themselves (it is read by
/// people and tools, not embedded in HTML). A command writes its own wrapper (the file, the generation); the
/// diagnostics inside are written by the runtime's <see cref="MediaModelsJsonContext"/>, so they have the one
/// <see cref="RequestDiagnostic"/> shape and no second definition of it exists here.
/// </summary>
internal static class CliJson
{
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    /// <summary>Writes <c>"name": [diagnostic…]</c> through the runtime's JSON context.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter writer, string name, IReadOnlyList<RequestDiagnostic> diagnostics)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, diagnostics, MediaModelsJsonContext.Default.IReadOnlyListRequestDiagnostic);
    }
}
