using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MediaModels.Package.Tests;

/// <summary>
/// Packs every package (MediaModels, MediaModels.Client, MediaModels.Sandbox, MediaModels.Tool) once, from a copy of the sources (so the pack's restore and build never
/// race with other test assemblies building the same projects), into a folder feed with an isolated NuGet cache.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string Version = "0.1.0-e2e";

    public PackedFeed()
    {
        Root = Directory.CreateTempSubdirectory("mediamodels-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-cache"),
            ["DOTNET_ROLL_FORWARD"] = "Major",
        };

        string sources = Path.Combine(Root, "sources");
        string repository = RepositoryRoot();
        foreach (string item in new[] { "src", "catalog" })
        {
            CopyTree(Path.Combine(repository, item), Path.Combine(sources, item));
        }

        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(sources, file));
        }

        foreach (string project in Projects.Values)
        {
            (int exit, string output) = DotnetProcess.Run(sources, Environment, "pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version);
            PackOutput += output;
            if (exit != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    /// <summary>Every package this repository publishes, with the project that packs it.</summary>
    public static IReadOnlyDictionary<string, string> Projects { get; } = new Dictionary<string, string>
    {
        ["MediaModels"] = "src/MediaModels/MediaModels.csproj",
        ["MediaModels.Client"] = "src/MediaModels.Client/MediaModels.Client.csproj",
        ["MediaModels.Sandbox"] = "src/MediaModels.Sandbox/MediaModels.Sandbox.csproj",
        ["MediaModels.Tool"] = "src/MediaModels.Cli/MediaModels.Cli.csproj",
    };

    public string Root { get; }

    public string Feed { get; }

    public string PackOutput { get; } = string.Empty;

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A fresh consumer folder whose nuget.config adds the feed.</summary>
    public string NewConsumer(string name)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="e2e-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp folder is cleaned by the OS later.
        }
    }

    internal static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaModels.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("MediaModels.sln not found");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, directory);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                Directory.CreateDirectory(Path.Combine(to, relative));
            }
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                File.Copy(file, Path.Combine(to, relative));
            }
        }
    }
}
