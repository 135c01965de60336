using System.CommandLine;
using System.Globalization;
using System.IO;
using MediaModels.Catalog.Reading;
using MediaModels.Client;
using MediaModels.Validation;

namespace MediaModels.Cli.Commands;

/// <summary><c>estimate FILE</c>: <c>get_generation_estimate</c> for a generate_media request file (no job is started).</summary>
internal static class EstimateCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("FILE") { Description = "A generate_media argument object (JSON): its model, generation type, prompt and options are estimated." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("estimate", "Ask the service how long a request would take (get_generation_estimate); nothing is started.") { file, format };
        catalog.AddTo(command);
        server.AddTo(command, sandboxOptions: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            CatalogReadResult read = catalog.Read(parse);
            var request = RequestFile.Load(parse.GetValue(file)!, new RequestValidator(read.Catalog));
            foreach (string line in request.DiagnosticLines())
            {
                error.WriteLine(line);
            }

            if (request.Unreadable)
            {
                return ExitCodes.Unreadable;
            }

            if (request.HasErrors)
            {
                error.WriteLine("Refused locally (rule errors); nothing was sent.");
                return ExitCodes.Invalid;
            }

            await using Connection? connection = await server.ConnectAsync(parse, catalog, read.Catalog, error, cancellationToken);
            if (connection is null)
            {
                return ExitCodes.Unreachable;
            }

            try
            {
                GenerationEstimateResponse estimate = await connection.Client.EstimateAsync(request.Request!, cancellationToken);
                if (parse.GetValue(format) == "json")
                {
                    output.WriteLine(estimate.ToJson(indented: true));
                }
                else
                {
                    string seconds = estimate.EstimatedTimeSeconds is double s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "unknown";
                    output.WriteLine($"{request.Request!.Model} {request.Request.GenerationType ?? "text-to-image"}: about {seconds}"
                        + (estimate.Confidence is double c ? $" (confidence {c.ToString("0.##", CultureInfo.InvariantCulture)})" : string.Empty)
                        + (estimate.SampleSize is int n ? $" from {n} sample(s)" : string.Empty));
                }

                return ExitCodes.Success;
            }
            catch (MediaToolException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return ExitCodes.Invalid;
            }
            catch (MediaServiceException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return ExitCodes.Unreachable;
            }
        });
        return command;
    }
}
