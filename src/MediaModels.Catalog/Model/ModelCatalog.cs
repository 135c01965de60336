using System;
using System.Collections.Generic;
using System.Linq;

namespace MediaModels.Catalog;

/// <summary>
/// The merged catalog: every model by id, the service defaults, and where each model was declared.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelSpec> _byId;
    private readonly Dictionary<string, SourceLocation> _origins;

    /// <summary>Builds a catalog from already checked models.</summary>
    public ModelCatalog(
        IEnumerable<ModelSpec> models,
        CatalogDefaults? defaults = null,
        IReadOnlyDictionary<string, SourceLocation>? origins = null)
    {
        Models = models.OrderBy(m => m.Id, StringComparer.Ordinal).ToEquatableArray();
        Defaults = defaults ?? CatalogDefaults.Spec;
        _byId = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (ModelSpec model in Models)
        {
            _byId[model.Id] = model;
        }

        _origins = origins is null
            ? new Dictionary<string, SourceLocation>(StringComparer.Ordinal)
            : origins.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        Ids = Models.Select(m => m.Id).ToArray();
    }

    /// <summary>Every model, ordered by id (ordinal).</summary>
    public EquatableArray<ModelSpec> Models { get; }

    /// <summary>Every id, ordered (ordinal).</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The service defaults.</summary>
    public CatalogDefaults Defaults { get; }

    /// <summary>The model with this exact id, or null.</summary>
    public ModelSpec? Find(string? id) => id is not null && _byId.TryGetValue(id, out ModelSpec? model) ? model : null;

    /// <summary>Where the model's entry starts (the last file that declared or overrode it), when known.</summary>
    public SourceLocation? OriginOf(string id) => _origins.TryGetValue(id, out SourceLocation location) ? location : null;

    /// <summary>The known id closest to <paramref name="id"/> (edit distance), or null when nothing is close.</summary>
    public string? SuggestId(string id) => Naming.NearestName.Find(id, Ids);
}
