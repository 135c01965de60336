using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif

namespace MediaModels.Validation;

/// <summary>
/// Names the <c>MediaCatalog</c> class the MediaModels source generator compiled into this assembly, so
/// <see cref="CompiledCatalogs"/> finds the entry assembly's catalog even where no module initializer ran (C# 8).
/// Written by generated code.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class CompiledCatalogAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="catalogClass">The generated <c>MediaCatalog</c> class (it has a static <c>Validator</c> property).</param>
    public CompiledCatalogAttribute(
#if NET
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
#endif
        Type catalogClass)
    {
        CatalogClass = catalogClass;
    }

    /// <summary>The generated <c>MediaCatalog</c> class.</summary>
#if NET
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)]
#endif
    public Type CatalogClass { get; }
}
