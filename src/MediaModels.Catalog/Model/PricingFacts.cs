namespace MediaModels.Catalog;

/// <summary>Pricing facts the spec gives for a model.</summary>
/// <param name="CreditsPerSecond">Credits per second of output, or null.</param>
/// <param name="Notes">Other pricing facts in words.</param>
public sealed record PricingFacts(double? CreditsPerSecond, EquatableArray<string> Notes);
