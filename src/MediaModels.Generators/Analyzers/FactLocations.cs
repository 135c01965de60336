using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// Where a request value was written: the value itself, and the whole thing that set it (an assignment). Kept as spans;
/// a <see cref="Location"/> is made only for a value that is reported.
/// </summary>
/// <param name="Tree">The syntax tree.</param>
/// <param name="Value">The value (a literal, an argument).</param>
/// <param name="Whole">What set it: <c>Sound = true</c>, or the value again when nothing larger set it.</param>
internal readonly record struct Located(SyntaxTree Tree, TextSpan Value, TextSpan Whole);

/// <summary>
/// Maps the JSON paths the rule engine reports (<c>$.duration</c>, <c>$.source_media_urls[1]</c>,
/// <c>$.kling_elements[0].name</c>) back to the C# that wrote each value.
/// </summary>
internal sealed class FactLocations
{
    // A request writes a handful of values: a list searched from the end (a later write wins) beats a dictionary.
    private readonly List<KeyValuePair<string, Located>> _located = new(8);

    /// <summary>Records where <paramref name="path"/> was written.</summary>
    public void Add(string path, SyntaxNode value, SyntaxNode? whole = null) =>
        _located.Add(new KeyValuePair<string, Located>(path, new Located(value.SyntaxTree, value.Span, (whole ?? value).Span)));

    /// <summary>Records where <paramref name="path"/> was written.</summary>
    public void Add(string path, SyntaxTree tree, TextSpan value, TextSpan whole) =>
        _located.Add(new KeyValuePair<string, Located>(path, new Located(tree, value, whole)));

    /// <summary>
    /// Where <paramref name="path"/> was written, or where its nearest recorded parent was
    /// (<c>$.kling_elements[0].name</c> missing → the element); false when not even <c>$.x</c> was recorded.
    /// </summary>
    public bool TryResolve(string path, out Located located)
    {
        string current = path;
        while (true)
        {
            for (int i = _located.Count - 1; i >= 0; i--)
            {
                if (string.Equals(_located[i].Key, current, StringComparison.Ordinal))
                {
                    located = _located[i].Value;
                    return true;
                }
            }

            int cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 1)
            {
                located = default;
                return false;
            }

            current = current.Substring(0, cut);
        }
    }
}

/// <summary>Turns the rule engine's violations into diagnostics at the C# that wrote the offending values.</summary>
/// <remarks>
/// Severity: a violation's own, not the descriptor's default. A request that breaks only the catalog's reading of the spec
/// gets the rule's ID as a warning (the rule engine decides), so the diagnostic is created with that effective severity
/// (<see cref="Diagnostic.Create(DiagnosticDescriptor, Location, DiagnosticSeverity, IEnumerable{Location}, ImmutableDictionary{string, string}, object[])"/>,
/// as the IDE's code-style analyzers report option-chosen severities) rather than through a second descriptor per ID: one
/// ID keeps one meaning, one release-tracking entry and one help page, and <c>dotnet_diagnostic.MM0301.severity</c> in
/// .editorconfig still applies to every MM0301, read or stated, because the compiler matches those options by ID.
/// </remarks>
internal static class ViolationReporter
{
    /// <summary>
    /// Rules about a parameter being there at all (ignored parameters, media on a mode that takes none, elements on a
    /// model without them) mark the whole assignment, which is what the code fix removes; the others mark the value.
    /// </summary>
    public static bool MarksWholeAssignment(string id) =>
        id == MediaRules.SoundIgnored.Id || id == MediaRules.NegativePromptIgnored.Id || id == MediaRules.DurationIgnored.Id
        || id == MediaRules.QualityIgnored.Id || id == MediaRules.SourceMediaNotTaken.Id || id == MediaRules.ElementsNotSupported.Id;

    /// <summary>The diagnostic severity of a violation: the rule engine's, which is the rule's default unless a reading softened it.</summary>
    public static DiagnosticSeverity SeverityOf(Violation violation) =>
        violation.Severity == Severity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

    /// <summary>Reports <paramref name="violations"/>.</summary>
    /// <param name="violations">What the rule engine found.</param>
    /// <param name="locations">Where each value was written.</param>
    /// <param name="fallback">
    /// Where a violation about something not written goes (a missing prompt: the <c>new GenerateMediaRequest</c>); null
    /// when the facts are partial and only violations about written values may be reported.</param>
    /// <param name="catalog">The catalog (MM0001 and MM0008 are not reported while it has errors).</param>
    /// <param name="include">Which violations to report, or null for all.</param>
    /// <param name="report">Reports one diagnostic.</param>
    public static void Report(
        IReadOnlyList<Violation> violations,
        FactLocations locations,
        Location? fallback,
        AnalyzerCatalog catalog,
        Func<Violation, bool>? include,
        Action<Diagnostic> report)
    {
        foreach (Violation violation in violations)
        {
            if ((include is not null && !include(violation))
                || (catalog.HasErrors && (violation.Id == MediaRules.UnknownModel.Id || violation.Id == MediaRules.ModelNotInCatalog.Id))
                || AnalyzerDescriptors.Find(violation.Id) is not DiagnosticDescriptor descriptor)
            {
                continue;
            }

            Location location;
            if (locations.TryResolve(violation.Path, out Located located))
            {
                location = Location.Create(located.Tree, MarksWholeAssignment(violation.Id) ? located.Whole : located.Value);
            }
            else if (fallback is not null)
            {
                location = fallback;
            }
            else
            {
                continue;
            }

            ImmutableDictionary<string, string?> properties = violation.Suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(AnalyzerDescriptors.SuggestionProperty, violation.Suggestion);
            report(Diagnostic.Create(descriptor, location, SeverityOf(violation), additionalLocations: null, properties, violation.Message));
        }
    }
}
