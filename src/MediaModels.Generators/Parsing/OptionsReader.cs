using MediaModels.Catalog.Naming;
using MediaModels.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MediaModels.Generators.Parsing;

/// <summary>Reads the generator's MSBuild properties (made visible by build/MediaModels.Generators.props).</summary>
internal static class OptionsReader
{
    public const string NamespaceProperty = "build_property.MediaModelsNamespace";
    public const string AccessibilityProperty = "build_property.MediaModelsGeneratedAccessibility";

    public static GeneratorOptions Read(AnalyzerConfigOptionsProvider provider)
    {
        AnalyzerConfigOptions options = provider.GlobalOptions;
        string ns = GeneratorOptions.DefaultNamespace;
        string? invalidNamespace = null;
        if (options.TryGetValue(NamespaceProperty, out string? configured) && !string.IsNullOrWhiteSpace(configured))
        {
            configured = configured.Trim();
            if (IsNamespace(configured))
            {
                ns = configured;
            }
            else
            {
                invalidNamespace = configured;
            }
        }

        bool isPublic = false;
        string? invalidAccessibility = null;
        if (options.TryGetValue(AccessibilityProperty, out string? accessibility) && !string.IsNullOrWhiteSpace(accessibility))
        {
            switch (accessibility.Trim().ToLowerInvariant())
            {
                case "public":
                    isPublic = true;
                    break;
                case "internal":
                    break;
                default:
                    invalidAccessibility = accessibility.Trim();
                    break;
            }
        }

        return new GeneratorOptions(ns, isPublic, invalidNamespace, invalidAccessibility);
    }

    private static bool IsNamespace(string text)
    {
        foreach (string part in text.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || CSharpNames.IsKeyword(part) || part == "global")
            {
                return false;
            }
        }

        return true;
    }
}
