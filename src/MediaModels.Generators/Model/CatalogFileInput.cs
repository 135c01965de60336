using MediaModels.Catalog.Reading;

namespace MediaModels.Generators.Model;

/// <summary>An AdditionalFiles item marked as catalog: its path and merge order. No <c>AdditionalText</c> is kept.</summary>
/// <param name="Path">The file's path as the compiler knows it.</param>
/// <param name="Order">The <c>MediaModelsCatalogOrder</c> metadata (default 0).</param>
/// <param name="Text">The file's text, or null when the compiler could not read it.</param>
/// <param name="InvalidOrder">The order metadata when it is not an integer (0 is used), else null.</param>
/// <param name="Failure">When reading the item failed unexpectedly: the exception's type and message, else null.</param>
internal sealed record CatalogFileInput(string Path, int Order, string? Text, string? InvalidOrder, string? Failure = null);

/// <summary>One catalog file after parsing: value-equatable, so an unchanged file's result compares equal.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Order">Its merge order.</param>
/// <param name="Text">
/// The text, kept to turn line/column positions into spans for the IDE (the same string instance as the input,
/// so it costs no copy and compares by reference first).</param>
/// <param name="File">The parsed and checked file.</param>
/// <param name="InvalidOrder">The order metadata when it is not an integer, else null.</param>
internal sealed record ParsedCatalogFile(string Path, int Order, string? Text, CatalogFile File, string? InvalidOrder);
