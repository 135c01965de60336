namespace MediaModels.Catalog;

/// <summary>
/// The counts of an input limit as the spec states them, where the catalog reads them more narrowly
/// (<see cref="SourceMediaLimit.Reading"/>). A count outside the reading but inside these bounds is only in doubt: a
/// warning whose message carries <see cref="Note"/>; a count outside these bounds breaks what the spec states: an error.
/// </summary>
/// <param name="StatedMin">The fewest inputs the spec states (0 when it states none).</param>
/// <param name="StatedMax">The most inputs the spec states, or null when it states no upper bound.</param>
/// <param name="Note">What the spec says and why the catalog's narrower reading of it is in doubt.</param>
public sealed record CountReading(int StatedMin, int? StatedMax, string Note)
{
    /// <summary>True when <paramref name="count"/> is within the stated bounds.</summary>
    public bool StatesAllowed(int count) => count >= StatedMin && (StatedMax is not int max || count <= max);
}
