using System.CommandLine;
using System.IO;
using MediaModels.Cli.Commands;

namespace MediaModels.Cli;

/// <summary>The <c>mediamodels</c> command line: validate, models, catalog check, generate, estimate, drift, serve.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var catalog = new CatalogOptions();
        var server = new ServerOptions();
        var root = new RootCommand("MediaModels: check generate_media requests against the model catalog before they cost credits, and send them.")
        {
            ValidateCommand.Create(catalog, output, error),
            ModelsCommand.Create(catalog, server, output, error),
            CatalogCommand.Create(catalog, output, error),
            DocsCommand.Create(catalog, output, error),
            GenerateCommand.Create(catalog, server, output, error),
            EstimateCommand.Create(catalog, server, output, error),
            DriftCommand.Create(catalog, server, output, error),
            ServeCommand.Create(catalog, output, error),
        };

        ParseResult parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
