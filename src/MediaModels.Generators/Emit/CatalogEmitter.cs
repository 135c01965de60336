using System.Linq;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using MediaModels.Generators.Model;

namespace MediaModels.Generators.Emit;

/// <summary>
/// Writes the files generated once per catalog: MediaCatalog.g.cs (the entry point, the catalog as C# literals, its
/// validator and the state behind every builder) and AspectRatio.g.cs.
/// </summary>
internal static class CatalogEmitter
{
    private const string Runtime = GeneratedCodeInfo.RuntimeNamespace;
    private const string List = "global::System.Collections.Generic.List<string>";

    public static string EmitCatalog(CatalogIndexSpec index, LanguageSupport language)
    {
        var w = new SourceWriter();
        GeneratedCodeInfo.WriteHeader(w);
        string catalogClass = "global::" + index.Target.Namespace + "." + GeneratedApi.CatalogClass;
        w.Line($"[assembly: {Runtime}.Validation.CompiledCatalog(typeof({catalogClass}))]");
        w.Line();
        w.Line("namespace " + index.Target.Namespace);
        w.OpenBlock();
        int count = index.Models.Count;
        w.Summary($"Typed request builders for the {count} model{(count == 1 ? string.Empty : "s")} of the catalog this project was compiled with: one nested class per model (<c>MediaCatalog.Sora2</c>), whose factory methods take the inputs that model needs and whose builders offer only the parameters it honours.");
        w.Line("/// <remarks>");
        w.Line($"/// <para>Service defaults: {string.Join(", ", index.Defaults.WhenOmitted().Select(d => "<c>" + d.Parameter + "</c> " + Literals.Code(d.Value)))}. The builders always send the generation type.</para>");
        if (!index.Defaults.Notes.IsEmpty)
        {
            w.Line("/// <para>" + Docs.Notes(index.Defaults.Notes) + "</para>");
        }

        w.Line("/// <list type=\"table\">");
        w.Line("/// <listheader><term>Model id</term><description>Type</description></listheader>");
        foreach (CatalogEntry entry in index.Models)
        {
            w.Line($"/// <item><term>{Literals.Code(entry.Id)}</term><description><see cref=\"{entry.TypeName}\"/></description></item>");
        }

        w.Line("/// </list>");
        w.Line("/// </remarks>");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line(index.Target.Accessibility + " static partial class MediaCatalog");
        w.OpenBlock();
        w.Summary($"The catalog the builders were generated from ({count} model{(count == 1 ? string.Empty : "s")}), rebuilt from C# literals: overlays included, no YAML read at run time.");
        w.Line("public static global::MediaModels.Catalog.ModelCatalog Catalog => CatalogHolder.Catalog;");
        w.Line();
        w.Summary("The validator over <see cref=\"Catalog\"/> that every <c>Build()</c> uses (the shared rule engine).");
        w.Line($"public static {Runtime}.Validation.RequestValidator Validator => CatalogHolder.Validator;");
        w.Line();
        if (language.ModuleInitializers)
        {
            w.Summary($"Registers <see cref=\"{GeneratedApi.ValidatorProperty}\"/> when this assembly loads, so <c>RequestValidator.Default</c> and the client judge requests by the catalog this project compiled.");
            w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
            w.Line($"internal static void {GeneratedApi.RegisterMethod}() => {Runtime}.Validation.CompiledCatalogs.Register(typeof({GeneratedApi.CatalogClass}).Assembly, () => {GeneratedApi.CatalogHolderType}.Validator);");
            w.Line();
        }

        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("private static class CatalogHolder");
        w.OpenBlock();
        w.Line("internal static readonly global::MediaModels.Catalog.ModelCatalog Catalog = new global::MediaModels.Catalog.ModelCatalog(");
        w.Indent();
        if (count == 0)
        {
            w.Line("new global::MediaModels.Catalog.ModelSpec[0],");
        }
        else
        {
            w.Line("new global::MediaModels.Catalog.ModelSpec[]");
            w.OpenBlock();
            foreach (CatalogEntry entry in index.Models)
            {
                w.Line(entry.TypeName + ".Spec,");
            }

            w.CloseBlock(",");
        }

        SpecLiteral.WriteDefaults(w, index.Defaults, ");");
        w.Unindent();
        w.Line();
        w.Line($"internal static readonly {Runtime}.Validation.RequestValidator Validator = new {Runtime}.Validation.RequestValidator(Catalog);");
        w.CloseBlock();
        w.Line();
        WriteBases(w, index);
        WriteDraft(w);
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private static void WriteBases(SourceWriter w, CatalogIndexSpec index)
    {
        string aspectRatio = $"global::{index.Target.Namespace}.AspectRatio";
        w.Summary("What every generated builder offers: <c>aspect_ratio</c>, <c>seed</c> and <c>Build()</c>. The model-specific <c>With…</c> methods are on the model's own builder types.");
        w.Line("/// <typeparam name=\"TBuilder\">The model's builder type, returned by every <c>With…</c>.</typeparam>");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public abstract class RequestBuilder<TBuilder>");
        w.Line("    where TBuilder : RequestBuilder<TBuilder>");
        w.OpenBlock();
        w.Line("private protected RequestBuilder(RequestDraft draft)");
        w.OpenBlock();
        w.Line("Draft = draft;");
        w.CloseBlock();
        w.Line();
        w.Line("private protected RequestDraft Draft { get; }");
        w.Line();
        w.Summary($"Sets <c>aspect_ratio</c>: <c>W:H</c>. The spec gives examples ({string.Join(", ", index.AspectRatios.Select(r => $"<see cref=\"{aspectRatio}.{r.Name}\"/>"))}), not a per-model list; a model whose catalog entry lists its ratios is checked by <c>Build()</c>. The service's default is {Literals.Code(index.Defaults.AspectRatio)}.");
        w.Line($"/// <param name=\"aspectRatio\">A named ratio of <see cref=\"{aspectRatio}\"/>, or <see cref=\"{aspectRatio}.Custom(int, int)\"/>.</param>");
        w.Line("/// <returns>A new builder.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"aspectRatio\"/> is null.</exception>");
        w.Line($"public TBuilder WithAspectRatio({aspectRatio} aspectRatio) => With(Draft.WithAspectRatio(RequestDraft.NotNull(aspectRatio, nameof(aspectRatio)).Value));");
        w.Line();
        w.Summary("Sets <c>seed</c>, for reproducible results.");
        w.Line("/// <param name=\"seed\">The seed: any JSON number, as the spec types it; a <c>long</c>, <c>int</c> or <c>decimal</c> converts implicitly.</param>");
        w.Line("/// <returns>A new builder.</returns>");
        w.Line($"public TBuilder {GeneratedApi.WithMethodOf(WireParameters.Seed)}({GeneratedApi.ClrTypeOf(WireParameters.Seed)} seed) => With(Draft.{GeneratedApi.WithMethodOf(WireParameters.Seed)}(seed));");
        w.Line();
        w.Summary("Builds the <c>generate_media</c> request and validates it with the shared rule engine against <see cref=\"Catalog\"/>, the catalog this code was compiled from.");
        w.Line("/// <returns>The request; its <c>ToJson()</c> is the wire JSON.</returns>");
        w.Line("/// <remarks>What only run time can know is checked here: the prompt's length against the model's <c>MaxPromptLength</c>, a blank prompt, URLs that are not absolute http(s), the counts of URL lists and element inputs. Every error is listed in the validator's exception (<c>MediaRequestValidationException</c>); warnings do not throw.</remarks>");
        w.Line($"public {Runtime}.GenerateMediaRequest Build() => Draft.Build();");
        w.Line();
        w.Line("private protected abstract TBuilder With(RequestDraft draft);");
        w.CloseBlock();
        w.Line();

        w.Summary("A <c>duration</c> in whole seconds. Each model has its own derived type (<c>MediaCatalog.Sora2.Duration</c>), so one model's durations cannot be given to another.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public abstract class DurationValue : global::System.IEquatable<DurationValue>");
        w.OpenBlock();
        w.Line("private protected DurationValue(int seconds)");
        w.OpenBlock();
        w.Line("Seconds = seconds;");
        w.CloseBlock();
        w.Line();
        w.Summary("The length in whole seconds.");
        w.Line("public int Seconds { get; }");
        w.Line();
        w.Summary("The wire form, e.g. <c>5s</c>.");
        w.Line("public string Value => Seconds.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"s\";");
        WriteEquality(w, "DurationValue", "other.Seconds == Seconds", "Seconds");
        w.CloseBlock();
        w.Line();

        w.Summary("A <c>quality</c> value. Each model that uses quality has its own derived type (<c>MediaCatalog.Sora2Pro.Quality</c>), so one model's qualities cannot be given to another.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public abstract class QualityValue : global::System.IEquatable<QualityValue>");
        w.OpenBlock();
        w.Line("private protected QualityValue(string value)");
        w.OpenBlock();
        w.Line("Value = value;");
        w.CloseBlock();
        w.Line();
        w.Summary("The wire value.");
        w.Line("public string Value { get; }");
        WriteEquality(w, "QualityValue", "global::System.StringComparer.Ordinal.Equals(other.Value, Value)", "global::System.StringComparer.Ordinal.GetHashCode(Value)");
        w.CloseBlock();
        w.Line();
    }

    private static void WriteEquality(SourceWriter w, string type, string equals, string hash)
    {
        w.Line();
        w.Summary("True when <paramref name=\"other\"/> is the same value of the same model.");
        w.Line("/// <param name=\"other\">The value to compare with.</param>");
        w.Line("/// <returns>True when equal.</returns>");
        w.Line($"public bool Equals({type}? other) => other is object && other.GetType() == GetType() && {equals};");
        w.Line();
        w.Summary("True when <paramref name=\"obj\"/> is the same value of the same model.");
        w.Line("/// <param name=\"obj\">The object to compare with.</param>");
        w.Line("/// <returns>True when equal.</returns>");
        w.Line($"public override bool Equals(object? obj) => Equals(obj as {type});");
        w.Line();
        w.Summary("A hash of the value.");
        w.Line("/// <returns>The hash.</returns>");
        w.Line($"public override int GetHashCode() => {hash};");
        w.Line();
        w.Summary("The wire form.");
        w.Line("/// <returns>The wire form.</returns>");
        w.Line("public override string ToString() => Value;");
    }

    private static void WriteDraft(SourceWriter w)
    {
        w.Summary("The state behind every generated builder: immutable (each change returns a copy), shared by all models. Not for direct use.");
        w.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("internal sealed class RequestDraft");
        w.OpenBlock();
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            w.Line(parameter.Kind switch
            {
                WireJsonKind.StringOrStringArray or WireJsonKind.StringArray => $"private string[]? {Field(parameter)};",
                WireJsonKind.ObjectArray => $"private Element[]? {Field(parameter)};",
                _ when GeneratedApi.IsSetByFactory(parameter) => $"private {GeneratedApi.ClrTypeOf(parameter)} {Field(parameter)} = string.Empty;",
                _ => $"private {GeneratedApi.ClrTypeOf(parameter)}? {Field(parameter)};",
            });
        }

        w.Line();
        w.Line("private RequestDraft()");
        w.OpenBlock();
        w.CloseBlock();
        w.Line();
        w.Line($"internal static RequestDraft Create(string model, string generationType, string prompt, {List}? sourceMediaUrls)");
        w.OpenBlock();
        w.Line("return new RequestDraft");
        w.OpenBlock();
        w.Line($"{Field(WireParameters.Model)} = model,");
        w.Line($"{Field(WireParameters.GenerationType)} = generationType,");
        w.Line($"{Field(WireParameters.Prompt)} = prompt ?? throw new global::System.ArgumentNullException(nameof(prompt)),");
        w.Line($"{Field(WireParameters.SourceMediaUrls)} = sourceMediaUrls is null || sourceMediaUrls.Count == 0 ? null : sourceMediaUrls.ToArray(),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.Line();
        w.Line("internal static T NotNull<T>(T? value, string parameterName)");
        w.Line("    where T : class");
        w.OpenBlock();
        w.Line("return value ?? throw new global::System.ArgumentNullException(parameterName);");
        w.CloseBlock();
        w.Line();
        w.Line("internal static string Url(string? value, string parameterName)");
        w.OpenBlock();
        w.Line("return value ?? throw new global::System.ArgumentNullException(parameterName);");
        w.CloseBlock();
        w.Line();
        w.Line($"internal static void AddUrls({List} urls, global::System.Collections.Generic.IEnumerable<string>? values, string parameterName)");
        w.OpenBlock();
        w.Line("if (values is null)");
        w.OpenBlock();
        w.Line("throw new global::System.ArgumentNullException(parameterName);");
        w.CloseBlock();
        w.Line();
        w.Line("foreach (string? value in values)");
        w.OpenBlock();
        w.Line("urls.Add(value ?? throw new global::System.ArgumentException(\"The list contains a null URL.\", parameterName));");
        w.CloseBlock();
        w.CloseBlock();
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            if (GeneratedApi.IsSetByFactory(parameter) || parameter.Kind is not (WireJsonKind.String or WireJsonKind.Boolean or WireJsonKind.Number))
            {
                continue;
            }

            w.Line();
            w.Line($"internal RequestDraft {GeneratedApi.WithMethodOf(parameter)}({GeneratedApi.ClrTypeOf(parameter)} value)");
            w.OpenBlock();
            w.Line("RequestDraft copy = Copy();");
            w.Line($"copy.{Field(parameter)} = value;");
            w.Line("return copy;");
            w.CloseBlock();
        }

        w.Line();
        w.Line($"internal RequestDraft WithElement(string name, string description, {List}? images, {List}? videos)");
        w.OpenBlock();
        w.Line("var element = new Element(");
        w.Line("    name ?? throw new global::System.ArgumentNullException(nameof(name)),");
        w.Line("    description ?? throw new global::System.ArgumentNullException(nameof(description)),");
        w.Line("    images?.ToArray(),");
        w.Line("    videos?.ToArray());");
        w.Line($"var elements = new Element[({Field(WireParameters.KlingElements)}?.Length ?? 0) + 1];");
        w.Line($"{Field(WireParameters.KlingElements)}?.CopyTo(elements, 0);");
        w.Line("elements[elements.Length - 1] = element;");
        w.Line("RequestDraft copy = Copy();");
        w.Line($"copy.{Field(WireParameters.KlingElements)} = elements;");
        w.Line("return copy;");
        w.CloseBlock();
        w.Line();
        w.Line($"internal {Runtime}.GenerateMediaRequest Build()");
        w.OpenBlock();
        w.Line($"var request = new {Runtime}.GenerateMediaRequest");
        w.OpenBlock();
        foreach (WireParameter parameter in WireParameters.GenerateMedia)
        {
            string field = Field(parameter);
            w.Line(parameter.MemberName + " = " + parameter.Kind switch
            {
                WireJsonKind.StringOrStringArray or WireJsonKind.StringArray => $"{field} is null ? null : (string[]){field}.Clone(),",
                WireJsonKind.ObjectArray => $"{field} is null ? null : ToKlingElements({field}),",
                _ => field + ",",
            });
        }

        w.CloseBlock(";");
        w.Line("Validator.EnsureValid(request);");
        w.Line("return request;");
        w.CloseBlock();
        w.Line();
        w.Line($"private static {Runtime}.KlingElement[] ToKlingElements(Element[] elements)");
        w.OpenBlock();
        w.Line($"var result = new {Runtime}.KlingElement[elements.Length];");
        w.Line("for (int i = 0; i < elements.Length; i++)");
        w.OpenBlock();
        w.Line("Element element = elements[i];");
        w.Line($"result[i] = new {Runtime}.KlingElement");
        w.OpenBlock();
        w.Line(WireParameters.ElementName.MemberName + " = element.Name,");
        w.Line(WireParameters.ElementDescription.MemberName + " = element.Description,");
        w.Line(WireParameters.ElementInputUrls.MemberName + " = element.Images is null ? null : (string[])element.Images.Clone(),");
        w.Line(WireParameters.ElementInputVideoUrls.MemberName + " = element.Videos is null ? null : (string[])element.Videos.Clone(),");
        w.CloseBlock(";");
        w.CloseBlock();
        w.Line();
        w.Line("return result;");
        w.CloseBlock();
        w.Line();
        w.Line("private RequestDraft Copy() => (RequestDraft)MemberwiseClone();");
        w.Line();
        w.Line("private sealed class Element");
        w.OpenBlock();
        w.Line("public Element(string name, string description, string[]? images, string[]? videos)");
        w.OpenBlock();
        w.Line("Name = name;");
        w.Line("Description = description;");
        w.Line("Images = images;");
        w.Line("Videos = videos;");
        w.CloseBlock();
        w.Line();
        w.Line("public string Name { get; }");
        w.Line();
        w.Line("public string Description { get; }");
        w.Line();
        w.Line("public string[]? Images { get; }");
        w.Line();
        w.Line("public string[]? Videos { get; }");
        w.CloseBlock();
        w.CloseBlock();
    }

    /// <summary>The draft's field for a parameter: <c>_negativePrompt</c>.</summary>
    private static string Field(WireParameter parameter) =>
        "_" + char.ToLowerInvariant(parameter.MemberName[0]) + parameter.MemberName.Substring(1);

    public static string EmitAspectRatio(CatalogIndexSpec index)
    {
        var w = new SourceWriter();
        GeneratedCodeInfo.WriteHeader(w);
        w.Line("namespace " + index.Target.Namespace);
        w.OpenBlock();
        string examples = index.AspectRatios.IsEmpty ? "none" : string.Join(", ", index.AspectRatios.Select(r => $"<see cref=\"{r.Name}\"/>"));
        w.Summary($"An <c>aspect_ratio</c>: two positive whole numbers <c>W:H</c>. Named values are the spec's examples ({examples}); any other ratio comes from <see cref=\"Custom(int, int)\"/> or <see cref=\"Parse(string)\"/>. The service's default is {Literals.Code(index.Defaults.AspectRatio)}.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line($"{index.Target.Accessibility} sealed class AspectRatio : global::System.IEquatable<AspectRatio>");
        w.OpenBlock();
        w.Line("private AspectRatio(int width, int height)");
        w.OpenBlock();
        w.Line("Width = width;");
        w.Line("Height = height;");
        w.CloseBlock();
        foreach (NamedAspectRatio ratio in index.AspectRatios)
        {
            w.Line();
            w.Summary($"<c>{Literals.Int(ratio.Width)}:{Literals.Int(ratio.Height)}</c>.");
            w.Line($"public static AspectRatio {ratio.Name} {{ get; }} = new AspectRatio({Literals.Int(ratio.Width)}, {Literals.Int(ratio.Height)});");
        }

        w.Line();
        w.Summary("The width part (W).");
        w.Line("public int Width { get; }");
        w.Line();
        w.Summary("The height part (H).");
        w.Line("public int Height { get; }");
        w.Line();
        w.Summary("The wire form <c>W:H</c>.");
        w.Line("public string Value => Width.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \":\" + Height.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        w.Line();
        w.Summary("A ratio of <paramref name=\"width\"/> to <paramref name=\"height\"/>, e.g. <c>Custom(3, 2)</c> for <c>3:2</c>.");
        w.Line("/// <param name=\"width\">The width part, 1 to 99999.</param>");
        w.Line("/// <param name=\"height\">The height part, 1 to 99999.</param>");
        w.Line("/// <returns>The ratio.</returns>");
        w.Line($"/// <exception cref=\"{Runtime}.Validation.MediaRuleArgumentException\">A part is below 1 or above 99999 (rule {MediaRules.MalformedAspectRatio.Id}).</exception>");
        w.Line($"public static AspectRatio {GeneratedApi.CustomMethod}(int width, int height) => new AspectRatio({Runtime}.Validation.ValueRules.RequireAspectRatioSide(width, nameof(width)), {Runtime}.Validation.ValueRules.RequireAspectRatioSide(height, nameof(height)));");
        w.Line();
        w.Summary("Reads <c>W:H</c>, e.g. <c>16:9</c>.");
        w.Line("/// <param name=\"value\">The ratio as text.</param>");
        w.Line("/// <returns>The ratio.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        w.Line($"/// <exception cref=\"{Runtime}.Validation.MediaRuleFormatException\"><paramref name=\"value\"/> is not two whole numbers from 1 to 99999 with a colon (rule {MediaRules.MalformedAspectRatio.Id}).</exception>");
        w.Line($"public static AspectRatio {GeneratedApi.ParseMethod}(string value)");
        w.OpenBlock();
        w.Line($"(int width, int height) = {Runtime}.Validation.ValueRules.ParseAspectRatio(value, nameof(value), {GeneratedApi.CatalogClass}.{GeneratedApi.CatalogProperty}.Defaults);");
        w.Line("return new AspectRatio(width, height);");
        w.CloseBlock();
        w.Line();
        w.Summary("True when <paramref name=\"other\"/> is the same ratio as written (<c>2:2</c> is not <c>1:1</c>).");
        w.Line("/// <param name=\"other\">The ratio to compare with.</param>");
        w.Line("/// <returns>True when equal.</returns>");
        w.Line("public bool Equals(AspectRatio? other) => other is object && other.Width == Width && other.Height == Height;");
        w.Line();
        w.Summary("True when <paramref name=\"obj\"/> is the same ratio as written.");
        w.Line("/// <param name=\"obj\">The object to compare with.</param>");
        w.Line("/// <returns>True when equal.</returns>");
        w.Line("public override bool Equals(object? obj) => Equals(obj as AspectRatio);");
        w.Line();
        w.Summary("A hash of the ratio.");
        w.Line("/// <returns>The hash.</returns>");
        w.Line("public override int GetHashCode() => (Width * 100003) ^ Height;");
        w.Line();
        w.Summary("The wire form <c>W:H</c>.");
        w.Line("/// <returns>The wire form.</returns>");
        w.Line("public override string ToString() => Value;");
        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }
}
