using System.Globalization;

namespace MediaModels.Generators.Emit;

/// <summary>
/// The names of the generated files, in one place: the two files written once per catalog, and the files that hold
/// the models' classes, <see cref="ModelGroupCount"/> at most, each model in the one its type name hashes to.
/// </summary>
/// <remarks>
/// Why groups and not one file per model: after every edit Roslyn (4.8 to at least 4.14) adds each generated file
/// again, cached or not, and <c>AdditionalSourcesCollection.Add</c> compares each hint name with every earlier one,
/// which is quadratic in the number of files (measured with a trivial generator: 500 files 1.2 ms, 2,000 files
/// 15–18 ms, 4,000 files 62 ms). A fixed number of groups keeps that cost flat however large the catalog grows, while an
/// edit to one model still re-emits only its group. The group of a model depends on its type name alone (a stable
/// hash, not <see cref="string.GetHashCode()"/>, which differs between processes), so adding, removing or changing a
/// model never moves another one to a different file.
/// </remarks>
internal static class HintNames
{
    /// <summary>MediaCatalog's entry point, the catalog as literals and the builders' shared state.</summary>
    public const string Catalog = "MediaCatalog.g.cs";

    /// <summary>The AspectRatio value type.</summary>
    public const string AspectRatio = "AspectRatio.g.cs";

    /// <summary>
    /// How many files the models are spread over: at 2,000 models about 31 a file (a one-model edit re-emits ~0.5 ms of
    /// C#), and 64 hint names cost the driver next to nothing.
    /// </summary>
    public const int ModelGroupCount = 64;

    private const string ModelGroupPrefix = "MediaCatalog.Models";
    private const string Suffix = ".g.cs";

    /// <summary>The group (0 to <see cref="ModelGroupCount"/> - 1) of a model's class: FNV-1a over its type name.</summary>
    public static int GroupOf(string typeName)
    {
        uint hash = 2166136261;
        foreach (char c in typeName)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % ModelGroupCount);
    }

    /// <summary>The file of a group: <c>MediaCatalog.Models07.g.cs</c>.</summary>
    public static string ModelGroup(int group) => ModelGroupPrefix + group.ToString("D2", CultureInfo.InvariantCulture) + Suffix;

    /// <summary>The file that holds a model's class.</summary>
    public static string ModelFile(string typeName) => ModelGroup(GroupOf(typeName));
}
