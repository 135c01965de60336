namespace MediaModels.Generators.Model;

/// <summary>The generator's settings, read from MSBuild properties through global analyzer config.</summary>
/// <param name="Namespace">Namespace of the generated types (<c>MediaModelsNamespace</c>, default <c>MediaModels</c>).</param>
/// <param name="IsPublic">True when <c>MediaModelsGeneratedAccessibility</c> is <c>public</c>; internal otherwise.</param>
/// <param name="InvalidNamespace">The configured namespace when it is not a valid C# namespace (the default is used), else null.</param>
/// <param name="InvalidAccessibility">The configured accessibility when it is neither public nor internal, else null.</param>
internal sealed record GeneratorOptions(string Namespace, bool IsPublic, string? InvalidNamespace, string? InvalidAccessibility)
{
    /// <summary>The namespace used when none is configured.</summary>
    public const string DefaultNamespace = "MediaModels";

    /// <summary>Defaults: namespace MediaModels, internal types.</summary>
    public static readonly GeneratorOptions Default = new(DefaultNamespace, false, null, null);
}
