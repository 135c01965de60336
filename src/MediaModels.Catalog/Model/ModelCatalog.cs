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

    /// <summary>
    /// The most edits (insertions, deletions, substitutions, adjacent transpositions; case ignored) that make an id a
    /// typo of a catalogued one rather than another model: <c>sora2</c> is one edit from <c>sora-2</c>, while an unnamed
    /// variant such as <c>nano-banana-pro-4k</c> is three from <c>nano-banana-pro</c>.
    /// </summary>
    public const int TypoDistance = 2;

    /// <summary>
    /// The catalogued id <paramref name="id"/> is a typo of (at most <see cref="TypoDistance"/> edits away; the closest,
    /// ties by ordinal order), or null when <paramref name="id"/> is catalogued or further from every id.
    /// </summary>
    public string? NearMissOf(string id)
    {
        if (Find(id) is not null)
        {
            return null;
        }

        string lowered = id.ToLowerInvariant();
        string? best = null;
        int bestDistance = TypoDistance + 1;
        foreach (string known in Ids)
        {
            int distance = Naming.NearestName.Distance(lowered, known.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The catalogued model <paramref name="id"/> extends with a suffix (<c>nano-banana-pro-4k</c> → <c>nano-banana-pro</c>,
    /// the longest such id), or null: the spec mentions variants of some models without naming them.
    /// </summary>
    public string? VariantParentOf(string id)
    {
        string? parent = null;
        foreach (string known in Ids)
        {
            if (id.Length > known.Length + 1 && id[known.Length] == '-' && id.StartsWith(known, StringComparison.Ordinal)
                && (parent is null || known.Length > parent.Length))
            {
                parent = known;
            }
        }

        return parent;
    }
}
