using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MediaModels.Catalog;
using MediaModels.Catalog.Reading;

namespace MediaModels;

/// <summary>
/// The catalog shipped with this version of MediaModels, embedded in the assembly so validation needs no files.
/// </summary>
/// <remarks>
/// Reading it parses YAML, which needs YamlDotNet at run time. A project whose build ran the MediaModels generator does
/// not need this: <see cref="Validation.RequestValidator.Default"/> uses the catalog the build compiled to C#
/// (<see cref="Validation.CompiledCatalogs"/>), and the MediaModels package does not bring YamlDotNet to run time.
/// </remarks>
public static class ShippedCatalog
{
    private const string ResourcePrefix = "MediaModels.Catalog.";

    private static readonly Lazy<ModelCatalog> Loaded = new(Load);

    /// <summary>The shipped catalog, read once.</summary>
    public static ModelCatalog Instance => Loaded.Value;

    /// <summary>The shipped catalog files (name and YAML text), in merge order.</summary>
    public static IReadOnlyList<(string Path, string Text)> Sources()
    {
        Assembly assembly = typeof(ShippedCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => ("catalog/" + n.Substring(ResourcePrefix.Length), ReadResource(assembly, n)))
            .ToArray();
    }

    /// <summary>
    /// Reads the shipped catalog followed by <paramref name="overlays"/> (files or folders), so overlays can add models
    /// or override shipped ones.
    /// </summary>
    public static CatalogReadResult ReadWith(IEnumerable<string> overlays, bool includeShipped = true) => WithYaml(() =>
    {
        IEnumerable<CatalogFile> shipped = includeShipped ? ParsedSources() : Enumerable.Empty<CatalogFile>();
        return CatalogMerger.Merge(shipped.Concat(CatalogReader.ParseFiles(overlays)));
    });

    /// <summary>Reads the shipped catalog followed by overlay texts (path used only in positions), e.g. one typed in a tool.</summary>
    public static CatalogReadResult ReadWith(IEnumerable<(string Path, string Text)> overlays) =>
        WithYaml(() => CatalogMerger.Merge(ParsedSources().Concat(overlays.Select(o => CatalogFileParser.Parse(o.Path, o.Text))).ToArray()));

    private static IEnumerable<CatalogFile> ParsedSources() => Sources().Select(s => CatalogFileParser.Parse(s.Path, s.Text));

    private static ModelCatalog Load()
    {
        CatalogReadResult result = WithYaml(() => CatalogReader.Read(Sources()));
        if (result.HasErrors)
        {
            // Only a broken build of this package could get here; tests guard the shipped files.
            throw new InvalidOperationException("The shipped catalog has errors:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return result.Catalog;
    }

    /// <summary>
    /// Runs a YAML read after checking that YamlDotNet can be loaded (the package leaves it out of run time). The check
    /// comes first because the catalog reader turns every parser failure, a load failure included, into a positioned
    /// internal-error diagnostic; here the missing assembly gets an error that says what to do.
    /// </summary>
    private static T WithYaml<T>(Func<T> read)
    {
        // Only the reference's name is read, from the catalog assembly's metadata: if a trimmer removed it, there is no
        // name to check and the read reports whatever happens.
#pragma warning disable IL2026
        AssemblyName? yaml = typeof(CatalogReader).Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == "YamlDotNet");
#pragma warning restore IL2026
        if (yaml is not null)
        {
            try
            {
                Assembly.Load(yaml);
            }
            catch (Exception exception) when (exception is FileNotFoundException or FileLoadException)
            {
                throw new InvalidOperationException(
                    "Reading catalog YAML at run time needs YamlDotNet, which the MediaModels package does not bring to run time: "
                    + "a build that runs the MediaModels generator compiles the catalog instead (RequestValidator.Default). "
                    + "Add <PackageReference Include=\"YamlDotNet\" /> to read catalog files or the shipped catalog at run time.",
                    exception);
            }
        }

        return read();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
