using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Reading;
using MediaModels.Cli.Json;
using MediaModels.Client;
using MediaModels.Validation;

namespace MediaModels.Cli.Commands;

/// <summary><c>estimate FILE...</c>: <c>get_generation_estimate</c> for generate_media request files (no job is started).</summary>
internal static class EstimateCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, CliContext context)
    {
        Argument<string[]> files = FileArguments.Create("FILE", InputFiles.Requests, "generate_media argument objects (JSON): their model, generation type, prompt and options are estimated.", ArgumentArity.OneOrMore);
        Option<OutputFormat> format = CliContext.FormatOption(
            """[{"file", "status", "estimate", "diagnostics": [diagnostic…], "error"?}…], one object per file; status is estimated, invalid, unreadable, refused or error; estimate is the service's answer, or null.""");
        var command = new Command("estimate", "Ask the service how long requests would take (get_generation_estimate); nothing is started. With no server named, the sandbox runs in process and answers its --job-seconds.") { files, format };
        catalog.AddTo(command);
        server.AddTo(command, ServerUse.InProcessSandbox);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Reporter reporter = context.Reporter(parse);
            CatalogReadResult read = catalog.Read(parse, context);
            if (read.HasErrors)
            {
                foreach (var diagnostic in read.Diagnostics)
                {
                    reporter.Problem(diagnostic.ToString());
                }

                reporter.Problem("The catalog has errors; fix them first (mediamodels catalog check).");
                return CatalogOptions.ExitCodeOf(read);
            }

            bool json = parse.GetValue(format) == OutputFormat.Json;
            var validator = new RequestValidator(read.Catalog);
            var estimates = InputFiles.Requests.Expand(parse.GetValue(files)!).Select(f => new Estimate(RequestFile.Load(f, validator, context))).ToList();
            foreach (Estimate estimate in estimates.Where(e => e.File.HasErrors))
            {
                estimate.Status = estimate.File.Unreadable ? "unreadable" : "invalid";
                estimate.Error = estimate.File.Unreadable ? $"cannot read the request: {estimate.File.ReadError}" : "refused locally (rule errors); nothing was sent";
                estimate.ExitCode = estimate.File.Unreadable ? ExitCodes.Unreadable : ExitCodes.Invalid;
            }

            foreach (string line in estimates.SelectMany(e => e.File.DiagnosticLines()))
            {
                reporter.Problem(line);
            }

            List<Estimate> sendable = estimates.Where(e => !e.File.HasErrors).ToList();
            if (sendable.Count > 0)
            {
                await using Connection connection = await server.ConnectAsync(parse, catalog, read.Catalog, reporter, cancellationToken);
                if (connection.Sandbox is not null)
                {
                    reporter.Status($"note: no server named: the in-process sandbox answers, with its --job-seconds ({ServerOptions.Seconds(parse.GetValue(server.JobSeconds))} s), not the service's estimates.");
                }

                foreach (Estimate estimate in sendable)
                {
                    await AskAsync(connection.Client, estimate, cancellationToken);
                }
            }

            if (json)
            {
                CliJson.Write(reporter.Output, writer =>
                {
                    writer.WriteStartArray();
                    foreach (Estimate estimate in estimates)
                    {
                        estimate.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                });
            }
            else
            {
                foreach (Estimate estimate in estimates)
                {
                    reporter.Output.WriteLine(estimate.Text());
                }
            }

            return ExitCodes.Combine(estimates.Select(e => e.ExitCode));
        });
        return command;
    }

    private static async Task AskAsync(MediaClient client, Estimate estimate, CancellationToken cancellationToken)
    {
        try
        {
            estimate.Response = await client.EstimateAsync(estimate.File.Request!, cancellationToken);
            estimate.Status = "estimated";
        }
        catch (MediaServiceException exception)
        {
            estimate.Status = exception is MediaToolException ? "refused" : "error";
            estimate.Error = exception.Message;
            estimate.ExitCode = ServerOptions.ExitCodeOf(exception);
        }
    }

    /// <summary>One request file's estimate, or why there is none.</summary>
    private sealed class Estimate
    {
        public Estimate(RequestFile file) => File = file;

        public RequestFile File { get; }

        public string Status { get; set; } = "pending";

        public string? Error { get; set; }

        public int ExitCode { get; set; } = ExitCodes.Success;

        public GenerationEstimateResponse? Response { get; set; }

        /// <summary><c>a.json: kling-2-6-image-to-video image-to-video: about 4 s (confidence 0.9) from 12 sample(s)</c>.</summary>
        public string Text()
        {
            if (Response is not GenerationEstimateResponse estimate)
            {
                return $"{File.Path}: {Status}: {Error}";
            }

            string seconds = estimate.EstimatedTimeSeconds is double s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "unknown";
            return $"{File.Path}: {File.Request!.Model} {File.Request.GenerationType ?? "text-to-image"}: about {seconds}"
                + (estimate.Confidence is double c ? $" (confidence {c.ToString("0.##", CultureInfo.InvariantCulture)})" : string.Empty)
                + (estimate.SampleSize is int n ? $" from {n} sample(s)" : string.Empty);
        }

        /// <summary><c>{"file", "status", "estimate", "diagnostics", "error"?}</c>.</summary>
        public void WriteTo(Utf8JsonWriter json)
        {
            json.WriteStartObject();
            json.WriteString("file", File.Path);
            json.WriteString("status", Status);
            json.WritePropertyName("estimate");
            if (Response is GenerationEstimateResponse estimate)
            {
                using JsonDocument document = JsonDocument.Parse(estimate.ToJson());
                document.RootElement.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            CliJson.WriteDiagnostics(json, "diagnostics", File.Diagnostics);
            if (Error is not null)
            {
                json.WriteString("error", Error);
            }

            json.WriteEndObject();
        }
    }
}
