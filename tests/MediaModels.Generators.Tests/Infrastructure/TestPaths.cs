using System;
using System.IO;

namespace MediaModels.Generators.Tests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string CatalogFolder => Path.Combine(RepositoryRoot, "catalog");

    public static string TestProjectFolder => Path.Combine(RepositoryRoot, "tests", "MediaModels.Generators.Tests");

    public static string GoldenFolder => Path.Combine(TestProjectFolder, "Golden");

    public static string GeneratorProject => Path.Combine(RepositoryRoot, "src", "MediaModels.Generators", "MediaModels.Generators.csproj");

    public static string GeneratorProps => Path.Combine(RepositoryRoot, "src", "MediaModels.Generators", "build", "MediaModels.Generators.props");

    public static string RuntimeProject => Path.Combine(RepositoryRoot, "src", "MediaModels", "MediaModels.csproj");

    public static string CatalogProject => Path.Combine(RepositoryRoot, "src", "MediaModels.Catalog", "MediaModels.Catalog.csproj");

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
