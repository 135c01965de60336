namespace MediaModels.Catalog;

/// <summary>How many inputs of one kind (images or videos) a mode takes, and what they must be.</summary>
/// <param name="Min">Fewest inputs (0 when optional).</param>
/// <param name="Max">Most inputs, or null when the spec states no upper bound.</param>
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
    /// <summary>True when exactly one count is allowed.</summary>
    public bool IsExact => Max == Min;

    /// <summary>Human text of the count: "exactly 2", "0–1", "1–10", "at least 1".</summary>
    public string DescribeCount() => Describe(Min, Max);

    /// <summary>Human text of the count with the kind: "exactly 1 image", "0–1 images", "at least 1 image".</summary>
    public string Describe(string kind) =>
        $"{DescribeCount()} {kind}{(Min == 1 && (Max is null || Max == 1) ? string.Empty : "s")}";

    internal static string Describe(int min, int? max) =>
        max is null ? $"at least {min}" : max == min ? $"exactly {min}" : $"{min}–{max}";
}
