namespace MediaModels.Catalog.Rules;

/// <summary>What is known about one request parameter.</summary>
public enum FactState
{
    /// <summary>The parameter is not in the request.</summary>
    Absent,

    /// <summary>The parameter is present and its value is known.</summary>
    Known,

    /// <summary>The parameter is present but its value is only known at run time (a non-constant expression).</summary>
    Unknown,
}

/// <summary>
/// A request parameter as far as a checker knows it: absent, a known value, or present with a value known
/// only at run time. The runtime validator only has absent or known values; analyzers also have unknown ones,
/// and every rule skips what it cannot decide.
/// </summary>
public readonly struct Fact<T>
{
    private Fact(FactState state, T? value)
    {
        State = state;
        Value = value;
    }

    /// <summary>The parameter is absent.</summary>
    public static Fact<T> Absent => default;

    /// <summary>The parameter is present with a value known only at run time.</summary>
    public static Fact<T> Unknown => new(FactState.Unknown, default);

    /// <summary>Whether the parameter is present and whether its value is known.</summary>
    public FactState State { get; }

    /// <summary>The value when <see cref="State"/> is <see cref="FactState.Known"/>.</summary>
    public T? Value { get; }

    /// <summary>True when present (known or not).</summary>
    public bool IsPresent => State != FactState.Absent;

    /// <summary>True when present with a known value.</summary>
    public bool IsKnown => State == FactState.Known;

    /// <summary>A known value; <c>null</c> reads as absent, which is how the wire treats a null.</summary>
    public static Fact<T> Of(T? value) => value is null ? Absent : new(FactState.Known, value);

    /// <summary>A known value.</summary>
    public static implicit operator Fact<T>(T? value) => Of(value);
}
