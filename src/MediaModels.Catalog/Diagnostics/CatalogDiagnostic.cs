using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Diagnostics;

/// <summary>A problem in a catalog file (MM1xxx), at a line and column.</summary>
/// <param name="Id">The rule ID, e.g. <c>MM1002</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Location">Where: file, 1-based line and column.</param>
public sealed record CatalogDiagnostic(string Id, string Message, SourceLocation Location)
{
    /// <summary>The shared descriptor of <see cref="Id"/>.</summary>
    public RuleDescriptor? Rule => MediaRules.Find(Id);

    /// <summary>MSBuild style: <c>file(line,col): error MM1002: message</c>.</summary>
    public override string ToString() => $"{Location}: error {Id}: {Message}";
}
