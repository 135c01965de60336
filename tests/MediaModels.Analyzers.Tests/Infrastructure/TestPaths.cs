using System;
using System.IO;

namespace MediaModels.Analyzers.Tests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CatalogFolder => Path.Combine(RepositoryRoot, "catalog");

    public static string GeneratorFolder => Path.Combine(RepositoryRoot, "src", "MediaModels.Generators");

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
