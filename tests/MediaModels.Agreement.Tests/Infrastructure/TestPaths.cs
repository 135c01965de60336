using System;
using System.IO;
using System.Linq;

namespace MediaModels.Agreement.Tests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CatalogFolder => Path.Combine(RepositoryRoot, "catalog");

    /// <summary>The shipped catalog files, in the generator's merge order (ordinal path).</summary>
    public static string[] ShippedCatalogFiles => Directory
        .GetFiles(CatalogFolder, "*.yaml")
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToArray();

    /// <summary>This project's own catalog overlay, the one its build compiled after the shipped catalog.</summary>
    public static string UserOverlay => Path.Combine(RepositoryRoot, "tests", "MediaModels.Agreement.Tests", "user-models.yaml");

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
