using System;
using System.Globalization;

namespace MediaModels.Catalog;

/// <summary>How a model treats the <c>duration</c> parameter.</summary>
public enum DurationKind
{
    /// <summary>The model does not use <c>duration</c> (image models and video models the spec leaves out).</summary>
    Unsupported,

    /// <summary>One of a set of values, e.g. 5s or 10s.</summary>
    Values,

    /// <summary>Whole seconds within a range, e.g. 3s–15s.</summary>
    Range,

    /// <summary>Always the same length; the parameter is ignored.</summary>
    Fixed,

    /// <summary>The spec says the duration is not set through this parameter.</summary>
    NotConfigurable,
}

/// <summary>The durations a model accepts, in whole seconds.</summary>
/// <param name="Kind">How the parameter is treated.</param>
/// <param name="Values">Allowed values for <see cref="DurationKind.Values"/>.</param>
/// <param name="Min">Lower bound for <see cref="DurationKind.Range"/>.</param>
/// <param name="Max">Upper bound for <see cref="DurationKind.Range"/>.</param>
/// <param name="Fixed">The fixed length for <see cref="DurationKind.Fixed"/>.</param>
/// <param name="Notes">Notes on durations.</param>
public sealed record DurationRule(
    DurationKind Kind,
    EquatableArray<int> Values,
    int? Min,
    int? Max,
    int? Fixed,
    EquatableArray<string> Notes)
{
    /// <summary>
    /// The longest duration a catalog may give, in seconds: every duration up to it is written by <see cref="Format"/>
    /// and read back by <see cref="TryParse"/> unchanged, and whole-second arithmetic on it cannot overflow.
    /// </summary>
    public const int MaxSeconds = 100_000;

    /// <summary>A rule whose form is a reading of the spec (see <see cref="Reading"/>).</summary>
    /// <remarks>Generated code calls constructors, not object initializers, so it compiles as C# 8.</remarks>
#pragma warning disable CS1573 // The other parameters are the primary constructor's.
    public DurationRule(DurationKind kind, EquatableArray<int> values, int? min, int? max, int? @fixed, EquatableArray<string> notes, string? reading)
#pragma warning restore CS1573
        : this(kind, values, min, max, @fixed, notes)
    {
        Reading = reading;
    }

    /// <summary>
    /// Why the form of the durations (a range rather than two values, say) is the catalog's reading of the spec's words,
    /// or null when the spec states it. It only widens what is allowed, so no check is softened by it; a reading that
    /// narrows <c>duration</c> is a model-level one (<see cref="ModelSpec.Readings"/>, <see cref="FactKeys.Duration"/>).
    /// </summary>
    public string? Reading { get; init; }

    /// <summary>The rule of a model that does not use <c>duration</c>.</summary>
    public static readonly DurationRule Unsupported =
        new(DurationKind.Unsupported, EquatableArray<int>.Empty, null, null, null, EquatableArray<string>.Empty);

    /// <summary>True when the caller can choose a duration.</summary>
    public bool IsConfigurable => Kind is DurationKind.Values or DurationKind.Range;

    /// <summary>True when <paramref name="seconds"/> is allowed.</summary>
    public bool Allows(int seconds) => Kind switch
    {
        DurationKind.Values => Values.AsSpan().IndexOf(seconds) >= 0,
        DurationKind.Range => seconds >= Min && seconds <= Max,
        _ => false,
    };

    /// <summary>The allowed value closest to <paramref name="seconds"/> (ties go to the shorter), or null.</summary>
    public int? Nearest(int seconds)
    {
        switch (Kind)
        {
            case DurationKind.Values:
                int? best = null;
                foreach (int value in Values)
                {
                    if (best is null || System.Math.Abs(value - seconds) < System.Math.Abs(best.Value - seconds))
                    {
                        best = value;
                    }
                }

                return best;
            case DurationKind.Range when Min is int min && Max is int max:
                return seconds < min ? min : seconds > max ? max : seconds;
            default:
                return null;
        }
    }

    /// <summary>Human text of the allowed values: "5s, 10s", "3s–15s", "fixed 6s", "not configurable".</summary>
    public string Describe() => Kind switch
    {
        DurationKind.Values => string.Join(", ", System.Linq.Enumerable.Select(Values, Format)),
        DurationKind.Range => $"{Format(Min ?? 0)}–{Format(Max ?? 0)}",
        DurationKind.Fixed => $"fixed {Format(Fixed ?? 0)} (parameter ignored)",
        DurationKind.NotConfigurable => "not configurable",
        _ => "not used",
    };

    /// <summary>The wire form of a duration: <c>5s</c>.</summary>
    public static string Format(int seconds) => seconds.ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>Parses the wire form <c>Ns</c> (whole seconds) without allocating.</summary>
    public static bool TryParse(string? text, out int seconds)
    {
        seconds = 0;
        if (text is null || text.Length < 2 || text[text.Length - 1] != 's')
        {
            return false;
        }

        int value = 0;
        for (int i = 0; i < text.Length - 1; i++)
        {
            char c = text[i];
            if (c < '0' || c > '9' || value > MaxSeconds)
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        seconds = value;
        return true;
    }
}
