namespace MediaModels.Catalog.Rules;

/// <summary>One broken rule in a request.</summary>
/// <param name="Id">The rule ID, e.g. <c>MM0201</c> (shared with the analyzers).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">JSON path of the offending value, e.g. <c>$.source_media_urls[1]</c>.</param>
/// <param name="Message">What is wrong and what is allowed, naming the model.</param>
/// <param name="Suggestion">A replacement value a tool may offer (nearest id, nearest duration…), or null.</param>
public sealed record Violation(string Id, Severity Severity, string Path, string Message, string? Suggestion = null)
{
    /// <summary><c>path: error MM0201: message</c>.</summary>
    public override string ToString() =>
        $"{Path}: {(Severity == Severity.Error ? "error" : "warning")} {Id}: {Message}";
}
