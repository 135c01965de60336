using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MediaModels.Cli;

/// <summary>
/// The tables of <c>models</c> and <c>drift</c>, laid out by Spectre.Console: borderless columns (greppable, one row per
/// line) with a bold header on a terminal, which also sets the width; redirected output is never wrapped and has no
/// trailing blanks.
/// </summary>
internal static class TextTable
{
    /// <summary>Widest line written when stdout is not a terminal: wide enough that no cell wraps.</summary>
    private const int RedirectedWidth = 4096;

    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var plain = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(terminal ? output : plain),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        var table = new Table().NoBorder();
        for (int i = 0; i < headers.Count; i++)
        {
            table.AddColumn(new TableColumn(new Text(headers[i], new Style(decoration: Decoration.Bold))).PadLeft(0).PadRight(i == headers.Count - 1 ? 0 : 2));
        }

        foreach (IReadOnlyList<string> row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)));
        }

        console.Write(table);
        if (!terminal)
        {
            // Spectre pads the last column too; a file or a pipe gets no trailing blanks.
            foreach (string line in plain.ToString().Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
            {
                output.WriteLine(line.TrimEnd());
            }
        }
    }
}
