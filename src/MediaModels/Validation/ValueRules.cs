using System;
using System.Globalization;
using MediaModels.Catalog;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;

namespace MediaModels.Validation;

/// <summary>
/// The checks behind the generated value types: <c>Duration.FromSeconds</c>, <c>Quality.FromValue</c> and
/// <c>AspectRatio.Parse</c>/<c>Custom</c> ask the shared rule engine (<see cref="RuleEngine.CheckValue"/>) instead of
/// carrying their own copy of the rule, and a refused value throws <see cref="MediaRuleArgumentException"/> naming the
/// rule ID. Called by generated code; usable directly.
/// </summary>
public static class ValueRules
{
    /// <summary>Returns <paramref name="seconds"/> when <paramref name="model"/> accepts that duration; throws MM0201 otherwise.</summary>
    public static int RequireDuration(ModelSpec model, int seconds, string parameterName)
    {
        Require(model, WireParameters.Duration, DurationRule.Format(seconds), seconds, parameterName);
        return seconds;
    }

    /// <summary>Returns <paramref name="value"/> when <paramref name="model"/> accepts that quality; throws MM0202 otherwise.</summary>
    public static string RequireQuality(ModelSpec model, string value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Trim().Length == 0)
        {
            // Not a rule of the service's (an open quality list takes any value), but never a useful one to send.
            throw new ArgumentException("A quality value cannot be blank.", parameterName);
        }

        Require(model, WireParameters.Quality, value, value, parameterName);
        return value;
    }

    /// <summary>
    /// Reads <c>W:H</c>; throws <see cref="MediaRuleFormatException"/> (MM0203) when it is malformed. The example in the
    /// message is <paramref name="defaults"/>' aspect ratio (the service's default when null).
    /// </summary>
    public static (int Width, int Height) ParseAspectRatio(string value, string parameterName, CatalogDefaults? defaults = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (RuleEngine.CheckValue(null, WireParameters.AspectRatio, value, defaults ?? CatalogDefaults.Spec) is Violation violation)
        {
            throw new MediaRuleFormatException(violation);
        }

        TryParseAspectRatio(value, out int width, out int height);
        return (width, height);
    }

    /// <summary>Returns one side of an aspect ratio when it is from 1 to <see cref="RuleEngine.MaxAspectRatioSide"/>; throws MM0203 otherwise.</summary>
    public static int RequireAspectRatioSide(int side, string parameterName)
    {
        if (side is < 1 or > RuleEngine.MaxAspectRatioSide)
        {
            string shown = parameterName + "=" + side.ToString(CultureInfo.InvariantCulture);
            Violation violation = RuleEngine.CheckValue(null, WireParameters.AspectRatio, shown, CatalogDefaults.Spec)
                ?? throw new InvalidOperationException("The aspect ratio rule accepted a malformed ratio.");
            throw new MediaRuleArgumentException(parameterName, side, violation);
        }

        return side;
    }

    /// <summary>Reads <c>W:H</c> (two whole numbers from 1 to 99999) without throwing.</summary>
    public static bool TryParseAspectRatio(string? value, out int width, out int height)
    {
        width = 0;
        height = 0;
        if (value is null || !RuleEngine.IsAspectRatio(value))
        {
            return false;
        }

        int colon = value.IndexOf(':');
        width = int.Parse(value.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
        height = int.Parse(value.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static void Require(ModelSpec model, WireParameter parameter, string wireValue, object actualValue, string parameterName)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        if (RuleEngine.CheckValue(model, parameter, wireValue, CatalogDefaults.Spec) is Violation violation)
        {
            throw new MediaRuleArgumentException(parameterName, actualValue, violation);
        }
    }
}
