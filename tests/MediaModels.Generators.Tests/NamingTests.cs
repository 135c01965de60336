using System;
using System.Linq;
using MediaModels.Catalog.Naming;
using Microsoft.CodeAnalysis.CSharp;

namespace MediaModels.Generators.Tests;

/// <summary>The catalog library's own C# facts (it has no Roslyn reference) are the compiler's.</summary>
public class NamingTests
{
    [Fact]
    public void The_catalog_librarys_keywords_are_roslyns()
    {
        string[] reserved = SyntaxFacts.GetKeywordKinds().Where(SyntaxFacts.IsReservedKeyword).Select(SyntaxFacts.GetText).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        string[] contextual = SyntaxFacts.GetContextualKeywordKinds().Select(SyntaxFacts.GetText).OrderBy(k => k, StringComparer.Ordinal).ToArray();

        Assert.Equal(reserved, CSharpKeywords.Reserved.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(contextual, CSharpKeywords.Contextual.OrderBy(k => k, StringComparer.Ordinal));
        foreach (string keyword in reserved.Concat(contextual))
        {
            Assert.True(CSharpNames.IsKeyword(keyword), keyword);
        }

        Assert.False(CSharpNames.IsKeyword("Class"));
        Assert.False(CSharpNames.IsKeyword("var"));
    }

    [Theory]
    [InlineData("Sora2")]
    [InlineData("Kling30Pro")]
    [InlineData("_")]
    public void Valid_identifiers_are_what_roslyn_accepts(string name)
    {
        Assert.True(ModelNaming.IsValidIdentifier(name));
        Assert.True(SyntaxFacts.IsValidIdentifier(name));
    }

    [Fact]
    public void Names_at_the_catalogs_limit_compile_and_are_written_into_an_assembly()
    {
        string name = new string('A', CSharpNames.MaxNameLength + 16);
        string source = $"public static class {name} {{ public static void {name}X(string {name}Y) {{ }} }}";
        var compilation = CSharpCompilation.Create("x", new[] { CSharpSyntaxTree.ParseText(source) }, Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var stream = new System.IO.MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
