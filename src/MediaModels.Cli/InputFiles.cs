using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace MediaModels.Cli;

/// <summary>One input after expansion: a file, standard input (<c>-</c>), or an argument that named nothing readable.</summary>
/// <param name="Path">The file as the user would write it (a glob's matches keep the argument's folder part).</param>
/// <param name="Problem">Why the argument gave no file (a folder without matching files, a glob without matches), or null.</param>
internal sealed record InputFile(string Path, string? Problem = null)
{
    /// <summary>The argument that names standard input.</summary>
    public const string StandardInputName = "-";

    public bool IsStandardInput => Path == StandardInputName && Problem is null;
}

/// <summary>
/// The one expansion of file arguments that every command uses: several arguments; <c>-</c> for standard input; a folder
/// for the files directly in it with the command's extensions; a glob (<c>*</c> within a name, <c>**</c> across folders,
/// Microsoft.Extensions.FileSystemGlobbing's syntax) for the files it matches, whatever their extension. Matches come in
/// ordinal order, each file once. An argument that names nothing is kept with a <see cref="InputFile.Problem"/>, so the
/// command reports it as unreadable in its place and still reads the others.
/// </summary>
internal sealed class InputFiles
{
    /// <summary>Request files: <c>*.json</c>.</summary>
    public static InputFiles Requests { get; } = new("request", ".json");

    /// <summary>Catalog files: <c>*.yaml</c> and <c>*.yml</c>, as catalog folders are read everywhere.</summary>
    public static InputFiles Catalogs { get; } = new("catalog", ".yaml", ".yml");

    private static readonly char[] GlobCharacters = { '*', '?', '[' };

    private InputFiles(string kind, params string[] extensions)
    {
        Kind = kind;
        Extensions = extensions;
    }

    /// <summary>What the files hold, for messages ("request", "catalog").</summary>
    public string Kind { get; }

    /// <summary>The extensions a folder is searched for.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The extensions as a user reads them: <c>*.yaml or *.yml</c>.</summary>
    public string ExtensionList => string.Join(" or ", Extensions.Select(e => "*" + e));

    /// <summary>Every file the arguments name, in argument order.</summary>
    public IReadOnlyList<InputFile> Expand(IEnumerable<string> arguments)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (string argument in arguments)
        {
            foreach (InputFile file in ExpandOne(argument))
            {
                string key = file.Problem is not null || file.IsStandardInput ? "\0" + file.Path : System.IO.Path.GetFullPath(file.Path);
                if (seen.Add(key))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    private IEnumerable<InputFile> ExpandOne(string argument)
    {
        if (argument == InputFile.StandardInputName || File.Exists(argument))
        {
            return new[] { new InputFile(argument) };
        }

        if (Directory.Exists(argument))
        {
            string[] found = Directory.EnumerateFiles(argument)
                .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            return found.Length > 0
                ? found.Select(f => new InputFile(f))
                : new[] { new InputFile(argument, $"the folder has no {ExtensionList} file") };
        }

        if (argument.IndexOfAny(GlobCharacters) >= 0)
        {
            string[] matches = Glob(argument);
            return matches.Length > 0
                ? matches.Select(f => new InputFile(f))
                : new[] { new InputFile(argument, "no file matches this pattern (patterns: * within a name, ** across folders)") };
        }

        // Neither a file nor a folder nor a pattern: reading it gives the precise reason (not found, denied…).
        return new[] { new InputFile(argument) };
    }

    /// <summary>Matches <paramref name="pattern"/> from its last folder without wildcards; results keep that folder as written.</summary>
    private static string[] Glob(string pattern)
    {
        string[] segments = pattern.Replace('\\', '/').Split('/');
        int firstWild = Array.FindIndex(segments, s => s.IndexOfAny(GlobCharacters) >= 0);
        string baseFolder = string.Join("/", segments.Take(firstWild));
        if (firstWild > 0 && baseFolder.Length == 0)
        {
            baseFolder = "/";
        }

        string relative = string.Join("/", segments.Skip(firstWild));
        string root = baseFolder.Length == 0 ? "." : baseFolder;
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var matcher = new Matcher(OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        matcher.AddInclude(relative);
        return matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(root))).Files
            .Select(match => baseFolder.Length == 0 ? match.Path : System.IO.Path.Combine(baseFolder, match.Path))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
    }
}
