namespace MediaModels.Catalog.Rules;

/// <summary>
/// A rule's identity, shared by the rule engine, the analyzers (which turn it into a DiagnosticDescriptor),
/// the command line and the generated docs. IDs are stable once shipped and never reused.
/// </summary>
/// <param name="Id">E.g. <c>MM0201</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="DefaultSeverity">Severity unless configured otherwise.</param>
/// <param name="Category">Analyzer category: Usage for request rules, Catalog for catalog-file rules.</param>
/// <param name="Description">What the rule means and why.</param>
/// <param name="Fix">How to fix a violation.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    Severity DefaultSeverity,
    string Category,
    string Description,
    string Fix)
{
    /// <summary>The help page of the rule, relative to the repository root.</summary>
    public string HelpPath => $"docs/diagnostics/{Id}.md";
}
