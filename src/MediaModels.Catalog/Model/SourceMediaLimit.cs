namespace MediaModels.Catalog;

/// <summary>How many inputs of one kind (images or videos) a mode takes, and what they must be.</summary>
/// <param name="Min">Fewest inputs (0 when optional), as the catalog reads the spec (see <see cref="Reading"/>).</param>
/// <param name="Max">Most inputs, or null when no upper bound is recorded, as the catalog reads the spec.</param>
/// <param name="Roles">The role of each position, e.g. <c>start-frame</c>, <c>end-frame</c>; empty when positions have no role.</param>
/// <param name="Formats">Accepted formats as the spec names them (PNG, JPG, MP4…); empty when not stated.</param>
/// <param name="MaxFileSizeMb">Largest file in MB, or null.</param>
/// <param name="MaxDurationSeconds">Longest video in seconds, or null.</param>
/// <param name="Notes">Notes on these inputs.</param>
public sealed record SourceMediaLimit(
    int Min,
    int? Max,
    EquatableArray<string> Roles,
    EquatableArray<string> Formats,
    double? MaxFileSizeMb,
    int? MaxDurationSeconds,
    EquatableArray<string> Notes)
{
    /// <summary>A limit with the catalog's reading of its counts and the spec's hedges (see <see cref="Reading"/>, <see cref="Hedges"/>).</summary>
    /// <remarks>Generated code calls constructors, not object initializers, so it compiles as C# 8.</remarks>
#pragma warning disable CS1573 // The other parameters are the primary constructor's.
    public SourceMediaLimit(
        int min,
        int? max,
        EquatableArray<string> roles,
        EquatableArray<string> formats,
        double? maxFileSizeMb,
        int? maxDurationSeconds,
        EquatableArray<string> notes,
        CountReading? reading,
        EquatableArray<FactNote> hedges)
#pragma warning restore CS1573
        : this(min, max, roles, formats, maxFileSizeMb, maxDurationSeconds, notes)
    {
        Reading = reading;
        Hedges = hedges;
    }

    /// <summary>
    /// Where <see cref="Min"/> and <see cref="Max"/> are the catalog's narrower reading of what the spec states: the
    /// stated bounds and why the reading is in doubt. Null when the counts are stated as they are.
    /// </summary>
    public CountReading? Reading { get; init; }

    /// <summary>The spec's hedges on this limit's figures (<c>max_file_size_mb</c>: "typically"); empty when none.</summary>
    public EquatableArray<FactNote> Hedges { get; init; }

    /// <summary>The fewest inputs the spec states (<see cref="Min"/> unless the catalog reads it more narrowly).</summary>
    public int StatedMin => Reading?.StatedMin ?? Min;

    /// <summary>The most inputs the spec states, or null when it states no upper bound.</summary>
    public int? StatedMax => Reading is { } reading ? reading.StatedMax : Max;

    /// <summary>The spec's hedge on <paramref name="fact"/> (one of <see cref="FactKeys.LimitHedges"/>), or null.</summary>
    public string? HedgeOf(string fact) => FactNotes.Find(Hedges, fact);

    /// <summary>True when exactly one count is allowed.</summary>
    public bool IsExact => Max == Min;

    /// <summary>Human text of the count the spec states: "1–3", "at least 1", or "no count" when it states none.</summary>
    public string DescribeStatedCount() => StatedMin == 0 && StatedMax is null ? "no count" : Describe(StatedMin, StatedMax);

    /// <summary>Human text of the count: "exactly 2", "0–1", "1–10", "at least 1".</summary>
    public string DescribeCount() => Describe(Min, Max);

    /// <summary>Human text of the count with the kind: "exactly 1 image", "0–1 images", "at least 1 image".</summary>
    public string Describe(string kind) =>
        $"{DescribeCount()} {kind}{(Min == 1 && (Max is null || Max == 1) ? string.Empty : "s")}";

    internal static string Describe(int min, int? max) =>
        max is null ? $"at least {min}" : max == min ? $"exactly {min}" : $"{min}–{max}";
}
