using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;

namespace MediaModels.Generators.Diagnostics;

/// <summary>
/// The generator's diagnostic descriptors, built from the shared <see cref="MediaRules"/> so an ID means the same
/// thing in the generator, the analyzers, the runtime validator and the command line.
/// </summary>
internal static class DiagnosticDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = MediaRules.All
        .Where(r => r.Category == MediaRules.CatalogCategory)
        .ToDictionary(r => r.Id, RuleDiagnostics.Descriptor);

    /// <summary>Every catalog descriptor (MM1xxx), by ID.</summary>
    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Values;

    /// <summary>The descriptor of a catalog rule; an unknown ID (a bug of ours) gets the internal error's.</summary>
    public static DiagnosticDescriptor Get(string id) =>
        ById.TryGetValue(id, out DiagnosticDescriptor? descriptor) ? descriptor : ById[MediaRules.CatalogInternalError.Id];
}
