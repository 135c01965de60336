using System;
using System.Linq;
using System.Reflection;

namespace MediaModels.Generators.Tests;

/// <summary>What the generator assembly needs at load time inside the compiler.</summary>
public class PackagingTests
{
    [Fact]
    public void Generator_references_Roslyn_4_8_and_only_assemblies_the_compiler_provides_or_that_ship_beside_it()
    {
        AssemblyName[] references = typeof(MediaModelsGenerator).Assembly.GetReferencedAssemblies();
        string described = string.Join(", ", references.Select(r => $"{r.Name} {r.Version}"));

        Assert.Equal(new Version(4, 8, 0, 0), references.Single(r => r.Name == "Microsoft.CodeAnalysis").Version);
        Assert.Equal(new Version(4, 8, 0, 0), references.Single(r => r.Name == "Microsoft.CodeAnalysis.CSharp").Version);
        string[] allowed = { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "MediaModels.Catalog", "System.Collections.Immutable", "System.Memory" };
        Assert.True(references.All(r => allowed.Contains(r.Name)), "Unexpected reference: " + described);

        // System.Collections.Immutable comes from the compiler, not from the package, so the generator may ask for no
        // more than Roslyn 4.8 itself does (7.0): a .NET Framework host of Roslyn 4.8 (Visual Studio 17.8) has 7.0, and
        // a reference to 8.0 would fail to load there (it did while the catalog library pulled in SCI 8.0).
        Assert.Equal(new Version(7, 0, 0, 0), references.Single(r => r.Name == "System.Collections.Immutable").Version);
        AssemblyName roslynsOwn = typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetReferencedAssemblies().Single(r => r.Name == "System.Collections.Immutable");
        Assert.True(references.Single(r => r.Name == "System.Collections.Immutable").Version <= roslynsOwn.Version, described + "; Roslyn asks for " + roslynsOwn.Version);
    }

    [Fact]
    public void The_catalog_assembly_needs_only_YamlDotNet_beside_the_generator()
    {
        AssemblyName[] references = typeof(MediaModels.Catalog.ModelSpec).Assembly.GetReferencedAssemblies();
        string[] allowed = { "netstandard", "YamlDotNet", "System.Collections.Immutable", "System.Memory" };
        Assert.True(references.All(r => allowed.Contains(r.Name)), string.Join(", ", references.Select(r => $"{r.Name} {r.Version}")));
    }
}
