using System;
using MediaModels.Catalog.Rules;

namespace MediaModels.Validation;

/// <summary>
/// A typed value (a model's <c>Duration</c> or <c>Quality</c>, an <c>AspectRatio</c>) was given a value the catalog's
/// rules refuse. The message starts with the rule ID (<c>MM0201: …</c>), as the validator reports the same value in a request.
/// </summary>
public sealed class MediaRuleArgumentException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception for <paramref name="violation"/> on the argument <paramref name="parameterName"/>.</summary>
    public MediaRuleArgumentException(string parameterName, object? actualValue, Violation violation)
        : base(parameterName, actualValue, (violation ?? throw new ArgumentNullException(nameof(violation))).Id + ": " + violation.Message)
    {
        Violation = violation;
    }

    /// <summary>The rule's verdict: ID, path and message.</summary>
    public Violation Violation { get; }

    /// <summary>The rule ID, e.g. <c>MM0201</c>.</summary>
    public string RuleId => Violation.Id;
}
