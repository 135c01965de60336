using System;
using System.Collections.Generic;
using System.Reflection;

namespace MediaModels.Validation;

/// <summary>
/// The catalogs the MediaModels source generator compiled into the application's assemblies. Each generated
/// <c>MediaCatalog</c> registers its validator here when its assembly loads (a module initializer), so
/// <see cref="RequestValidator.Default"/> — and with it the client — judges requests by the catalog the build compiled,
/// the user's own models and overrides included, without any code.
/// </summary>
/// <remarks>
/// When several assemblies compiled a catalog, the entry assembly's wins, else the one registered last. The
/// validator is created only when first asked for, so an assembly load costs one delegate.
/// </remarks>
public static class CompiledCatalogs
{
    private static readonly object Gate = new();
    private static readonly List<Registration> Registrations = new();

    /// <summary>Registers the compiled catalog of <paramref name="assembly"/>; called by generated code.</summary>
    /// <param name="assembly">The assembly the catalog was compiled into.</param>
    /// <param name="validator">Creates the validator over that catalog (called at most once).</param>
    public static void Register(Assembly assembly, Func<RequestValidator> validator)
    {
        if (assembly is null)
        {
            throw new ArgumentNullException(nameof(assembly));
        }

        if (validator is null)
        {
            throw new ArgumentNullException(nameof(validator));
        }

        lock (Gate)
        {
            Registrations.RemoveAll(r => r.Assembly == assembly);
            Registrations.Add(new Registration(assembly, new Lazy<RequestValidator>(validator)));
        }
    }

    /// <summary>The assemblies that registered a compiled catalog, in registration order.</summary>
    public static IReadOnlyList<Assembly> Assemblies
    {
        get
        {
            lock (Gate)
            {
                return Registrations.ConvertAll(r => r.Assembly);
            }
        }
    }

    /// <summary>The validator over the catalog <paramref name="assembly"/> compiled, or null.</summary>
    public static RequestValidator? For(Assembly assembly)
    {
        Lazy<RequestValidator>? found = null;
        lock (Gate)
        {
            foreach (Registration registration in Registrations)
            {
                if (registration.Assembly == assembly)
                {
                    found = registration.Validator;
                }
            }
        }

        return found?.Value;
    }

    /// <summary>
    /// The validator over the catalog the application compiled, or null: the entry assembly's (registered, or named by
    /// its <see cref="CompiledCatalogAttribute"/>), else the one registered last.
    /// </summary>
    public static RequestValidator? Current
    {
        get
        {
            Assembly? entry = Assembly.GetEntryAssembly();
            if (entry is not null && For(entry) is RequestValidator registered)
            {
                return registered;
            }

            if (entry is not null && FromAttribute(entry) is RequestValidator declared)
            {
                Register(entry, () => declared);
                return declared;
            }

            Lazy<RequestValidator>? latest;
            lock (Gate)
            {
                latest = Registrations.Count > 0 ? Registrations[Registrations.Count - 1].Validator : null;
            }

            return latest?.Value;
        }
    }

    /// <summary>The validator of the generated class an assembly's <see cref="CompiledCatalogAttribute"/> names.</summary>
    private static RequestValidator? FromAttribute(Assembly assembly)
    {
        try
        {
            return assembly.GetCustomAttribute<CompiledCatalogAttribute>()?.CatalogClass
                .GetProperty(MediaModels.Catalog.Naming.GeneratedApi.ValidatorProperty, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as RequestValidator;
        }
        catch (Exception exception) when (exception is TargetInvocationException or MemberAccessException or TypeLoadException or InvalidOperationException)
        {
            // A catalog class that cannot be read leaves the shipped catalog in charge, as without a generator.
            return null;
        }
    }

    private sealed class Registration
    {
        public Registration(Assembly assembly, Lazy<RequestValidator> validator)
        {
            Assembly = assembly;
            Validator = validator;
        }

        public Assembly Assembly { get; }

        public Lazy<RequestValidator> Validator { get; }
    }
}
