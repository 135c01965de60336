using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using MediaModels.Cli.Commands;

namespace MediaModels.Cli;

/// <summary>The <c>mediamodels</c> command line: validate, models, catalog check, docs, generate, estimate, drift, serve.</summary>
internal static class CliApp
{
    /// <summary>The program's name wherever it is shown (help, usage hints), however it was started.</summary>
    public const string Name = "mediamodels";

    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? openStandardInput = null)
    {
        var context = new CliContext(output, error, openStandardInput ?? Console.OpenStandardInput);
        var catalog = new CatalogOptions();
        var server = new ServerOptions();

        // A plain Command, not RootCommand: RootCommand takes its name from the executable (MediaModels.Cli, dotnet, testhost).
        var root = new Command(Name, "MediaModels: check generate_media requests against the model catalog before they cost credits, and send them.")
        {
            ValidateCommand.Create(catalog, context),
            ModelsCommand.Create(catalog, server, context),
            CatalogCommand.Create(catalog, context),
            DocsCommand.Create(catalog, context),
            GenerateCommand.Create(catalog, server, context),
            EstimateCommand.Create(catalog, server, context),
            DriftCommand.Create(catalog, server, context),
            ServeCommand.Create(catalog, output, error),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Options.Add(context.Verbosity);

        ParseResult parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            WriteUsageErrors(parse, error);
            return ExitCodes.Usage;
        }

        if (parse.Action is HelpAction)
        {
            // Rendered aside, then completed (subcommand labels, exit codes): the help builder itself is not public.
            var help = new StringWriter();
            int exit = parse.Invoke(new InvocationConfiguration { Output = help, Error = error });
            output.WriteLine(HelpText.Complete(help.ToString(), parse.CommandResult.Command));
            return exit;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CommandFailedException failure)
        {
            error.WriteLine("error: " + failure.Message);
            if (failure.ExitCode == ExitCodes.Usage)
            {
                error.WriteLine(CommandTree.Hint(parse.CommandResult.Command));
            }

            return failure.ExitCode;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // No stack trace on the user's terminal: one line saying it is ours, and what to put in the report.
            error.WriteLine($"error: mediamodels failed unexpectedly; this is a bug, please report it with the command line and this message: {exception.GetType().FullName}: {exception.Message}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>Each parse error, a did-you-mean for an unknown option, and where the usage is.</summary>
    private static void WriteUsageErrors(ParseResult parse, TextWriter error)
    {
        Command command = parse.CommandResult.Command;
        foreach (ParseError parseError in parse.Errors)
        {
            error.WriteLine("error: " + parseError.Message);
        }

        foreach (string token in parse.UnmatchedTokens)
        {
            if (CommandTree.NearestOption(token, command) is string nearest)
            {
                error.WriteLine($"Did you mean '{nearest}'?");
            }
        }

        error.WriteLine(CommandTree.Hint(command));
    }
}
