namespace MediaModels.Generators.Model;

/// <summary>What the consumer's C# can take, read from its parse options (a value, so the step caches).</summary>
/// <param name="ModuleInitializers">
/// C# 9 or later on .NET 5 or later (which defines <c>ModuleInitializerAttribute</c>): the catalog registers itself when
/// its assembly loads. Elsewhere no attribute is declared for it (it would clash with a polyfill package's), and the
/// entry assembly's catalog is found through its <c>CompiledCatalog</c> assembly attribute instead.
/// </param>
internal sealed record LanguageSupport(bool ModuleInitializers)
{
    /// <summary>What a consumer without parse options is assumed to have: no module initializers.</summary>
    public static readonly LanguageSupport None = new(false);
}
