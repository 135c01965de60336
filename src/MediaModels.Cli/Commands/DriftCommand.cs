using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using MediaModels.Catalog.Reading;
using MediaModels.Client;

namespace MediaModels.Cli.Commands;

/// <summary>
/// <c>drift [--server URL | --stdio-command CMD] [--write-overlay FILE]</c>: compares our catalog with the live
/// <c>get_models</c>; exit 1 on drift.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, TextWriter output, TextWriter error)
    {
        var overlay = new Option<string?>("--write-overlay") { Description = "Write a catalog overlay (YAML) adopting new and changed models, marked for review." };
        var command = new Command("drift", "Compare the catalog with the service's live get_models: models on one side only, generation types, input kinds and counts. Exit 1 on drift.") { overlay };
        catalog.AddTo(command);
        server.AddTo(command, sandboxOptions: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            CatalogReadResult read = catalog.Read(parse);
            if (read.HasErrors)
            {
                foreach (var diagnostic in read.Diagnostics)
                {
                    error.WriteLine(diagnostic.ToString());
                }

                return ExitCodes.Invalid;
            }

            if (!server.NamesServer(parse))
            {
                error.WriteLine("note: no server named (--server, --stdio-command or $" + MediaClientOptions.EndpointVariable + "): comparing with the in-process sandbox, which serves this same catalog.");
            }

            await using Connection? connection = await server.ConnectAsync(parse, catalog, read.Catalog, error, cancellationToken);
            if (connection is null)
            {
                return ExitCodes.Unreachable;
            }

            ModelList live;
            try
            {
                live = await connection.Client.GetModelsAsync(cancellationToken);
            }
            catch (MediaServiceException exception)
            {
                error.WriteLine("error: " + exception.Message);
                return ExitCodes.Unreachable;
            }

            IReadOnlyList<DriftEntry> entries = CatalogDrift.Compare(read.Catalog, live);
            if (entries.Count == 0)
            {
                output.WriteLine($"No drift: the {read.Catalog.Models.Count} catalog models match the {live.Models.Count} models of {connection.Description}.");
            }
            else
            {
                WriteTable(entries, output);
                error.WriteLine($"{entries.Count} difference(s) between the catalog and {connection.Description}.");
            }

            if (parse.GetValue(overlay) is string path)
            {
                File.WriteAllText(path, CatalogDrift.WriteOverlay(read.Catalog, live, entries, connection.Description));
                error.WriteLine($"Overlay written to {path}: review it, then pass it with --catalog {path}.");
            }

            return entries.Count == 0 ? ExitCodes.Success : ExitCodes.Invalid;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<DriftEntry> entries, TextWriter output)
    {
        string[] headers = { "MODEL", "DIFFERENCE", "CATALOG", "SERVICE" };
        var rows = entries.Select(e => new[] { e.ModelId, Describe(e.Kind), e.Ours, e.Live }).ToList();
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(headers, widths));
        foreach (string[] row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
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

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
