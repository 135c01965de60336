using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using MediaModels.Catalog;
using MediaModels.Catalog.Diagnostics;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Reading;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Diagnostics;
using MediaModels.Generators.Emit;
using MediaModels.Generators.Model;

namespace MediaModels.Generators.Parsing;

/// <summary>
/// Parses one catalog file, and merges all of them (in MediaModelsCatalogOrder, then path order) with the same
/// <see cref="CatalogMerger"/> the library uses, into the specs the emitters write.
/// </summary>
internal static class CatalogModelBuilder
{
    /// <summary>Parses one file's text (YAML read once per file content; the step is cached on the text).</summary>
    public static ParsedCatalogFile Parse(CatalogFileInput input, CancellationToken cancellationToken)
    {
        CatalogFile file;
        if (input.Failure is not null)
        {
            file = Failed(input.Path, MediaRules.CatalogInternalError.Id, CatalogDiagnostic.InternalErrorMessage("reading this catalog file", input.Failure));
        }
        else if (input.Text is null)
        {
            file = Failed(input.Path, MediaRules.CatalogUnreadable.Id, "The compiler could not read the catalog file.");
        }
        else
        {
            file = CatalogFileParser.Parse(input.Path, input.Text, cancellationToken);
        }

        return new ParsedCatalogFile(input.Path, input.Order, input.Text, file, input.InvalidOrder);
    }

    /// <summary>A file that could not be parsed: its one diagnostic at (1,1).</summary>
    public static CatalogFile Failed(string path, string id, string message) => new(
        path,
        null,
        EquatableArray<ModelDraft>.Empty,
        EquatableArray<ModelDraft>.Empty,
        EquatableArray.Create(new CatalogDiagnostic(id, message, new SourceLocation(path, 1, 1))));

