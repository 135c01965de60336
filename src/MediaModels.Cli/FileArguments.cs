using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using MediaModels.Catalog.Naming;

namespace MediaModels.Cli;

/// <summary>
/// The file arguments of every file-taking command, expanded by <see cref="InputFiles"/>. The parser hands a token it
/// does not know as an option (<c>--bogus</c>) to a file argument, which refuses it here as the usage error it is.
/// </summary>
internal static class FileArguments
{
    /// <summary>A <c>FILE...</c> argument taking <paramref name="arity"/> values of <paramref name="kind"/>.</summary>
    public static Argument<string[]> Create(string name, InputFiles kind, string description, ArgumentArity arity)
    {
        var argument = new Argument<string[]>(name)
        {
            Description = $"{description} Several may be given; a folder stands for its {kind.ExtensionList} files, a glob (* within a name, ** across folders) for its matches, '-' for standard input.",
            Arity = arity,
            HelpName = name,
        };
        argument.Validators.Add(result =>
        {
            foreach (string token in result.Tokens.Select(t => t.Value).Where(LooksLikeOption))
            {
                Command? command = (result.Parent as CommandResult)?.Command;
                result.AddError(UnknownOption(token, command, $" (for a file of that name, write ./{token})"));
            }
        });
        return argument;
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';

    /// <summary><c>Unrecognized option '--bogus'. Did you mean '--format'?</c></summary>
    public static string UnknownOption(string token, Command? command, string aside = "") =>
        $"Unrecognized option '{token}'{aside}." + (command is not null && NearestOption(token, command) is string nearest ? $" Did you mean '{nearest}'?" : string.Empty);

    /// <summary>The option of <paramref name="command"/> nearest to a mistyped <c>--name</c>, or null.</summary>
    public static string? NearestOption(string token, Command command) =>
        token.StartsWith("--", StringComparison.Ordinal)
            ? NearestName.Find(token, OptionsOf(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(a => a.StartsWith("--", StringComparison.Ordinal)).Distinct())
            : null;

    /// <summary>The options a command accepts: its own and its ancestors' recursive ones.</summary>
    public static IEnumerable<Option> OptionsOf(Command command)
    {
        IEnumerable<Option> options = command.Options;
        foreach (Command parent in Ancestors(command))
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options;
    }

    /// <summary>The commands above <paramref name="command"/>, nearest first.</summary>
    public static IEnumerable<Command> Ancestors(Command command)
    {
        for (Command? parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }
}
