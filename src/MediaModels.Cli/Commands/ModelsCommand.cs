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
using MediaModels.Catalog.Rules;

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
                // The rule engine's verdict on the id alone: a typo (MM0001, naming the id) or a model the catalog does not know (MM0008).
                Violation unknown = new RuleEngine(result.Catalog).CheckModelId(wanted)!;
                error.WriteLine($"{(unknown.Severity == Severity.Error ? "error" : "warning")} {unknown.Id}: {unknown.Message}");
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
            CostText(m),
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

    /// <summary>"24 cr/s of the reference video (at most 720 cr)", "5 cr", "-".</summary>
    private static string CostText(ModelInfo model)
    {
        var parts = new List<string>();
        if (model.CreditsPerSecond is double perSecond)
        {
            parts.Add(perSecond.ToString("0.###", CultureInfo.InvariantCulture) + " cr/s" + (model.Cost?.SecondsOf == "reference_video" ? " of the reference video" : string.Empty));
        }

        if (model.Cost?.CreditsPerGeneration is double flat)
        {
            parts.Add(flat.ToString("0.###", CultureInfo.InvariantCulture) + " cr");
        }

        if (model.Cost?.MaxCredits is double most)
        {
            parts.Add("at most " + most.ToString("0.###", CultureInfo.InvariantCulture) + " cr");
        }

        return parts.Count == 0 ? (model.Cost is { Notes.Count: > 0 } ? "see notes" : "-") : string.Join(", ", parts);
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
