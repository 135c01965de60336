using System.CommandLine;
using System.IO;
using MediaModels.Cli.Commands;

namespace MediaModels.Cli;

/// <summary>The <c>mediamodels</c> command line: validate, models, catalog check.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var catalog = new CatalogOptions();
        var root = new RootCommand("MediaModels: check generate_media requests against the model catalog before they cost credits.")
        {
            ValidateCommand.Create(catalog, output, error),
            ModelsCommand.Create(catalog, output, error),
            CatalogCommand.Create(catalog, output, error),
        };

        ParseResult parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
