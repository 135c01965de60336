using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// The analyzers' descriptors, built from the shared <see cref="MediaRules"/>: ID, title, category, default severity
/// and description come from the rule table, so an analyzer diagnostic <c>MM0104</c> and a runtime violation
/// <c>MM0104</c> mean the same thing. The message is the rule engine's own message (<c>"{0}"</c>), which names the
/// model and the allowed values.
/// </summary>
/// <remarks>Descriptors (help links included) come from <see cref="RuleDiagnostics"/>, as the generator's do.</remarks>
internal static class AnalyzerDescriptors
{
    /// <summary>The diagnostic property carrying the rule engine's suggestion (nearest id, nearest duration…).</summary>
    public const string SuggestionProperty = "MediaModels.Suggestion";

    /// <summary>Rules only a JSON reader can break (wrong JSON type, unknown parameter, malformed JSON): never reported on C#.</summary>
    private static readonly HashSet<string> JsonOnly = new(System.StringComparer.Ordinal)
    {
        MediaRules.WrongJsonType.Id,
        MediaRules.UnknownParameter.Id,
        MediaRules.MalformedJson.Id,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = MediaRules.All
        .Where(r => r.Category == MediaRules.UsageCategory && !JsonOnly.Contains(r.Id))
        .ToDictionary(r => r.Id, RuleDiagnostics.Descriptor, System.StringComparer.Ordinal);

    /// <summary>Every request rule the analyzer reports, ordered by ID.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        ById.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The descriptor of a request rule, or null for an ID the analyzer does not report.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out DiagnosticDescriptor? d) ? d : null;
}