    /// <summary>Merges the files and builds every spec.</summary>
    public static GeneratorModel Build(ImmutableArray<ParsedCatalogFile> files, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (options.InvalidNamespace is string badNamespace)
        {
            diagnostics.Add(new DiagnosticInfo(MediaRules.CatalogInvalidValue.Id, $"MediaModelsNamespace '{badNamespace}' is not a C# namespace; the generated code uses '{options.Namespace}'.", null));
        }

        if (options.InvalidAccessibility is string badAccessibility)
        {
            diagnostics.Add(new DiagnosticInfo(MediaRules.CatalogInvalidValue.Id, $"MediaModelsGeneratedAccessibility '{badAccessibility}' is neither public nor internal; the generated types are {(options.IsPublic ? "public" : "internal")}.", null));
        }

        if (files.IsDefaultOrEmpty)
        {
            return new GeneratorModel(null, EquatableArray<ModelGroupSpec>.Empty, diagnostics.ToEquatableArray());
        }

        ParsedCatalogFile[] ordered = CatalogMergeOrder.Sort(files, f => f.Order, f => f.Path);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var lineIndexes = new Dictionary<string, LineIndex>(StringComparer.Ordinal);
        foreach (ParsedCatalogFile file in ordered)
        {
            texts[file.Path] = file.Text;
            if (file.InvalidOrder is string badOrder)
            {
                diagnostics.Add(Info(new CatalogDiagnostic(MediaRules.CatalogInvalidValue.Id, $"MediaModelsCatalogOrder '{badOrder}' is not an integer; 0 is used.", new SourceLocation(file.Path, 1, 1))));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        CatalogReadResult result = CatalogMerger.Merge(ordered.Select(f => f.File));
        foreach (CatalogDiagnostic diagnostic in result.Diagnostics)
        {
            diagnostics.Add(Info(diagnostic));
        }

        var target = new EmitTarget(options.Namespace, options.IsPublic);
        var specs = new List<ModelEmitSpec>();
        // Every model the catalog check kept is one the emitters can write: the name rules, like every other rule, are
        // the catalog library's (CatalogMerger), so what is emitted is what `mediamodels catalog check` accepts.
        foreach (ModelSpec model in result.Catalog.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                specs.Add(ModelSpecFactory.Create(model, ModelNaming.TypeNameOf(model), target));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Last resort (a bug of ours, MM1017): the model is left out of MediaCatalog.g.cs too, so the rest compiles.
                SourceLocation where = result.Catalog.OriginOf(model.Id) ?? new SourceLocation(ordered[ordered.Length - 1].Path, 1, 1);
                diagnostics.Add(Info(CatalogDiagnostic.InternalError($"preparing model '{model.Id}'", exception, where)));
            }
        }

        specs.Sort((a, b) => string.CompareOrdinal(a.TypeName, b.TypeName));
        CatalogDefaults defaults = result.Catalog.Defaults;
        var index = new CatalogIndexSpec(
            target,
            specs.Select(s => new CatalogEntry(s.TypeName, s.Spec.Id)).ToEquatableArray(),
            defaults,
            AspectRatios(defaults.AspectRatioExamples));
        return new GeneratorModel(index, Group(specs, target), diagnostics.ToEquatableArray());

        DiagnosticInfo Info(CatalogDiagnostic diagnostic) => DiagnosticInfo.From(diagnostic, LinesOf);

        // One line index per file with diagnostics, built on first use: positions become offsets by lookup.
        (LineIndex? Lines, string? Text) LinesOf(string path)
        {
            if (!texts.TryGetValue(path, out string? text) || text is null)
            {
                return (null, null);
            }

            if (!lineIndexes.TryGetValue(path, out LineIndex? lines))
            {
                lines = new LineIndex(text);
                lineIndexes.Add(path, lines);
            }

            return (lines, text);
        }
    }

    /// <summary>Puts each model (in C# name order) into its group; the groups come out ordered by key.</summary>
    public static EquatableArray<ModelGroupSpec> Group(IReadOnlyList<ModelEmitSpec> specs, EmitTarget target)
    {
        var members = new List<ModelEmitSpec>?[HintNames.ModelGroupCount];
        foreach (ModelEmitSpec spec in specs)
        {
            int key = HintNames.GroupOf(spec.TypeName);
            (members[key] ??= new List<ModelEmitSpec>()).Add(spec);
        }

        var groups = new List<ModelGroupSpec>();
        for (int key = 0; key < members.Length; key++)
        {
            if (members[key] is { } models)
            {
                groups.Add(new ModelGroupSpec(key, target, models.ToEquatableArray()));
            }
        }

        return groups.ToEquatableArray();
    }

    /// <summary>Names for the catalog's aspect ratio examples: Square1x1, Widescreen16x9, Portrait9x16, Ultrawide21x9, Landscape4x3….</summary>
    public static EquatableArray<NamedAspectRatio> AspectRatios(EquatableArray<string> examples)
    {
        var ratios = new List<NamedAspectRatio>();
        var taken = new HashSet<string>(StringComparer.Ordinal) { GeneratedApi.CustomMethod, GeneratedApi.ParseMethod, GeneratedApi.TryParseMethod, "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "Width", "Height", "Value" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string example in examples)
        {
            if (!RuleEngine.IsAspectRatio(example) || !seen.Add(example))
            {
                continue;
            }

            int colon = example.IndexOf(':');
            int width = int.Parse(example.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture);
            int height = int.Parse(example.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            double ratio = (double)width / height;
            string shape = width == height ? "Square" : width < height ? "Portrait" : ratio >= 2.2 ? "Ultrawide" : ratio >= 16.0 / 9.0 ? "Widescreen" : "Landscape";
            string name = shape + width.ToString(CultureInfo.InvariantCulture) + "x" + height.ToString(CultureInfo.InvariantCulture);
            ratios.Add(new NamedAspectRatio(CSharpNames.Unique(name, taken), width, height));
        }

        return ratios.ToEquatableArray();
    }
}
