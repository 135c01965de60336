namespace MediaModels.Catalog;

/// <summary>How a model uses <c>quality</c>.</summary>
/// <param name="Values">The documented values.</param>
/// <param name="Open">True when the spec says other values exist ("e.g. basic and other API values"): unknown values are not rejected.</param>
/// <param name="MapsTo">What the service maps the value to (size, model_variant…), or null when used directly.</param>
/// <param name="Notes">Notes on quality.</param>
public sealed record QualityRule(
    EquatableArray<QualityOption> Values,
    bool Open,
    string? MapsTo,
    EquatableArray<string> Notes)
{
    /// <summary>True when <paramref name="value"/> is a documented value, or any value when <see cref="Open"/>.</summary>
    public bool Allows(string value)
    {
        if (Open)
        {
            return true;
        }

        foreach (QualityOption option in Values)
        {
            if (string.Equals(option.Value, value, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One documented quality value and what it means.</summary>
/// <param name="Value">The wire value, e.g. <c>hd</c>.</param>
/// <param name="Meaning">What the service does with it, e.g. <c>HD size</c>, or null.</param>
public sealed record QualityOption(string Value, string? Meaning);
