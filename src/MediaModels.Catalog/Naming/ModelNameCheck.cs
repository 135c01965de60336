using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;

namespace MediaModels.Catalog.Naming;

/// <summary>
/// The name rules of the catalog check, on the merged models in declaration order: a model's C# name must be short
/// enough (<see cref="CSharpNames.MaxNameLength"/>), not a keyword nor all lower-case (MM1009), not a name the generated API uses itself, not one
/// of the model's own generated members, and not another model's, even in another case (MM1010). A model that breaks
/// one is left out of the catalog, so the command line, the generator, the analyzers and the runtime agree on it.
/// </summary>
internal static class ModelNameCheck
{
    /// <summary>The models whose names pass, in the order given; a diagnostic for each of the others.</summary>
    public static List<(ModelDraft Draft, ModelSpec Spec)> Keep(IReadOnlyList<(ModelDraft Draft, ModelSpec Spec)> models, List<CatalogDiagnostic> diagnostics)
    {
        var kept = new List<(ModelDraft Draft, ModelSpec Spec)>(models.Count);
        var byName = new Dictionary<string, ModelDraft>(StringComparer.Ordinal);
        var byFoldedName = new Dictionary<string, ModelDraft>(StringComparer.OrdinalIgnoreCase);
        foreach ((ModelDraft draft, ModelSpec spec) in models)
        {
            string name = ModelNaming.TypeNameOf(spec);
            string id = spec.Id;
            if (name.Length > CSharpNames.MaxNameLength)
            {
                Report(MediaRules.CatalogInvalidValue, draft.LocationOf("name"), $"Model '{CatalogFileParser.Shorten(id)}' maps to a C# name of {name.Length} characters; names in the generated code are limited to {CSharpNames.MaxNameLength} (the model's file is named after it). Give it a shorter 'name:'.");
            }
            else if (CSharpNames.IsKeyword(name) || CSharpNames.IsAllLowerAscii(name))
            {
                Report(MediaRules.CatalogInvalidValue, draft.Location, $"Model '{id}' maps to the C# name '{name}', which is a C# keyword or only lower-case letters (CS8981); give it a PascalCase 'name:'.");
            }
            else if (GeneratedApi.ReservedModelNames.Contains(name)) // A set ignoring case (ICollection.Contains).
            {
                Report(MediaRules.CatalogNameClash, draft.Location, $"Model '{id}' maps to the C# name '{name}', which the generated {GeneratedApi.CatalogClass} uses itself; give it a different 'name:'.");
            }
            else if (GeneratedApi.ModelClassDeclares(spec, name))
            {
                Report(MediaRules.CatalogNameClash, draft.Location, $"Model '{id}' maps to the C# name '{name}', which is also the name of one of its own generated members; give it a different 'name:'.");
            }
            else if (byName.TryGetValue(name, out ModelDraft? same))
            {
                // Reported at both places: the user may be editing either file.
                Report(MediaRules.CatalogNameClash, draft.LocationOf("name"), $"Models '{same.Id}' and '{id}' both map to the C# name '{name}'; give one of them a different 'name:'.", same.LocationOf("name"));
            }
            else if (byFoldedName.TryGetValue(name, out ModelDraft? folded))
            {
                Report(MediaRules.CatalogNameClash, draft.Location, $"Models '{folded.Id}' and '{id}' map to C# names that differ only in case ('{name}'), so their generated files would clash; give one of them a different 'name:'.", folded.Location);
            }
            else
            {
                byName.Add(name, draft);
                byFoldedName.Add(name, draft);
                kept.Add((draft, spec));
            }
        }

        return kept;

        void Report(RuleDescriptor rule, SourceLocation location, string message, SourceLocation? other = null) =>
            diagnostics.Add(new CatalogDiagnostic(rule.Id, message, location, other is SourceLocation place ? EquatableArray.Create(place) : default));
    }
}
