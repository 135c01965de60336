using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;

namespace MediaModels.Validation;

/// <summary>
/// A request broke one or more rules; the message lists every error, one per line, and <see cref="Violations"/> holds
/// them with their rule ids (<c>MM0201</c>…). Nothing was sent.
/// </summary>
public sealed class MediaRequestValidationException : MediaModelsException
{
    /// <summary>Creates the exception from every violation found (errors and warnings).</summary>
    public MediaRequestValidationException(string? model, IReadOnlyList<Violation> violations)
        : base(Describe(model, violations))
    {
        Model = model;
        Violations = violations;
    }

    /// <summary>The request's model id.</summary>
    public string? Model { get; }

    /// <summary>Every violation, errors and warnings.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>The errors only.</summary>
    public IEnumerable<Violation> Errors => Violations.Where(v => v.Severity == Severity.Error);

    private static string Describe(string? model, IReadOnlyList<Violation> violations)
    {
        Violation[] errors = violations.Where(v => v.Severity == Severity.Error).ToArray();
        string header = $"The {(model is null ? string.Empty : $"'{model}' ")}request is invalid ({errors.Length} error{(errors.Length == 1 ? string.Empty : "s")}):";
        return header + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(v => $"  {v.Id} at {v.Path}: {v.Message}"));
    }
}
