using System.Collections.Generic;
using System.CommandLine;
using MediaModels.Catalog.Reading;

namespace MediaModels.Cli;

/// <summary>The options every command uses to choose its catalog: the shipped one plus overlays.</summary>
internal sealed class CatalogOptions
{
    public Option<string[]> Catalog { get; } = new("--catalog")
    {
        Description = "A catalog file or folder merged after the shipped catalog (repeatable): adds models or overrides shipped ones.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoShipped { get; } = new("--no-shipped-catalog")
    {
        Description = "Use only the --catalog files, not the catalog shipped with MediaModels.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Catalog);
        command.Options.Add(NoShipped);
    }

    public CatalogReadResult Read(ParseResult parse, IEnumerable<string>? extra = null)
    {
        var overlays = new List<string>(parse.GetValue(Catalog) ?? System.Array.Empty<string>());
        if (extra is not null)
        {
            overlays.AddRange(extra);
        }

        return ShippedCatalog.ReadWith(overlays, includeShipped: !parse.GetValue(NoShipped));
    }
}
