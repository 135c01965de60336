using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;

namespace MediaModels.Cli;

/// <summary>How much a command writes to stderr besides its results and errors, as the dotnet CLI's <c>-v</c>.</summary>
internal enum Verbosity
{
    /// <summary>Results (stdout) and errors only.</summary>
    Quiet = -1,

    /// <summary>Also summaries, progress and notes: the default (so the option's default needs no factory, and help shows none).</summary>
    Normal = 0,

    /// <summary>Also what the command used: the server, each file's outcome.</summary>
    Detailed = 1,
}

/// <summary>What a results-printing command prints on stdout.</summary>
internal enum OutputFormat
{
    /// <summary>The default: lines for people, and MSBuild-style diagnostics for editors and CI.</summary>
    Text = 0,
    Json,
}

/// <summary>
/// What every command shares: the writers, standard input, and the options that mean the same on every command
/// (<c>-v|--verbosity</c> on all of them, <c>--format</c> on those that print results).
/// </summary>
internal sealed class CliContext
{
    private readonly Func<Stream> _openStandardInput;
    private byte[]? _standardInput;

    public CliContext(TextWriter output, TextWriter error, Func<Stream> openStandardInput)
    {
        Output = output;
        Error = error;
        _openStandardInput = openStandardInput;
    }

    /// <summary>Results: what a script reads.</summary>
    public TextWriter Output { get; }

    /// <summary>Errors, summaries, progress and notes.</summary>
    public TextWriter Error { get; }

    /// <summary><c>-v|--verbosity quiet|normal|detailed</c>, on every command (q, n, d as the dotnet CLI accepts them).</summary>
    public Option<Verbosity> Verbosity { get; } = new("--verbosity", "-v")
    {
        Description = "How much to write to stderr besides results and errors: quiet, normal (default) or detailed.",
        HelpName = "quiet|normal|detailed",
        Recursive = true,
        CustomParser = ParseVerbosity,
    };

    /// <summary>The reporter of one invocation, at its verbosity.</summary>
    public Reporter Reporter(ParseResult parse) => new(Output, Error, parse.GetValue(Verbosity));

    /// <summary><c>--format text|json</c> for a command whose JSON output is <paramref name="jsonShape"/>.</summary>
    public static Option<OutputFormat> FormatOption(string jsonShape)
    {
        var option = new Option<OutputFormat>("--format")
        {
            Description = "text (default), or json: " + jsonShape,
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>The bytes of <paramref name="file"/>; standard input is read once, however often <c>-</c> is named.</summary>
    public byte[] ReadAllBytes(InputFile file)
    {
        if (file.Problem is not null)
        {
            throw new IOException(file.Problem + ".");
        }

        if (!file.IsStandardInput)
        {
            return File.ReadAllBytes(file.Path);
        }

        if (_standardInput is null)
        {
            using Stream input = _openStandardInput();
            using var buffer = new MemoryStream();
            input.CopyTo(buffer);
            _standardInput = buffer.ToArray();
        }

        return _standardInput;
    }

    private static Verbosity ParseVerbosity(ArgumentResult result)
    {
        string value = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        switch (value.ToLowerInvariant())
        {
            case "q":
            case "quiet":
                return Cli.Verbosity.Quiet;
            case "n":
            case "normal":
                return Cli.Verbosity.Normal;
            case "d":
            case "detailed":
                return Cli.Verbosity.Detailed;
            default:
                result.AddError($"'{value}' is not a verbosity; use quiet, normal or detailed (or q, n, d).");
                return Cli.Verbosity.Normal;
        }
    }
}

/// <summary>Writes a command's stderr lines at the chosen verbosity; results go to <see cref="Output"/> whatever it is.</summary>
internal sealed class Reporter
{
    public Reporter(TextWriter output, TextWriter error, Verbosity verbosity)
    {
        Output = output;
        Error = error;
        Verbosity = verbosity;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Verbosity Verbosity { get; }

    /// <summary>An error: always written.</summary>
    public void Problem(string line) => Error.WriteLine(line);

    /// <summary>A summary, a progress line or a note: normal and detailed.</summary>
    public void Status(string line)
    {
        if (Verbosity >= Verbosity.Normal)
        {
            Error.WriteLine(line);
        }
    }

    /// <summary>What the command used: detailed only.</summary>
    public void Detail(string line)
    {
        if (Verbosity >= Verbosity.Detailed)
        {
            Error.WriteLine(line);
        }
    }
}

/// <summary>
/// Ends a command with <see cref="ExitCode"/> and <see cref="Exception.Message"/> on stderr (<c>error: …</c>), with the
/// usage hint when it is a usage error. Thrown by a command's action; <see cref="CliApp"/> turns it into the exit code.
/// </summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }

    /// <summary>A usage error: a missing or conflicting option that the parser cannot express.</summary>
    public static CommandFailedException Usage(string message) => new(ExitCodes.Usage, message);
}
