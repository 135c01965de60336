using System;
using System.IO;

namespace MediaModels.Catalog.Tests;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CatalogFolder => Path.Combine(RepositoryRoot, "catalog");

    public static string SpecFile => Path.Combine(RepositoryRoot, "..", "shared", "spec", "media-tools.md");

    private static string FindRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "MediaModels.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("MediaModels.sln not found above " + AppContext.BaseDirectory);
    }
}
