using MediaModels.Catalog.Rules;

namespace MediaModels.Samples.WebApi;

/// <summary>One rule violation as the API writes it.</summary>
/// <param name="Id">The rule id, e.g. <c>MM0201</c>.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Path">Where in the request, e.g. <c>$.duration</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Suggestion">A fix, when the rule has one.</param>
public sealed record ViolationView(string Id, string Severity, string Path, string Message, string? Suggestion)
{
    /// <summary>The view of a violation.</summary>
    public static ViolationView Of(Violation violation) =>
        new(violation.Id, violation.Severity == Catalog.Rules.Severity.Error ? "error" : "warning", violation.Path, violation.Message, violation.Suggestion);
}
