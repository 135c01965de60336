using System;
using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;

namespace MediaModels.Generators.Emit;

/// <summary>
/// C# object-creation expressions that rebuild catalog records (<c>new ModelSpec(…)</c>), so the generated code
/// validates against the very catalog it was compiled from, with no YAML read at run time.
/// </summary>
internal static class SpecLiteral
{
    public const string Ns = "global::MediaModels.Catalog.";

    /// <summary>Writes <c>new ModelSpec(…)</c> with one argument per line, ending with <paramref name="terminator"/>.</summary>
    public static void WriteModel(SourceWriter writer, ModelSpec spec, string terminator)
    {
        string[] arguments =
        {
            Literals.String(spec.Id),
            Literals.String(spec.Name),
            Ns + "MediaKind." + spec.Media,
            Literals.String(spec.Family),
            Array(spec.GenerationTypes, "GenerationTypeSpec", GenerationType),
            Duration(spec.Duration),
            Literals.Bool(spec.Sound),
            Literals.Bool(spec.NegativePrompt),
            spec.Quality is null ? "null" : Quality(spec.Quality),
            spec.Resolution is null ? "null" : Resolution(spec.Resolution),
            Literals.Int(spec.PromptMaxLength),
            spec.Elements is null ? "null" : Elements(spec.Elements),
            Strings(spec.AspectRatios),
            spec.Pricing is null ? "null" : Pricing(spec.Pricing),
            Literals.Int(spec.EstimatedTimeSeconds),
            Strings(spec.Notes),
            Strings(spec.Sources),
        };
        WriteCall(writer, "new " + Ns + "ModelSpec(", arguments, ")" + terminator);
    }

    /// <summary>Writes <c>new CatalogDefaults(…)</c>.</summary>
    public static void WriteDefaults(SourceWriter writer, CatalogDefaults defaults, string terminator)
    {
        string[] arguments =
        {
            Literals.String(defaults.GenerationType),
            Literals.String(defaults.AspectRatio),
            Strings(defaults.AspectRatioExamples),
            Literals.String(defaults.Quality),
            defaults.ImageInput is null ? "null" : MediaLimit(defaults.ImageInput),
            Strings(defaults.Notes),
        };
        WriteCall(writer, "new " + Ns + "CatalogDefaults(", arguments, ")" + terminator);
    }

    private static void WriteCall(SourceWriter writer, string open, string[] arguments, string close)
    {
        writer.Line(open);
        for (int i = 0; i < arguments.Length; i++)
        {
            writer.Line("    " + arguments[i] + (i < arguments.Length - 1 ? "," : close));
        }
    }

    private static string GenerationType(GenerationTypeSpec type) =>
        $"new {Ns}GenerationTypeSpec({Literals.String(type.Type)}, {Limit(type.Images)}, {Limit(type.Videos)}, {Literals.Int(type.ElementsRequireImages)}, {Strings(type.Notes)})";

    private static string Limit(SourceMediaLimit? limit) => limit is null ? "null" : MediaLimit(limit);

    private static string MediaLimit(SourceMediaLimit limit) =>
        $"new {Ns}SourceMediaLimit({Literals.Int(limit.Min)}, {Literals.Int(limit.Max)}, {Strings(limit.Roles)}, {Strings(limit.Formats)}, {Literals.Double(limit.MaxFileSizeMb)}, {Literals.Int(limit.MaxDurationSeconds)}, {Strings(limit.Notes)})";

    private static string Duration(DurationRule rule) =>
        $"new {Ns}DurationRule({Ns}DurationKind.{rule.Kind}, {Ints(rule.Values)}, {Literals.Int(rule.Min)}, {Literals.Int(rule.Max)}, {Literals.Int(rule.Fixed)}, {Strings(rule.Notes)})";

    private static string Quality(QualityRule rule) =>
        $"new {Ns}QualityRule({Array(rule.Values, "QualityOption", o => $"new {Ns}QualityOption({Literals.String(o.Value)}, {Literals.String(o.Meaning)})")}, {Literals.Bool(rule.Open)}, {Literals.String(rule.MapsTo)}, {Strings(rule.Notes)})";

    private static string Resolution(ResolutionRule rule) =>
        $"new {Ns}ResolutionRule({Strings(rule.Values)}, {Literals.String(rule.Parameter)}, {Strings(rule.Notes)})";

    private static string Elements(ElementRules rules) =>
        $"new {Ns}ElementRules({Literals.Int(rules.MinImages)}, {Literals.Int(rules.MaxImages)}, {Literals.Int(rules.Videos)}, {Strings(rules.ImageFormats)}, {Strings(rules.VideoFormats)}, {Literals.Int(rules.MinImagePixels)}, {Literals.Double(rules.MaxImageFileSizeMb)}, {Literals.Double(rules.MaxVideoFileSizeMb)}, {Strings(rules.Notes)})";

    private static string Pricing(PricingFacts pricing) =>
        $"new {Ns}PricingFacts({Literals.Double(pricing.CreditsPerSecond)}, {Strings(pricing.Notes)})";

    private static string Strings(EquatableArray<string> values) => Array(values, "string", Literals.String, isRecord: false);

    private static string Ints(EquatableArray<int> values) => Array(values, "int", Literals.Int, isRecord: false);

    private static string Array<T>(EquatableArray<T> values, string type, Func<T, string> literal, bool isRecord = true)
        where T : IEquatable<T>
    {
        string elementType = isRecord ? Ns + type : type;
        if (values.IsEmpty)
        {
            return $"{Ns}EquatableArray<{elementType}>.Empty";
        }

        IEnumerable<string> items = values.Select(literal);
        return $"new {Ns}EquatableArray<{elementType}>(new {elementType}[] {{ {string.Join(", ", items)} }})";
    }
}
