using System.Collections.Generic;
using System.Text.Json;
using MediaModels.Cli.Json;
using MediaModels.Validation;

namespace MediaModels.Cli.Commands;

/// <summary>
/// One request file in <c>generate --format json</c>. It wraps the diagnostics with what the command adds — the
/// file, the generation and where each diagnostic came from (<see cref="Diagnostics"/>: the local check, placed in the
/// file; <see cref="ServiceDiagnostics"/>: the service's answer) — so every diagnostic keeps the one
/// <see cref="RequestDiagnostic"/> shape.
/// </summary>
/// <param name="File">The request file as named on the command line.</param>
/// <param name="GenerationId">The service's generation id, or null when nothing was started.</param>
/// <param name="Status">completed, failed, invalid, refused, unreadable, not-sent, unauthorized, timeout, cancelled, error or download-failed.</param>
/// <param name="Outputs">The <c>outputs</c> of the final status as the service sent them, or null (written as an empty array).</param>
/// <param name="Diagnostics">The local check's diagnostics, with line and column in the file.</param>
/// <param name="ServiceDiagnostics">The service's diagnostics (a refusal's errors, warnings), without a place.</param>
/// <param name="Error">What went wrong, when the status is not completed.</param>
/// <param name="Files">The downloaded files (<c>--out</c>), when any.</param>
internal sealed record GenerationReport(
    string File,
    string? GenerationId,
    string Status,
    JsonElement? Outputs,
    IReadOnlyList<RequestDiagnostic> Diagnostics,
    IReadOnlyList<RequestDiagnostic> ServiceDiagnostics,
    string? Error,
    IReadOnlyList<string>? Files)
{
    /// <summary>
    /// <c>{"file", "generation_id", "status", "outputs", "diagnostics": [RequestDiagnostic…], "service_diagnostics":
    /// [RequestDiagnostic…], "error"?, "files"?}</c>; <c>generation_id</c> is null when nothing was started.
    /// </summary>
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("file", File);
        json.WriteString("generation_id", GenerationId);
        json.WriteString("status", Status);
        json.WritePropertyName("outputs");
        if (Outputs is JsonElement outputs)
        {
            outputs.WriteTo(json);
        }
        else
        {
            json.WriteStartArray();
            json.WriteEndArray();
        }

        CliJson.WriteDiagnostics(json, "diagnostics", Diagnostics);
        CliJson.WriteDiagnostics(json, "service_diagnostics", ServiceDiagnostics);
        if (Error is not null)
        {
            json.WriteString("error", Error);
        }

        if (Files is not null)
        {
            json.WriteStartArray("files");
            foreach (string file in Files)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
