using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Diagnostics;

namespace MediaModels.Catalog.Reading;

/// <summary>A merged catalog and every problem found on the way. Models with errors are left out of the catalog.</summary>
public sealed class CatalogReadResult
{
    /// <summary>Creates a result.</summary>
    public CatalogReadResult(ModelCatalog catalog, IReadOnlyList<CatalogDiagnostic> diagnostics)
    {
        Catalog = catalog;
        Diagnostics = diagnostics
            .OrderBy(d => d.Location.File, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToArray();
    }

    /// <summary>The catalog (the valid part when there are errors).</summary>
    public ModelCatalog Catalog { get; }

    /// <summary>Every MM1xxx problem, ordered by file, line and column.</summary>
    public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }

    /// <summary>True when any problem was found.</summary>
    public bool HasErrors => Diagnostics.Count > 0;
}
