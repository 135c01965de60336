using System;
using System.Collections.Generic;
using MediaModels.Catalog.Wire;

namespace MediaModels.Catalog.Naming;

/// <summary>
/// The names of the API the source generator writes from a catalog: the shared types, each model's class and its
/// members, the builders' methods and the value types' factories. The emitters write them, the analyzers recognise
/// the generated code by them, the refactoring writes calls with them, and the catalog check refuses model names that
/// would collide with them; none of those spells them itself.
/// </summary>
public static class GeneratedApi
{
#pragma warning disable CS1591 // Each name documents itself; the groups are described below.
    // Types at the namespace level.
    public const string CatalogClass = "MediaCatalog";
    public const string AspectRatioType = "AspectRatio";

    // Members and types nested in MediaCatalog itself.
    public const string CatalogProperty = "Catalog";
    public const string ValidatorProperty = "Validator";
    public const string CatalogHolderType = "CatalogHolder";
    public const string RequestBuilderType = "RequestBuilder";
    public const string RequestDraftType = "RequestDraft";
    public const string DurationValueType = "DurationValue";
    public const string QualityValueType = "QualityValue";
    public const string ModelIdsType = "ModelIds";
    public const string RegisterMethod = "RegisterCompiledCatalog";

    // Members of each model's class (MediaCatalog.Sora2).
    public const string IdConstant = "Id";
    public const string SpecProperty = "Spec";
    public const string MaxPromptLengthConstant = "MaxPromptLength";
    public const string DurationType = "Duration";
    public const string DurationsClass = "Durations";
    public const string QualityType = "Quality";
    public const string QualitiesClass = "Qualities";
    public const string CreateMethod = "Create";
    public const string ElementMinImagesConstant = "ElementMinImages";
    public const string ElementMaxImagesConstant = "ElementMaxImages";
    public const string ElementVideosConstant = "ElementVideos";
    public const string BuilderSuffix = "Builder";
    public const string ElementsBuilderSuffix = "ElementsBuilder";

    // Methods of the builders.
    public const string BuildMethod = "Build";
    public const string WithPrefix = "With";
    public const string WithElementMethod = "WithElement";
    public const string WithVideoElementMethod = "WithVideoElement";

    // Factory parameters.
    public const string PromptParameter = "prompt";

    // Members of the value types (a model's Duration and Quality, AspectRatio).
    public const string FromSecondsMethod = "FromSeconds";
    public const string FromValueMethod = "FromValue";
    public const string CustomMethod = "Custom";
    public const string ParseMethod = "Parse";
    public const string TryParseMethod = "TryParse";
    public const string AllProperty = "All";
    public const string SecondsPrefix = "Seconds";
#pragma warning restore CS1591

    /// <summary>Suffixes of a mode's count constants (<c>ImageToVideoMinImages</c>).</summary>
    public static IReadOnlyList<string> SourceMediaLimitSuffixes { get; } = new[] { "MinImages", "MaxImages", "MinVideos", "MaxVideos" };

    /// <summary>
    /// Names a model's class cannot take: the generated shared types and members of <see cref="CatalogClass"/>, and
    /// the members every class inherits from <see cref="object"/>. Compared ignoring case, so that no model's class
    /// differs from a generated name by case alone (a clash for case-insensitive consumers such as Visual Basic).
    /// </summary>
    public static IReadOnlyCollection<string> ReservedModelNames { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        CatalogClass, AspectRatioType, CatalogProperty, ValidatorProperty, RequestDraftType, RequestBuilderType,
        DurationValueType, QualityValueType, CatalogHolderType, ModelIdsType, RegisterMethod,
        "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members every model's class may declare, whatever its modes.</summary>
    public static IReadOnlyList<string> FixedModelMembers { get; } = new[]
    {
        IdConstant, SpecProperty, MaxPromptLengthConstant, DurationType, DurationsClass, QualityType, QualitiesClass, CreateMethod,
        ElementMinImagesConstant, ElementMaxImagesConstant, ElementVideosConstant,
    };

    /// <summary>The factory method that starts a request of <paramref name="generationType"/>: <c>image-to-video</c> → <c>ImageToVideo</c>.</summary>
    public static string FactoryMethodOf(string generationType) => ModelNaming.Pascal(generationType);

    /// <summary>The builder type a factory of <paramref name="generationType"/> returns: <c>ImageToVideoBuilder</c>.</summary>
    public static string BuilderTypeOf(string generationType) => FactoryMethodOf(generationType) + BuilderSuffix;

    /// <summary>The builder type of a state that has the pictures Kling elements need: <c>ImageToVideoElementsBuilder</c>.</summary>
    public static string ElementsBuilderTypeOf(string generationType) => FactoryMethodOf(generationType) + ElementsBuilderSuffix;

    /// <summary>The builder method that sets <paramref name="parameter"/>: <c>WithNegativePrompt</c>.</summary>
    public static string WithMethodOf(WireParameter parameter) => WithPrefix + parameter.MemberName;

    /// <summary>
    /// True for the parameters a mode's factory method sets (<c>model</c>, <c>generation_type</c>, <c>prompt</c> and the
    /// source media, by role); the others are set by the builder's <c>With…</c> methods.
    /// </summary>
    public static bool IsSetByFactory(WireParameter parameter) =>
        parameter == WireParameters.Model || parameter == WireParameters.GenerationType
        || parameter == WireParameters.Prompt || parameter == WireParameters.SourceMediaUrls;

    /// <summary>
    /// The runtime type that carries a JSON number without loss (<c>MediaModels.Seed</c>: a whole 64-bit number or the
    /// number's text), fully qualified. <c>seed</c> is the tools' only number parameter; <c>long</c>, <c>int</c> and
    /// <c>decimal</c> convert to it implicitly, so <c>WithSeed(42)</c> reads as before.
    /// </summary>
    public const string NumberType = "global::MediaModels.Seed";

    /// <summary>The C# type of a single-valued parameter as the request type and the builders carry it.</summary>
    public static string ClrTypeOf(WireParameter parameter) => parameter.Kind switch
    {
        WireJsonKind.Boolean => "bool",
        WireJsonKind.Number => NumberType,
        _ => "string",
    };

    /// <summary>The named value of a duration: <c>Seconds5</c>.</summary>
    public static string DurationValueName(int seconds) => SecondsPrefix + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The generation type a builder type is for (<c>ImageToVideoElementsBuilder</c> → <c>image-to-video</c>), or null when
    /// <paramref name="builderType"/> is no builder of a known generation type.
    /// </summary>
    public static string? GenerationTypeOfBuilder(string builderType)
    {
        foreach (string type in GenerationTypes.All)
        {
            if (builderType == BuilderTypeOf(type) || builderType == ElementsBuilderTypeOf(type))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the class generated for <paramref name="model"/> declares (or may declare) a member called
    /// <paramref name="name"/>, so a model named so would clash with it (CS0542).
    /// </summary>
    public static bool ModelClassDeclares(ModelSpec model, string name)
    {
        foreach (string member in FixedModelMembers)
        {
            if (name == member)
            {
                return true;
            }
        }

        foreach (GenerationTypeSpec mode in model.GenerationTypes)
        {
            string method = FactoryMethodOf(mode.Type);
            if (name == method || name == method + BuilderSuffix || name == method + ElementsBuilderSuffix)
            {
                return true;
            }

            if (name.Length > method.Length && name.StartsWith(method, StringComparison.Ordinal))
            {
                foreach (string suffix in SourceMediaLimitSuffixes)
                {
                    if (name.Length == method.Length + suffix.Length && string.CompareOrdinal(name, method.Length, suffix, 0, suffix.Length) == 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
