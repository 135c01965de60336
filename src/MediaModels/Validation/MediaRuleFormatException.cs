using System;
using MediaModels.Catalog.Rules;

namespace MediaModels.Validation;

/// <summary>
/// Text given to a generated <c>Parse</c> (e.g. <c>AspectRatio.Parse</c>) is not of the form the catalog's rules accept.
/// The message starts with the rule ID (<c>MM0203: …</c>), as the validator reports the same value in a request.
/// </summary>
public sealed class MediaRuleFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="violation"/>.</summary>
    public MediaRuleFormatException(Violation violation)
        : base((violation ?? throw new ArgumentNullException(nameof(violation))).Id + ": " + violation.Message)
    {
        Violation = violation;
    }

    /// <summary>The rule's verdict: ID, path and message.</summary>
    public Violation Violation { get; }

    /// <summary>The rule ID, e.g. <c>MM0203</c>.</summary>
    public string RuleId => Violation.Id;
}
