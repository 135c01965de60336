using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using MediaModels.Client;
using MediaModels.Validation;
using Microsoft.AspNetCore.Http;

namespace MediaModels.Samples.WebApi;

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
            extensions: new Dictionary<string, object?> { ["violations"] = violations.Select(v => RequestDiagnostic.From(v)).ToArray() });
    }

    /// <summary>502 when the service refused our credentials or failed, 503 when it cannot be reached.</summary>
    public static IResult ServiceFailure(MediaServiceException failure) => Results.Problem(
        statusCode: failure is MediaServiceUnreachableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status502BadGateway,
        title: failure is MediaUnauthorizedException ? "The media service refused this API's credentials." : "The media service call failed.",
        detail: failure.Message);
}
