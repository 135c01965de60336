using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Wire;
using MediaModels.Validation;

namespace MediaModels.Generators.Tests;

/// <summary>
/// The code this project's build generated (the shipped catalog) has exactly the names <see cref="GeneratedApi"/> gives,
/// the names the analyzers, the refactoring and the catalog check rely on; and it registers the catalog it compiled.
/// </summary>
public sealed class GeneratedApiContractTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> ModelClasses => typeof(MediaCatalog).GetNestedTypes()
        .Where(t => t.IsAbstract && t.IsSealed && t.GetField(GeneratedApi.IdConstant) is not null);

    [Fact]
    public void Every_member_of_every_model_class_is_one_the_contract_names()
    {
        Assert.Equal(ShippedCatalog.Instance.Models.Count, ModelClasses.Count());
        foreach (Type modelClass in ModelClasses)
        {
            ModelSpec spec = (ModelSpec)modelClass.GetProperty(GeneratedApi.SpecProperty)!.GetValue(null)!;
            Assert.Equal(ModelNaming.TypeNameOf(spec), modelClass.Name);
            IEnumerable<string> members = modelClass.GetMembers(Declared)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m is not ConstructorInfo)
                .Where(m => !m.Name.StartsWith("<", StringComparison.Ordinal))
                .Select(m => m.Name);
            foreach (string member in members)
            {
                Assert.True(GeneratedApi.ModelClassDeclares(spec, member), $"{modelClass.Name}.{member} is not a name of the generated-API contract");
            }

            foreach (GenerationTypeSpec mode in spec.GenerationTypes)
            {
                Assert.NotNull(modelClass.GetMethod(GeneratedApi.FactoryMethodOf(mode.Type), BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null)
                    ?? modelClass.GetMethods().FirstOrDefault(m => m.Name == GeneratedApi.FactoryMethodOf(mode.Type)));
                Assert.NotNull(modelClass.GetNestedType(GeneratedApi.BuilderTypeOf(mode.Type)) ?? modelClass.GetNestedType(GeneratedApi.ElementsBuilderTypeOf(mode.Type)));
            }
        }
    }

    [Fact]
    public void Builder_methods_are_the_contract_s_with_methods_of_the_table()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal)
        {
            GeneratedApi.BuildMethod, GeneratedApi.WithElementMethod, GeneratedApi.WithVideoElementMethod, "With",
        };
        allowed.UnionWith(WireParameters.GenerateMedia.Where(p => !GeneratedApi.IsSetByFactory(p)).Select(GeneratedApi.WithMethodOf));
        foreach (Type builder in ModelClasses.SelectMany(m => m.GetNestedTypes()).Where(t => t.Name.EndsWith(GeneratedApi.BuilderSuffix, StringComparison.Ordinal)))
        {
            Assert.NotNull(GeneratedApi.GenerationTypeOfBuilder(builder.Name));
            for (Type? type = builder; type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (MethodInfo method in type.GetMethods(Declared).Where(m => !m.IsSpecialName && !m.Name.StartsWith("<", StringComparison.Ordinal)))
                {
                    Assert.True(allowed.Contains(method.Name), $"{builder.FullName}: {method.Name} is not a builder method of the contract");
                }
            }
        }
    }

    [Fact]
    public void Value_types_have_the_contract_s_factories()
    {
        Type duration = typeof(MediaCatalog.Sora2).GetNestedType(GeneratedApi.DurationType)!;
        Assert.NotNull(duration.GetMethod(GeneratedApi.FromSecondsMethod));
        Type quality = typeof(MediaCatalog.Sora2Pro).GetNestedType(GeneratedApi.QualityType)!;
        Assert.NotNull(quality.GetMethod(GeneratedApi.FromValueMethod));
        Assert.NotNull(typeof(AspectRatio).GetMethod(GeneratedApi.ParseMethod));
        Assert.NotNull(typeof(AspectRatio).GetMethod(GeneratedApi.CustomMethod));
        Assert.Equal(GeneratedApi.AspectRatioType, typeof(AspectRatio).Name);
        Assert.Equal(GeneratedApi.CatalogClass, typeof(MediaCatalog).Name);
    }

    [Fact]
    public void The_compiled_catalog_registers_itself_and_becomes_the_default()
    {
        Assert.Contains(typeof(MediaCatalog).Assembly, CompiledCatalogs.Assemblies);
        Assert.Same(MediaCatalog.Validator, CompiledCatalogs.For(typeof(MediaCatalog).Assembly));
        Assert.Same(MediaCatalog.Validator, RequestValidator.Default);
        Assert.NotSame(RequestValidator.ShippedDefault, RequestValidator.Default);
        Assert.Equal(typeof(MediaCatalog), typeof(MediaCatalog).Assembly.GetCustomAttribute<CompiledCatalogAttribute>()!.CatalogClass);
    }
}
