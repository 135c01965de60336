using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using MediaModels.Catalog.Naming;

namespace MediaModels.Cli;

/// <summary>What usage errors and hints need to know about a command's place in the tree: its path, its options.</summary>
internal static class CommandTree
{
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

    /// <summary><c>Run 'mediamodels catalog check --help' for usage.</c></summary>
    public static string Hint(Command command)
    {
        string path = string.Join(" ", Ancestors(command).Reverse().Select(c => c.Name).Append(command.Name));
        return $"Run '{path} --help' for usage.";
    }
}
