using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace MediaModels.Generators.Tests.Infrastructure;

/// <summary>
/// Runs <c>mediamodels catalog check</c> in this process: the command-line assembly as built beside this project
/// (the project references it for the build order only), loaded into a context of its own, so the real runtime
/// library it uses does not meet the runtime stand-in this test assembly compiles, and called through its entry point
/// the way the command line calls it. A process per call would cost a quarter of a second each.
/// </summary>
internal static class CatalogCheckCommand
{
    private static readonly Lazy<MethodInfo> Run = new(Load);

    private static readonly Regex Line = new(@"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\): error (?<id>MM\d{4}): ", RegexOptions.Compiled);

    /// <summary>Runs the command line with <paramref name="args"/>: exit code, standard output and standard error.</summary>
    public static (int Exit, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = (int)Run.Value.Invoke(null, new object?[] { args, output, error, null })!;
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The diagnostics <c>catalog check --no-shipped-catalog PATH...</c> prints, as (rule ID, file, 1-based line,
    /// 1-based column).
    /// </summary>
    public static IReadOnlyList<(string Id, string File, int Line, int Column)> Check(params string[] paths)
    {
        (int exit, string output, string error) = Invoke(new[] { "catalog", "check", "--no-shipped-catalog" }.Concat(paths).ToArray());
        var diagnostics = new List<(string, string, int, int)>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Match match = Line.Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                throw new InvalidOperationException($"catalog check printed a line that is not a diagnostic: {line}");
            }

            diagnostics.Add((match.Groups["id"].Value, match.Groups["file"].Value, int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["column"].Value)));
        }

        if (exit != (diagnostics.Count == 0 ? 0 : 1))
        {
            throw new InvalidOperationException($"catalog check exited with {exit} for {diagnostics.Count} diagnostic(s): {error}");
        }

        return diagnostics;
    }

    private static MethodInfo Load()
    {
        // Built with the same configuration as this test assembly: bin/<Configuration>/<TargetFramework>/.
        string testFolder = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string framework = Path.GetFileName(testFolder);
        string configuration = Path.GetFileName(Path.GetDirectoryName(testFolder)!);
        string assembly = Path.Combine(TestPaths.RepositoryRoot, "src", "MediaModels.Cli", "bin", configuration, framework, "MediaModels.Cli.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing; the test project's reference to MediaModels.Cli builds it.");
        }

        var context = new CommandLineContext(assembly);
        Type app = context.LoadFromAssemblyPath(assembly).GetType("MediaModels.Cli.CliApp", throwOnError: true)!;
        // Run(args, output, error, openStandardInput): the last is null here (no file is '-').
        return app.GetMethod("Run", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, new[] { typeof(string[]), typeof(TextWriter), typeof(TextWriter), typeof(Func<Stream>) })
            ?? throw new InvalidOperationException("MediaModels.Cli.CliApp.Run(string[], TextWriter, TextWriter, Func<Stream>) is missing: the command line's entry point changed.");
    }

    /// <summary>Resolves the command line's own dependencies from its deps.json, and ASP.NET Core from the shared framework.</summary>
    private sealed class CommandLineContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver _resolver;

        public CommandLineContext(string assembly)
            : base("mediamodels-cli")
        {
            _resolver = new AssemblyDependencyResolver(assembly);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            if (_resolver.ResolveAssemblyToPath(name) is string path)
            {
                return LoadFromAssemblyPath(path);
            }

            // The command line references the ASP.NET Core shared framework (for `serve`), which this test host does not
            // load; it sits beside the runtime's own folder, in the same version.
            string runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
            string shared = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(runtime)!)!, "Microsoft.AspNetCore.App");
            string sameVersion = Path.Combine(shared, Path.GetFileName(runtime));
            string? folder = Directory.Exists(sameVersion)
                ? sameVersion
                : Directory.Exists(shared) ? Directory.GetDirectories(shared).OrderBy(d => Version.TryParse(Path.GetFileName(d), out Version? v) ? v : new Version()).LastOrDefault() : null;
            string? file = folder is null ? null : Path.Combine(folder, name.Name + ".dll");
            return file is not null && File.Exists(file) ? LoadFromAssemblyPath(file) : null;
        }
    }
}
