using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Cli.Json;
using MediaModels.Client;

namespace MediaModels.Cli.Commands;

/// <summary><c>models [ID]</c>: every model at a glance, or one model in full.</summary>
internal static class ModelsCommand
{
    public static Command Create(CatalogOptions catalog, ServerOptions server, CliContext context)
    {
        var id = new Argument<string?>("ID") { Description = "A model id to show in full (optional).", Arity = ArgumentArity.ZeroOrOne, HelpName = "ID" };
        Option<OutputFormat> format = CliContext.FormatOption(
            """without ID, [{"id", "media", "generation_types", "durations", "sound", "prompt_max_length"}…]; with ID, {"id", "media", "type_name", "declared_at", "facts": [{"subject", "label", "applies", "value", "notes"}…]}; from a server, its get_models entries as sent.""");
        var command = new Command("models", "List the catalog's models at a glance, or show one model in full; with --server or --stdio-command, the service's live get_models list.") { id, format };
        catalog.AddTo(command);
        server.AddTo(command, ServerUse.NamedServerOnly);
        command.SetAction(async (parse, cancellationToken) =>
        {
            Reporter reporter = context.Reporter(parse);
            bool json = parse.GetValue(format) == OutputFormat.Json;
            CatalogReadResult result = catalog.Read(parse, context);
            if (parse.GetValue(server.Server) is not null || parse.GetValue(server.StdioCommand) is not null)
            {
                return await LiveAsync(parse, catalog, server, result, parse.GetValue(id), json, reporter, cancellationToken);
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                reporter.Problem(diagnostic.ToString());
            }

            if (result.HasErrors && CatalogOptions.HasUnreadable(result))
            {
                return ExitCodes.Unreadable;
            }

            string? wanted = parse.GetValue(id);
            if (wanted is null)
            {
                if (json)
                {
                    CliJson.Write(reporter.Output, writer => WriteCatalogJson(result.Catalog, writer));
                }
                else
                {
                    ModelText.WriteTable(result.Catalog, reporter.Output);
                }

                reporter.Status($"{result.Catalog.Models.Count} model(s).");
                return result.HasErrors ? ExitCodes.Invalid : ExitCodes.Success;
            }

            ModelSpec? model = result.Catalog.Find(wanted);
            if (model is null)
            {
                // The rule engine's verdict on the id alone: a typo (MM0001, naming the id) or a model the catalog does not know (MM0008).
                Violation unknown = new RuleEngine(result.Catalog).CheckModelId(wanted)!;
                reporter.Problem($"{(unknown.Severity == Severity.Error ? "error" : "warning")} {unknown.Id}: {unknown.Message}");
                return ExitCodes.Invalid;
            }

            if (json)
            {
                CliJson.Write(reporter.Output, writer => WriteModelJson(model, result.Catalog, writer));
            }
            else
            {
                ModelText.WriteDetails(model, result.Catalog, reporter.Output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteCatalogJson(ModelCatalog catalog, Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (ModelSpec model in catalog.Models)
        {
            json.WriteStartObject();
            json.WriteString("id", model.Id);
            json.WriteString("media", ModelText.Media(model));
            json.WriteStartArray("generation_types");
            foreach (var type in model.GenerationTypes)
            {
                json.WriteStringValue(type.Type);
            }

            json.WriteEndArray();
            json.WriteString("durations", model.Duration.Kind == DurationKind.Unsupported ? null : model.Duration.Describe());
            json.WriteBoolean("sound", model.Sound);
            if (model.PromptMaxLength is int limit)
            {
                json.WriteNumber("prompt_max_length", limit);
            }
            else
            {
                json.WriteNull("prompt_max_length");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteModelJson(ModelSpec model, ModelCatalog catalog, Utf8JsonWriter json)
    {
        var sheet = ModelFactSheet.Of(model, catalog.Defaults);
        json.WriteStartObject();
        json.WriteString("id", model.Id);
        json.WriteString("media", ModelText.Media(model));
        json.WriteString("type_name", ModelNaming.TypeNameOf(model));
        json.WriteString("declared_at", catalog.OriginOf(model.Id) is SourceLocation origin ? origin.ToString() : null);
        json.WriteStartArray("facts");
        foreach (ModelFact fact in sheet.Facts)
        {
            json.WriteStartObject();
            json.WriteString("subject", JsonNamingPolicy.SnakeCaseLower.ConvertName(fact.Subject.ToString()));
            json.WriteString("label", fact.Label);
            json.WriteBoolean("applies", fact.Applies);
            json.WriteString("value", fact.Value);
            json.WriteStartArray("notes");
            foreach (string note in fact.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task<int> LiveAsync(ParseResult parse, CatalogOptions catalog, ServerOptions server, CatalogReadResult read, string? wanted, bool json, Reporter reporter, CancellationToken cancellationToken)
    {
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

        if (wanted is not null)
        {
            ModelInfo? model = live.Find(wanted);
            if (model is null)
            {
                reporter.Problem($"error: the service lists no model '{wanted}'.");
                return ExitCodes.Invalid;
            }

            reporter.Output.WriteLine(model.Raw.GetRawText());
            return ExitCodes.Success;
        }

        if (json)
        {
            CliJson.Write(reporter.Output, writer =>
            {
                writer.WriteStartArray();
                foreach (ModelInfo model in live.Models)
                {
                    model.Raw.WriteTo(writer);
                }

                writer.WriteEndArray();
            });
        }
        else
        {
            TextTable.Write(
                reporter.Output,
                new[] { "ID", "MEDIA", "GENERATION TYPES", "INPUTS", "EST. TIME", "COST" },
                live.Models.Select(m => new[]
                {
                    m.Id,
                    m.MediaType ?? "-",
                    m.GenerationTypes.Count == 0 ? "-" : string.Join(", ", m.GenerationTypes),
                    m.Inputs.Count == 0 ? string.Join(", ", m.InputMediaTypes) : string.Join("; ", m.Inputs.Select(i => $"{i.Key}: {Inputs(i.Value)}")),
                    m.EstimatedTimeSeconds is double s ? s.ToString("0.###", CultureInfo.InvariantCulture) + " s" : "-",
                    CostText(m),
                }));
        }

        reporter.Status($"{live.Models.Count} model(s) from {connection.Description}.");
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
