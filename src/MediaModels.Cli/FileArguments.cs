using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;

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
                result.AddError(CommandTree.UnknownOption(token, command, $" (for a file of that name, write ./{token})"));
            }
        });
        return argument;
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-';
}
