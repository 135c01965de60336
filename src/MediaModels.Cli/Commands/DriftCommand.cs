using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using MediaModels.Catalog.Reading;
using MediaModels.Cli.Json;
using MediaModels.Client;

namespace MediaModels.Cli.Commands;

/// <summary>
/// <c>drift (--server URL | --stdio-command CMD) [--write-overlay FILE]</c>: compares our catalog with the live
/// <c>get_models</c>; exit 1 on drift.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, CliContext context)
    {
        var overlay = new Option<string?>("--write-overlay") { Description = "Write a catalog overlay (YAML) adopting new and changed models, marked for review.", HelpName = "FILE" };
        Option<OutputFormat> format = CliContext.FormatOption(
            """{"server", "catalog_models", "service_models", "differences": [{"model", "difference", "catalog", "service"}…]}.""");
        var command = new Command("drift", "Compare the catalog with a running service's get_models: models on one side only, generation types, input kinds and counts. Needs --server, --stdio-command or $" + MediaClientOptions.EndpointVariable + ". Exit 1 on drift.") { overlay, format };
        catalog.AddTo(command);
        server.AddTo(command, ServerUse.NamedServerOnly);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Reporter reporter = context.Reporter(parse);
            if (!server.NamesServer(parse))
            {
                // The in-process sandbox serves this same catalog: comparing with it would always say "no drift".
                throw CommandFailedException.Usage($"drift compares the catalog with a running service: pass --server URL, --stdio-command \"CMD\", or set ${MediaClientOptions.EndpointVariable}.");
            }

            CatalogReadResult read = catalog.Read(parse, context);
            if (read.HasErrors)
            {
                foreach (var diagnostic in read.Diagnostics)
                {
                    reporter.Problem(diagnostic.ToString());
                }

                return CatalogOptions.ExitCodeOf(read);
            }

            await using Connection connection = await server.ConnectAsync(parse, catalog, read.Catalog, reporter, cancellationToken);
            ModelList live;
            try
            {
                live = await connection.Client.GetModelsAsync(cancellationToken);
            }
            catch (MediaServiceException exception)
            {
                reporter.Problem("error: " + exception.Message);
                return ServerOptions.ExitCodeOf(exception);
            }

            IReadOnlyList<DriftEntry> entries = CatalogDrift.Compare(read.Catalog, live);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                CliJson.Write(reporter.Output, json => WriteJson(json, connection.Description, read.Catalog.Models.Count, live.Models.Count, entries));
            }
            else if (entries.Count == 0)
            {
                reporter.Output.WriteLine($"No drift: the {read.Catalog.Models.Count} catalog models match the {live.Models.Count} models of {connection.Description}.");
            }
            else
            {
                TextTable.Write(reporter.Output, new[] { "MODEL", "DIFFERENCE", "CATALOG", "SERVICE" }, entries.Select(e => new[] { e.ModelId, Describe(e.Kind), e.Ours, e.Live }));
                reporter.Status($"{entries.Count} difference(s) between the catalog and {connection.Description}.");
            }

            if (parse.GetValue(overlay) is string path)
            {
                try
                {
                    File.WriteAllText(path, CatalogDrift.WriteOverlay(read.Catalog, live, entries, connection.Description));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    reporter.Problem($"error: cannot write the overlay to {path}: {exception.Message}");
                    return ExitCodes.Unreadable;
                }

                reporter.Status($"Overlay written to {path}: review it, then pass it with --catalog {path}.");
            }

            return entries.Count == 0 ? ExitCodes.Success : ExitCodes.Invalid;
        });
        return command;
    }

    private static void WriteJson(Utf8JsonWriter json, string server, int catalogModels, int serviceModels, IReadOnlyList<DriftEntry> entries)
    {
        json.WriteStartObject();
        json.WriteString("server", server);
        json.WriteNumber("catalog_models", catalogModels);
        json.WriteNumber("service_models", serviceModels);
        json.WriteStartArray("differences");
        foreach (DriftEntry entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("model", entry.ModelId);
            json.WriteString("difference", Describe(entry.Kind));
            json.WriteString("catalog", entry.Ours);
            json.WriteString("service", entry.Live);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Describe(DriftKind kind) => kind switch
    {
        DriftKind.OnlyOnService => "new on the service",
        DriftKind.OnlyInCatalog => "missing on the service",
        DriftKind.MediaType => "media type",
        DriftKind.GenerationTypes => "generation types",
        DriftKind.InputKinds => "input kinds",
        _ => "input counts",
    };
}
