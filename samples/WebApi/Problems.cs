using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Client;
using Microsoft.AspNetCore.Http;

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

/// <summary>The API's error answers, as RFC 9457 problem details.</summary>
internal static class Problems
{
    /// <summary>True when any violation is an error.</summary>
    public static bool HasErrors(IReadOnlyList<Violation> violations) => violations.Any(v => v.Severity == Severity.Error);

    /// <summary>400 listing every violation (errors and warnings) under <c>violations</c>, and the error ids in the title.</summary>
    public static IResult RuleViolations(IReadOnlyList<Violation> violations, string detail)
    {
        string[] ids = violations.Where(v => v.Severity == Severity.Error).Select(v => v.Id).Distinct().Order(System.StringComparer.Ordinal).ToArray();
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"The request breaks {ids.Length} rule(s): {string.Join(", ", ids)}.",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["violations"] = violations.Select(ViolationView.Of).ToArray() });
    }

    /// <summary>502 when the service refused our credentials or failed, 503 when it cannot be reached.</summary>
    public static IResult ServiceFailure(MediaServiceException failure) => Results.Problem(
        statusCode: failure is MediaServiceUnreachableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
        title: failure is MediaUnauthorizedException ? "The media service refused this API's credentials." : "The media service call failed.",
        detail: failure.Message);
}
