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

        // System.Collections.Immutable comes from the compiler, not from the package: 8.0 is what the .NET 8 SDK's
        // compiler has (it arrives transitively from MediaModels.Catalog; Roslyn 4.8 itself asks for 7.0).
        Assert.True(references.Single(r => r.Name == "System.Collections.Immutable").Version <= new Version(8, 0, 0, 0), described);
    }

    [Fact]
    public void The_catalog_assembly_needs_only_YamlDotNet_beside_the_generator()
    {
        AssemblyName[] references = typeof(MediaModels.Catalog.ModelSpec).Assembly.GetReferencedAssemblies();
        string[] allowed = { "netstandard", "YamlDotNet", "System.Collections.Immutable", "System.Memory" };
        Assert.True(references.All(r => allowed.Contains(r.Name)), string.Join(", ", references.Select(r => $"{r.Name} {r.Version}")));
    }
}
