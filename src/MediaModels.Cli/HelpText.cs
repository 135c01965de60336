using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace MediaModels.Cli;

/// <summary>
/// Corrections to System.CommandLine 2.0's help, whose builder is not public: its list of subcommands shows every
/// argument as <c>&lt;NAME&gt;</c>, so an optional id reads as required (<c>models &lt;ID&gt;</c>) and a list as one value.
/// Here each reads as the command's own usage line has it (<c>models [&lt;ID&gt;]</c>, <c>validate &lt;FILE&gt;...</c>),
/// the column re-aligned; then the exit-code table that every command shares.
/// </summary>
internal static class HelpText
{
    public static string Complete(string help, Command command)
    {
        var labels = command.Subcommands
            .Where(c => !c.Hidden)
            .Select(c => (Printed: Label(c, Printed), Correct: Label(c, Correct)))
            .ToArray();
        int column = labels.Length == 0 ? 0 : labels.Max(l => l.Correct.Length) + 2;
        var lines = help.Replace("\r\n", "\n").Split('\n').ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            foreach ((string printed, string correct) in labels)
            {
                string prefix = "  " + printed + "  ";
                if (lines[i].StartsWith(prefix, StringComparison.Ordinal))
                {
                    lines[i] = "  " + correct.PadRight(column) + lines[i].Substring(prefix.Length).TrimStart();
                    break;
                }
            }
        }

        var text = new StringWriter();
        text.Write(string.Join(Environment.NewLine, lines).TrimEnd());
        text.WriteLine();
        text.WriteLine();
        text.WriteLine("Exit codes:");
        foreach ((int code, string meaning) in ExitCodes.Table)
        {
            text.WriteLine($"  {code}  {meaning}");
        }

        return text.ToString();
    }

    private static string Label(Command command, Func<Argument, string> argument) =>
        string.Join(" ", command.Arguments.Where(a => !a.Hidden).Select(argument).Prepend(command.Name));

    private static string Printed(Argument argument) => $"<{argument.HelpName ?? argument.Name}>";

    private static string Correct(Argument argument)
    {
        string label = Printed(argument) + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty);
        return argument.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label;
    }
}
