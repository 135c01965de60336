using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;

namespace MediaModels.Generators.Diagnostics;

/// <summary>
/// Turns a rule of the shared <see cref="MediaRules"/> table into a Roslyn descriptor, for the generator's catalog
/// rules and the analyzers' request rules alike: the rule engine's own message (<c>"{0}"</c>), the table's title,
/// category, severity, description and fix, and an absolute help link to the rule's page.
/// </summary>
/// <remarks>
/// Help links are absolute (<see cref="HelpLinkBase"/>) so the IDE and <c>dotnet build</c> can open them from any
/// consumer project; they point at the one page per ID under <c>docs/diagnostics/</c> that
/// <see cref="RuleDescriptor.HelpPath"/> names.
/// </remarks>
internal static class RuleDiagnostics
{
    /// <summary>Where the repository's files are browsed; <see cref="RuleDescriptor.HelpPath"/> is appended.</summary>
    public const string HelpLinkBase = "https://github.com/mediamodels/mediamodels/blob/main/";

    /// <summary>The help link of a rule: its page under <c>docs/diagnostics/</c>.</summary>
    public static string HelpLink(RuleDescriptor rule) => HelpLinkBase + rule.HelpPath;

    /// <summary>The descriptor of <paramref name="rule"/>.</summary>
    public static DiagnosticDescriptor Descriptor(RuleDescriptor rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        rule.Category,
        rule.DefaultSeverity == Severity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: rule.Description + " " + rule.Fix,
        helpLinkUri: HelpLink(rule));
}
