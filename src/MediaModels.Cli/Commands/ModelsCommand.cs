using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Client;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;

namespace MediaModels.Cli.Commands;

/// <summary><c>models [ID]</c>: every model at a glance, or one model in full.</summary>
internal static class ModelsCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, TextWriter output, TextWriter error)
    {
        var id = new Argument<string?>("ID") { Description = "A model id to show in full.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "List the catalog's models at a glance, or show one model in full; with --server or --stdio-command, the service's live get_models list.") { id };
        catalog.AddTo(command);
        server.AddTo(command, sandboxOptions: false);
        command.SetAction(async (parse, cancellationToken) =>
        {
            CatalogReadResult result = catalog.Read(parse);
            if (parse.GetValue(server.Server) is not null || parse.GetValue(server.StdioCommand) is not null)
            {
                return await LiveAsync(parse, catalog, server, result, parse.GetValue(id), output, error, cancellationToken);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            string? wanted = parse.GetValue(id);
            if (wanted is null)
            {
                ModelText.WriteTable(result.Catalog, output);
                return result.HasErrors ? ExitCodes.Invalid : ExitCodes.Success;
            }

            ModelSpec? model = result.Catalog.Find(wanted);
            if (model is null)
            {
                string? nearest = result.Catalog.SuggestId(wanted);
                error.WriteLine($"error MM0001: Unknown model '{wanted}'." + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?"));
                return ExitCodes.Invalid;
            }

            ModelText.WriteDetails(model, result.Catalog, output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> LiveAsync(ParseResult parse, CatalogOptions catalog, ServerOptions server, CatalogReadResult read, string? wanted, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
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

        if (wanted is not null)
        {
            ModelInfo? model = live.Find(wanted);
            if (model is null)
            {
                error.WriteLine($"error: the service lists no model '{wanted}'.");
                return ExitCodes.Invalid;
            }

            output.WriteLine(model.Raw.GetRawText());
            return ExitCodes.Success;
        }

        string[] headers = { "ID", "MEDIA", "GENERATION TYPES", "INPUTS", "EST. TIME", "COST" };
        var rows = live.Models.Select(m => new[]
        {
            m.Id,
            m.MediaType ?? "-",
            m.GenerationTypes.Count == 0 ? "-" : string.Join(", ", m.GenerationTypes),
            m.Inputs.Count == 0 ? string.Join(", ", m.InputMediaTypes) : string.Join("; ", m.Inputs.Select(i => $"{i.Key}: {Inputs(i.Value)}")),
            m.EstimatedTimeSeconds is double s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "-",
            m.CreditsPerSecond is double c ? c.ToString("0.###", CultureInfo.InvariantCulture) + " cr/s" : "-",
        }).ToList();
        int[] widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        error.WriteLine($"{live.Models.Count} model(s) from {connection.Description}.");
        return ExitCodes.Success;
    }

    private static string Inputs(ModelInputs inputs)
    {
        var parts = new List<string>();
        if (inputs.Images is { } images)
        {
            parts.Add($"{Count(images)} image(s)");
        }

        if (inputs.Videos is { } videos)
        {
            parts.Add($"{Count(videos)} video(s)");
        }

        return parts.Count == 0 ? "none" : string.Join(" + ", parts);
    }

    private static string Count(InputCount count) =>
        count.Min == count.Max ? $"{count.Min}" : count.Max is null ? $"{count.Min}+" : $"{count.Min}-{count.Max}";
}
