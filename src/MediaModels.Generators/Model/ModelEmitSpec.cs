using MediaModels.Catalog;

namespace MediaModels.Generators.Model;

/// <summary>
/// Everything needed to emit one model's class. Value-equatable and free of positions, so an edit elsewhere in a
/// catalog file (even one that shifts this model's lines) leaves it equal.
/// </summary>
/// <param name="TypeName">The C# name, <c>MediaCatalog.&lt;TypeName&gt;</c>; it also picks the model's group (<see cref="Emit.HintNames.GroupOf"/>).</param>
/// <param name="Target">Namespace and accessibility of the generated code.</param>
/// <param name="Spec">The model as the catalog gives it (emitted as a literal, and the source of every doc).</param>
/// <param name="Modes">One entry per generation type, in the catalog's order.</param>
/// <param name="Durations">Named duration values, or empty when the duration is not configurable.</param>
/// <param name="Qualities">Named quality values, or empty when the model ignores quality.</param>
internal sealed record ModelEmitSpec(
    string TypeName,
    EmitTarget Target,
    ModelSpec Spec,
    EquatableArray<ModeEmitSpec> Modes,
    EquatableArray<NamedDuration> Durations,
    EquatableArray<NamedQuality> Qualities);

/// <summary>
/// The models of one generated file (<see cref="Emit.HintNames.ModelGroup"/>): compared by value, so an edit to one
/// model re-emits its group's file and no other.
/// </summary>
/// <param name="Key">The group, 0 to <see cref="Emit.HintNames.ModelGroupCount"/> - 1.</param>
/// <param name="Target">Namespace and accessibility of the generated code.</param>
/// <param name="Models">The group's models, ordered by C# name (ordinal).</param>
internal sealed record ModelGroupSpec(int Key, EmitTarget Target, EquatableArray<ModelEmitSpec> Models);

/// <summary>Where generated code goes.</summary>
/// <param name="Namespace">The namespace of MediaCatalog and AspectRatio.</param>
/// <param name="IsPublic">Public or internal top-level types.</param>
internal sealed record EmitTarget(string Namespace, bool IsPublic)
{
    /// <summary><c>public</c> or <c>internal</c>.</summary>
    public string Accessibility => IsPublic ? "public" : "internal";
}

/// <summary>One generation type of a model: its factory methods and builder types.</summary>
/// <param name="GenerationType">The wire value, e.g. <c>image-to-video</c>.</param>
/// <param name="MethodName">The factory method name, e.g. <c>ImageToVideo</c>.</param>
/// <param name="Spec">The catalog's description of the mode.</param>
/// <param name="Builders">The builder types of this mode (a second one when elements need more pictures than the minimum).</param>
/// <param name="Factories">The factory overloads, fewest parameters first.</param>
internal sealed record ModeEmitSpec(
    string GenerationType,
    string MethodName,
    GenerationTypeSpec Spec,
    EquatableArray<BuilderEmitSpec> Builders,
    EquatableArray<FactoryEmitSpec> Factories);

/// <summary>A builder type.</summary>
/// <param name="Name">E.g. <c>ImageToVideoBuilder</c>.</param>
/// <param name="HasElements">True when the builder offers Kling elements (the pictures they need are there).</param>
internal sealed record BuilderEmitSpec(string Name, bool HasElements);

/// <summary>One factory overload.</summary>
/// <param name="Parameters">The source-media parameters after <c>prompt</c>, in order.</param>
/// <param name="BuilderName">The builder type it returns.</param>
internal sealed record FactoryEmitSpec(EquatableArray<InputParameter> Parameters, string BuilderName);

/// <summary>How a source-media parameter is passed.</summary>
internal enum InputKind
{
    /// <summary>One URL: <c>string image</c>.</summary>
    Single,

    /// <summary>Any number of URLs at the end: <c>params string[] moreImages</c>.</summary>
    ParamsArray,

    /// <summary>A sequence known at run time: <c>IEnumerable&lt;string&gt; images</c>.</summary>
    Sequence,
}

/// <summary>A source-media parameter of a factory.</summary>
/// <param name="Name">The C# parameter name (from the catalog's role when there is one).</param>
/// <param name="Kind">How it is passed.</param>
/// <param name="Media">Image or video input.</param>
/// <param name="Role">The catalog role of the position (start-frame…), or null.</param>
internal sealed record InputParameter(string Name, InputKind Kind, MediaKind Media, string? Role);

/// <summary>A named duration value: <c>Seconds5</c> = 5 s.</summary>
internal sealed record NamedDuration(string Name, int Seconds);

/// <summary>A named quality value: <c>Hd</c> = <c>hd</c>.</summary>
internal sealed record NamedQuality(string Name, string Value, string? Meaning);

/// <summary>A named aspect ratio from the catalog's examples: <c>Widescreen16x9</c> = 16:9.</summary>
internal sealed record NamedAspectRatio(string Name, int Width, int Height);

/// <summary>What MediaCatalog.g.cs and AspectRatio.g.cs need: the model names, the defaults and the ratios.</summary>
/// <param name="Target">Namespace and accessibility.</param>
/// <param name="Models">Every model: C# name and id, ordered by C# name (ordinal).</param>
/// <param name="Defaults">The service defaults of the merged catalog.</param>
/// <param name="AspectRatios">Named aspect ratios from the defaults' examples.</param>
internal sealed record CatalogIndexSpec(
    EmitTarget Target,
    EquatableArray<CatalogEntry> Models,
    CatalogDefaults Defaults,
    EquatableArray<NamedAspectRatio> AspectRatios);

/// <summary>One model in the index.</summary>
/// <param name="TypeName">Its C# name.</param>
/// <param name="Id">Its wire id.</param>
internal sealed record CatalogEntry(string TypeName, string Id);

/// <summary>The merged catalog as the emitters see it.</summary>
/// <param name="Index">The index, or null when no catalog file is given (nothing is generated).</param>
/// <param name="Groups">The models in their files' groups, ordered by key; groups without models are left out.</param>
/// <param name="Diagnostics">Every catalog problem.</param>
internal sealed record GeneratorModel(
    CatalogIndexSpec? Index,
    EquatableArray<ModelGroupSpec> Groups,
    EquatableArray<Diagnostics.DiagnosticInfo> Diagnostics);
