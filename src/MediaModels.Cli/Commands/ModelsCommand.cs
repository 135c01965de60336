using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;

namespace MediaModels.Cli.Commands;

/// <summary><c>models [ID]</c>: every model at a glance, or one model in full.</summary>
internal static class ModelsCommand
{
    public static Command Create(CatalogOptions catalog, TextWriter output, TextWriter error)
    {
        var id = new Argument<string?>("ID") { Description = "A model id to show in full.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "List the catalog's models at a glance, or show one model in full.") { id };
        catalog.AddTo(command);
        command.SetAction(parse =>
        {
            CatalogReadResult result = catalog.Read(parse);
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
}
