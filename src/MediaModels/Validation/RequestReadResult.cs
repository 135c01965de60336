using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;

namespace MediaModels.Validation;

/// <summary>What <see cref="RequestJsonReader"/> made of a <c>generate_media</c> argument object.</summary>
public sealed class RequestReadResult
{
    private readonly Dictionary<string, JsonTextPosition> _positions;
    private readonly Dictionary<Violation, JsonTextPosition> _violationPositions;

    internal RequestReadResult(
        GenerateMediaRequest? request,
        RequestFacts facts,
        List<Violation> violations,
        Dictionary<string, JsonTextPosition> positions,
        Dictionary<Violation, JsonTextPosition> violationPositions)
    {
        Request = request;
        Facts = facts;
        Violations = violations;
        _positions = positions;
        _violationPositions = violationPositions;
    }

    /// <summary>
    /// The request, or null when the text is not well-formed JSON or not an object (an MM0007 other than a
    /// duplicate key). It holds only values of the right JSON type: a parameter reported as MM0005 is left out, and
    /// so is a whole list one of whose items was reported (leaving out only the item would shift the indices).
    /// Unknown members are kept in <see cref="GenerateMediaRequest.ExtensionData"/>.
    /// </summary>
    public GenerateMediaRequest? Request { get; }

    /// <summary>
    /// The request as the rule engine should see it, meaningful when <see cref="Request"/> is not null. Unlike
    /// <c>Request.ToFacts()</c> a parameter of the wrong type is <see cref="FactState.Unknown"/> (present, not
    /// decidable) rather than absent, and a wrongly typed list item is a null item, so the rules neither repeat
    /// an MM0005 as another violation (a missing prompt, a wrong count) nor report shifted indices.
    /// </summary>
    public RequestFacts Facts { get; }

    /// <summary>Every MM0005, MM0006 and MM0007 found, in text order. Syntax errors stop the reading, so there is at most one.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>True when a violation is an error (a warning such as MM0006 is not).</summary>
    public bool HasErrors => Violations.Any(v => v.Severity == Severity.Error);

    /// <summary>
    /// The position of every JSON path the reader saw: <c>$</c>, each member of the request and of each element
    /// (at its name), each array item (at its value). A lone string given for <c>source_media_urls</c> is also
    /// recorded as <c>$.source_media_urls[0]</c>. Members of unknown parameters' values are not recorded.
    /// </summary>
    public IReadOnlyDictionary<string, JsonTextPosition> Positions => _positions;

    /// <summary>
    /// The position of <paramref name="path"/>, or of its nearest recorded parent when the path itself was not in
    /// the text (e.g. <c>$.kling_elements[0].name</c> for a missing name gives the element's position).
    /// </summary>
    /// <param name="path">A JSON path as in <see cref="Violation.Path"/>.</param>
    /// <param name="position">The position found.</param>
    public bool TryGetPosition(string path, out JsonTextPosition position)
    {
        string? current = path;
        while (current is not null)
        {
            if (_positions.TryGetValue(current, out position))
            {
                return true;
            }

            current = Parent(current);
        }

        position = default;
        return false;
    }

    /// <summary>
    /// The position of <paramref name="violation"/>: where the reader found it for its own syntax and duplicate-key
    /// errors, otherwise the position of its path (see <see cref="TryGetPosition(string, out JsonTextPosition)"/>),
    /// so it also places violations from the rule engine.
    /// </summary>
    /// <param name="violation">A violation of this result or of a validation of <see cref="Facts"/>.</param>
    /// <param name="position">The position found.</param>
    public bool TryGetPosition(Violation violation, out JsonTextPosition position)
    {
        if (violation is null)
        {
            throw new ArgumentNullException(nameof(violation));
        }

        return _violationPositions.TryGetValue(violation, out position) || TryGetPosition(violation.Path, out position);
    }

    /// <summary><c>$.a[1].b</c> → <c>$.a[1]</c> → <c>$.a</c> → <c>$</c> → null.</summary>
    private static string? Parent(string path)
    {
        if (path.Length <= 1)
        {
            return null;
        }

        if (path.EndsWith("']", StringComparison.Ordinal))
        {
            int open = path.LastIndexOf("['", StringComparison.Ordinal);
            return open > 0 ? path.Substring(0, open) : null;
        }

        int cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path.Substring(0, cut) : null;
    }
}
