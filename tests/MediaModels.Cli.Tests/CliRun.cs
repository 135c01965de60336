using System;
using System.IO;
using System.Text;

namespace MediaModels.Cli.Tests;

/// <summary>Runs the command line in process, as the installed tool runs it, with a given standard input.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    public static (int Exit, string Out, string Err) RunWithInput(string? standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Func<Stream> input = () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput ?? string.Empty));
        int exit = CliApp.Run(args, output, error, input);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The folder holding MediaModels.sln.</summary>
    public static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaModels.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory!;
    }
}
