namespace MediaModels.Cli.Docs;

/// <summary>
/// A request (JSON) or catalog file (YAML) that triggers a rule. The docs show it with what the tools report for it,
/// computed when the docs are rendered, so a page can never claim a message the tools do not print.
/// </summary>
/// <param name="Id">The rule it triggers.</param>
/// <param name="Text">The file's text.</param>
/// <param name="Shown">What the page shows, when the real text is too long to read (a 801-character prompt).</param>
/// <param name="CatalogOverlay">A catalog file the request is checked against, when the rule needs one.</param>
internal sealed record RuleExample(string Id, string Text, string? Shown = null, string? CatalogOverlay = null)
{
    public bool IsCatalogExample => Id.StartsWith("MM1", System.StringComparison.Ordinal);
}
