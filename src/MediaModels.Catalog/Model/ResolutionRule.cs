namespace MediaModels.Catalog;

/// <summary>Resolution choices a model offers instead of a generic quality string.</summary>
/// <param name="Values">E.g. 1K, 2K, 4K.</param>
/// <param name="Parameter">The wire parameter that carries it, or null when the spec does not name it.</param>
/// <param name="Notes">Notes on resolution.</param>
public sealed record ResolutionRule(EquatableArray<string> Values, string? Parameter, EquatableArray<string> Notes);
