namespace MediaModels.Catalog;

/// <summary>
/// A note that qualifies one fact of a catalog entry: why the fact is the catalog's reading of the spec (in
/// <see cref="ModelSpec.Readings"/>), or the spec's own hedge on a figure (in <see cref="SourceMediaLimit.Hedges"/>).
/// </summary>
/// <param name="Fact">The catalog key of the fact, one of <see cref="FactKeys"/> (e.g. <c>prompt_max_length</c>).</param>
/// <param name="Text">The note: for a reading, what the spec says and why it is in doubt; for a hedge, the spec's words (<c>typically</c>).</param>
public sealed record FactNote(string Fact, string Text);
