using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog;
using MediaModels.Catalog.Facts;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;
using MediaModels.Generators.Model;

namespace MediaModels.Generators.Emit;

/// <summary>
/// Writes one group's file: for each of its models, <c>MediaCatalog.&lt;Model&gt;</c> with its constants, typed values,
/// factories and builders.
/// </summary>
internal sealed class ModelEmitter
{
    private const string Enumerable = "global::System.Collections.Generic.IEnumerable<string>";
    private const string Runtime = GeneratedCodeInfo.RuntimeNamespace;
    private readonly ModelEmitSpec _model;
    private readonly ModelSpec _spec;
    private readonly ModelFactSheet _facts;
    private readonly SourceWriter _writer;
    private readonly string _draft;
    private readonly string _catalogCref;
    private readonly string _catalog;

    private ModelEmitter(ModelEmitSpec model, SourceWriter writer)
    {
        _model = model;
        _spec = model.Spec;
        _facts = ModelFactSheet.Of(model.Spec);
        _writer = writer;
        _draft = $"global::{model.Target.Namespace}.MediaCatalog.RequestDraft";
        _catalogCref = $"global::{model.Target.Namespace}.MediaCatalog.Catalog";
        _catalog = $"global::{model.Target.Namespace}.MediaCatalog";
    }

    /// <summary>The file of a group: one partial <c>MediaCatalog</c> holding each model's class, in C# name order.</summary>
    public static string Emit(ModelGroupSpec group)
    {
        var w = new SourceWriter();
        GeneratedCodeInfo.WriteHeader(w);
        w.Line("namespace " + group.Target.Namespace);
        w.OpenBlock();
        w.Line(group.Target.Accessibility + " static partial class MediaCatalog");
        w.OpenBlock();
        for (int i = 0; i < group.Models.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            new ModelEmitter(group.Models[i], w).WriteModel();
        }

        w.CloseBlock();
        w.CloseBlock();
        return w.ToString();
    }

    private string Id => Literals.Code(_spec.Id);

    private void WriteModel()
    {
        SourceWriter w = _writer;
        WriteModelDocs();
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public static class " + _model.TypeName);
        w.OpenBlock();
        WriteConstants();
        WriteSpec();
        foreach (ModeEmitSpec mode in _model.Modes)
        {
            foreach (FactoryEmitSpec factory in mode.Factories)
            {
                WriteFactory(mode, factory, mode.MethodName);
            }
        }

        if (_model.Modes.Count == 1)
        {
            foreach (FactoryEmitSpec factory in _model.Modes[0].Factories)
            {
                WriteFactory(_model.Modes[0], factory, "Create");
            }
        }

        if (_spec.Duration.IsConfigurable)
        {
            WriteDuration();
        }

        if (_spec.Quality is QualityRule quality)
        {
            WriteQuality(quality);
        }

        foreach (ModeEmitSpec mode in _model.Modes)
        {
            foreach (BuilderEmitSpec builder in mode.Builders)
            {
                WriteBuilder(mode, builder);
            }
        }

        w.CloseBlock();
    }

    private void WriteModelDocs()
    {
        string family = _spec.Family is null ? string.Empty : $" of the {Literals.Xml(_spec.Family)} family";
        _writer.Summary($"The {Id} {_facts.Media} model{family}: {FactDocs.Modes(_facts)}. Start a request with {string.Join(", ", _model.Modes.Select(m => $"<see cref=\"{m.MethodName}{FirstSignature(m)}\"/>"))}.");
        Docs.Remarks(_writer, FactDocs.Remarks(_facts));
    }

    private static string FirstSignature(ModeEmitSpec mode) => Signature(mode.Factories[0]);

    /// <summary>The cref parameter list of a factory: <c>(string, string, string[])</c>.</summary>
    private static string Signature(FactoryEmitSpec first)
    {
        var types = new List<string> { "string" };
        types.AddRange(first.Parameters.Select(p => p.Kind switch
        {
            InputKind.ParamsArray => "string[]",
            // global::, as everywhere in generated code: a model may be named System (id 'system').
            InputKind.Sequence => "global::System.Collections.Generic.IEnumerable{string}",
            _ => "string",
        }));
        return "(" + string.Join(", ", types) + ")";
    }

    private void WriteConstants()
    {
        SourceWriter w = _writer;
        w.Summary($"The model id on the wire: {Id}.");
        w.Line("public const string Id = " + Literals.String(_spec.Id) + ";");
        if (_spec.PromptMaxLength is int max)
        {
            w.Line();
            w.Summary($"The longest prompt {Id} accepts: {Literals.Xml(Fact(FactSubject.Prompt).Value)} (Unicode code points). <c>Build()</c> checks it.");
            w.Line("public const int MaxPromptLength = " + Literals.Int(max) + ";");
        }

        foreach (ModeEmitSpec mode in _model.Modes)
        {
            WriteLimitConstants(mode, mode.Spec.Images, "Images", "image");
            WriteLimitConstants(mode, mode.Spec.Videos, "Videos", "video");
        }

        if (_spec.Elements is ElementRules rules)
        {
            w.Line();
            w.Summary("Fewest images in one image element (<c>element_input_urls</c>).");
            w.Line("public const int ElementMinImages = " + Literals.Int(rules.MinImages) + ";");
            w.Line();
            w.Summary("Most images in one image element (<c>element_input_urls</c>).");
            w.Line("public const int ElementMaxImages = " + Literals.Int(rules.MaxImages) + ";");
            w.Line();
            w.Summary("Videos in one video element (<c>element_input_video_urls</c>).");
            w.Line("public const int ElementVideos = " + Literals.Int(rules.Videos) + ";");
        }
    }

    private void WriteLimitConstants(ModeEmitSpec mode, SourceMediaLimit? limit, string suffix, string word)
    {
        if (limit is null)
        {
            return;
        }

        SourceWriter w = _writer;
        w.Line();
        w.Summary($"Fewest {word}s in <c>source_media_urls</c> for {Literals.Code(mode.GenerationType)}: {limit.Min}.");
        w.Line($"public const int {mode.MethodName}Min{suffix} = {Literals.Int(limit.Min)};");
        if (limit.Max is int max)
        {
            w.Line();
            w.Summary($"Most {word}s in <c>source_media_urls</c> for {Literals.Code(mode.GenerationType)}: {max}.");
            w.Line($"public const int {mode.MethodName}Max{suffix} = {Literals.Int(max)};");
        }
    }

    private void WriteSpec()
    {
        SourceWriter w = _writer;
        w.Line();
        w.Summary($"Everything the catalog says about {Id}, as <see cref=\"{_catalogCref}\"/> and the validator see it.");
        w.Line("public static global::MediaModels.Catalog.ModelSpec Spec { get; } =");
        w.Indent();
        SpecLiteral.WriteModel(w, _spec, ";");
        w.Unindent();
    }

    private void WriteFactory(ModeEmitSpec mode, FactoryEmitSpec factory, string methodName)
    {
        SourceWriter w = _writer;
        BuilderEmitSpec builder = BuilderNamed(mode, factory.BuilderName);
        w.Line();
        if (methodName != mode.MethodName)
        {
            // Create is the same factory under the short name of a one-mode model: same docs, same body.
            w.Line($"/// <inheritdoc cref=\"{mode.MethodName}{Signature(factory)}\"/>");
            w.StartLine().Append("public static ").Append(factory.BuilderName).Append(" ").Append(methodName).Append("(");
            AppendDeclarations(factory);
            w.Append(") => ").Append(mode.MethodName).Append("(prompt");
            foreach (InputParameter parameter in factory.Parameters)
            {
                w.Append(", ").Append(parameter.Name);
            }

            w.Append(");").EndLine();
            return;
        }

        string with = factory.Parameters.Count == 0 ? string.Empty : " with " + string.Join(", ", factory.Parameters.Select(Describe));
        string elements = builder.HasElements ? " Kling elements can be added: the picture(s) they need are there." : string.Empty;
        w.Summary($"Starts {Docs.Article(mode.GenerationType)} {Literals.Code(mode.GenerationType)} request for {Id}{with}.{elements}");
        w.Line("/// <param name=\"prompt\">" + PromptDoc() + "</param>");
        foreach (InputParameter parameter in factory.Parameters)
        {
            w.Line($"/// <param name=\"{parameter.Name}\">{ParameterDoc(mode, parameter)}</param>");
        }

        w.Line($"/// <returns>An immutable <see cref=\"{factory.BuilderName}\"/>; finish with <c>Build()</c>.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\">The prompt or a URL is null.</exception>");
        w.StartLine().Append("public static ").Append(factory.BuilderName).Append(" ").Append(methodName).Append("(");
        AppendDeclarations(factory);
        w.Append(")").EndLine();
        w.OpenBlock();
        if (factory.Parameters.Count == 0)
        {
            w.Line($"return new {factory.BuilderName}({_draft}.Create(Id, {Literals.String(mode.GenerationType)}, prompt, null));");
        }
        else
        {
            w.Line("var urls = new global::System.Collections.Generic.List<string>();");
            foreach (InputParameter parameter in factory.Parameters)
            {
                w.Line(parameter.Kind == InputKind.Single
                    ? $"urls.Add({_draft}.Url({parameter.Name}, nameof({parameter.Name})));"
                    : $"{_draft}.AddUrls(urls, {parameter.Name}, nameof({parameter.Name}));");
            }

            w.Line($"return new {factory.BuilderName}({_draft}.Create(Id, {Literals.String(mode.GenerationType)}, prompt, urls));");
        }

        w.CloseBlock();
    }

    private static string Describe(InputParameter parameter)
    {
        string kind = ModelFactSheet.MediaName(parameter.Media);
        return parameter.Kind switch
        {
            InputKind.Single => parameter.Role is string role ? $"{Literals.Xml(Docs.Role(role))} ({kind})" : $"one {kind}",
            InputKind.ParamsArray => $"further {kind}s",
            _ => $"a list of {kind}s",
        };
    }

    private string PromptDoc() => Fact(FactSubject.Prompt) is { Applies: true } prompt
        ? $"What to generate; at most {Literals.Xml(prompt.Value)} (checked by <c>Build()</c>)."
        : "What to generate.";

    /// <summary>The sheet's fact about <paramref name="subject"/>, one the sheet always has (prompt, duration, sound, quality…).</summary>
    private ModelFact Fact(FactSubject subject) =>
        _facts.Find(subject) ?? throw new System.InvalidOperationException($"The fact sheet of {_spec.Id} has no {subject} fact.");

    private static string ParameterDoc(ModeEmitSpec mode, InputParameter parameter)
    {
        SourceMediaLimit? limit = parameter.Media == MediaKind.Image ? mode.Spec.Images : mode.Spec.Videos;
        string kind = ModelFactSheet.MediaName(parameter.Media);
        string what = parameter.Kind switch
        {
            InputKind.Single => parameter.Role is string role ? $"URL of the {Literals.Xml(Docs.Role(role))} {(role.Contains(kind) ? string.Empty : kind + " ")}" : $"URL of an input {kind} ",
            InputKind.ParamsArray => $"URLs of further input {kind}s ",
            _ => $"URLs of the input {kind}s ",
        };
        string files = limit is null ? string.Empty : ModelFactSheet.FileLimits(limit);
        string facts = files.Length == 0 ? "absolute http(s)" : "absolute http(s), " + files;
        string count = parameter.Kind != InputKind.Single && limit is not null
            ? $" {Literals.Xml(limit.DescribeCount())} {kind}s in all, checked by <c>Build()</c>."
            : string.Empty;
        return Literals.Xml(what.TrimEnd()) + " (" + Literals.Xml(facts) + ")." + count;
    }

    /// <summary>Appends a factory's parameter declarations: <c>string prompt, string image, params string[] images</c>.</summary>
    private void AppendDeclarations(FactoryEmitSpec factory)
    {
        _writer.Append("string prompt");
        foreach (InputParameter parameter in factory.Parameters)
        {
            _writer.Append(", ").Append(parameter.Kind switch
            {
                InputKind.Single => "string ",
                InputKind.ParamsArray => "params string[] ",
                _ => Enumerable + " ",
            }).Append(parameter.Name);
        }
    }

    private static BuilderEmitSpec BuilderNamed(ModeEmitSpec mode, string name)
    {
        foreach (BuilderEmitSpec builder in mode.Builders)
        {
            if (builder.Name == name)
            {
                return builder;
            }
        }

        throw new System.InvalidOperationException($"No builder named {name} in {mode.GenerationType}.");
    }

    private void WriteDuration()
    {
        SourceWriter w = _writer;
        DurationRule rule = _spec.Duration;
        string allowed = Literals.Xml(rule.Describe());
        w.Line();
        w.Summary($"A <c>duration</c> {Id} accepts ({allowed}). Values come from <see cref=\"Durations\"/> or <see cref=\"FromSeconds(int)\"/>; another model's durations are another type.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line($"public sealed class Duration : {_catalog}.DurationValue");
        w.OpenBlock();
        w.Line("private Duration(int seconds)");
        w.Line("    : base(seconds)");
        w.OpenBlock();
        w.CloseBlock();
        w.Line();
        w.Summary($"The duration of <paramref name=\"seconds\"/> whole seconds, which must be one {Id} accepts: {allowed}.");
        w.Line("/// <param name=\"seconds\">The length in whole seconds.</param>");
        w.Line("/// <returns>The duration.</returns>");
        w.Line($"/// <exception cref=\"{Runtime}.Validation.MediaRuleArgumentException\">{Id} does not accept <paramref name=\"seconds\"/> (rule {MediaRules.DurationNotAllowed.Id}, as the validator judges it).</exception>");
        w.Line($"public static Duration {GeneratedApi.FromSecondsMethod}(int seconds) => new Duration({Runtime}.Validation.ValueRules.RequireDuration({GeneratedApi.SpecProperty}, seconds, nameof(seconds)));");
        w.CloseBlock();

        w.Line();
        w.Summary($"The durations {Id} accepts: {allowed}.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public static class Durations");
        w.OpenBlock();
        if (rule.Kind == DurationKind.Range)
        {
            w.Summary($"The shortest duration in whole seconds: {Literals.Int(rule.Min ?? 0)}.");
            w.Line($"public const int MinSeconds = {Literals.Int(rule.Min ?? 0)};");
            w.Line();
            w.Summary($"The longest duration in whole seconds: {Literals.Int(rule.Max ?? 0)}.");
            w.Line($"public const int MaxSeconds = {Literals.Int(rule.Max ?? 0)};");
            w.Line();
        }

        foreach (NamedDuration value in _model.Durations)
        {
            w.Summary($"<c>{Literals.Int(value.Seconds)}s</c>.");
            w.Line($"public static readonly Duration {value.Name} = Duration.FromSeconds({Literals.Int(value.Seconds)});");
            w.Line();
        }

        w.Summary(_model.Durations.Count == 0 ? "The named values (none: use <see cref=\"Duration.FromSeconds(int)\"/>)." : "Every named value, shortest first.");
        string all = string.Join(", ", _model.Durations.Select(d => d.Name));
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<Duration> All {{ get; }} = new Duration[] {{ {all} }};");
        w.CloseBlock();
    }

    private void WriteQuality(QualityRule rule)
    {
        SourceWriter w = _writer;
        string values = Literals.Xml(string.Join(", ", rule.Values.Select(v => v.Value)));
        w.Line();
        w.Summary(rule.Open
            ? $"A <c>quality</c> for {Id}: the documented values are in <see cref=\"Qualities\"/> ({values}); the catalog says others exist, see <see cref=\"Custom(string)\"/>."
            : $"A <c>quality</c> {Id} accepts: one of {values} (<see cref=\"Qualities\"/>); another model's qualities are another type.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line($"public sealed class Quality : {_catalog}.QualityValue");
        w.OpenBlock();
        w.Line("private Quality(string value)");
        w.Line("    : base(value)");
        w.OpenBlock();
        w.CloseBlock();
        w.Line();
        w.Summary(rule.Open
            ? "The quality named <paramref name=\"value\"/>: a documented value or, since the catalog says other values exist, any other non-blank value."
            : $"The quality named <paramref name=\"value\"/>, which must be one {Id} accepts: {values}.");
        w.Line("/// <param name=\"value\">The wire value.</param>");
        w.Line("/// <returns>The quality.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
        w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"value\"/> is blank.</exception>");
        if (!rule.Open)
        {
            w.Line($"/// <exception cref=\"{Runtime}.Validation.MediaRuleArgumentException\">{Id} does not accept <paramref name=\"value\"/> (rule {MediaRules.QualityNotAllowed.Id}, as the validator judges it).</exception>");
        }

        w.Line($"public static Quality {GeneratedApi.FromValueMethod}(string value) => new Quality({Runtime}.Validation.ValueRules.RequireQuality({GeneratedApi.SpecProperty}, value, nameof(value)));");
        if (rule.Open)
        {
            w.Line();
            w.Summary($"A quality value the catalog does not list ({values} are documented; it says other API values exist). Same as <see cref=\"FromValue(string)\"/>.");
            w.Line("/// <param name=\"value\">The wire value.</param>");
            w.Line("/// <returns>The quality.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"value\"/> is null.</exception>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"value\"/> is blank.</exception>");
            w.Line($"public static Quality {GeneratedApi.CustomMethod}(string value) => {GeneratedApi.FromValueMethod}(value);");
        }

        w.CloseBlock();

        w.Line();
        w.Summary($"The documented <c>quality</c> values of {Id}.");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line("public static class Qualities");
        w.OpenBlock();
        foreach (NamedQuality value in _model.Qualities)
        {
            string meaning = value.Meaning is null ? string.Empty : $": {Literals.Xml(value.Meaning)}";
            w.Summary($"{Literals.Code(value.Value)}{meaning}.");
            w.Line($"public static readonly Quality {value.Name} = Quality.FromValue({Literals.String(value.Value)});");
            w.Line();
        }

        w.Summary("Every documented value, in the catalog's order.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<Quality> All {{ get; }} = new Quality[] {{ {string.Join(", ", _model.Qualities.Select(q => q.Name))} }};");
        w.CloseBlock();
    }

    private void WriteBuilder(ModeEmitSpec mode, BuilderEmitSpec builder)
    {
        SourceWriter w = _writer;
        string name = builder.Name;
        w.Line();
        string state = builder.HasElements
            ? (mode.Builders.Count > 1 ? " This state has the picture(s) Kling elements need, so it offers <c>WithElement</c>." : " It offers Kling elements (<c>WithElement</c>).")
            : (_spec.Elements is not null && mode.Spec.ElementsRequireImages is not null ? $" Kling elements need more pictures: start with the overload that takes them to get <see cref=\"{ElementsBuilderOf(mode)}\"/>." : string.Empty);
        w.Summary($"{Docs.Capital(Docs.Article(mode.GenerationType))} {Literals.Code(mode.GenerationType)} request for {Id} being built. Immutable: every <c>With…</c> returns a new builder, so a builder can be reused.{state}");
        w.Line(GeneratedCodeInfo.Attribute);
        w.Line($"public sealed class {name} : {_catalog}.RequestBuilder<{name}>");
        w.OpenBlock();
        w.Line($"internal {name}({_draft} draft)");
        w.Line("    : base(draft)");
        w.OpenBlock();
        w.CloseBlock();
        w.Line();
        w.Line($"private protected override {name} With({_draft} draft) => new {name}(draft);");

        if (_spec.Duration.IsConfigurable)
        {
            w.Line();
            ModelFact duration = Fact(FactSubject.Duration);
            w.Summary($"Sets <c>duration</c>: {Literals.Xml(duration.Value)}.{FactDocs.TrailingNotes(duration)}");
            w.Line("/// <param name=\"duration\">A value of <see cref=\"Durations\"/> or <see cref=\"Duration.FromSeconds(int)\"/>.</param>");
            w.Line("/// <returns>A new builder.</returns>");
            w.Line($"public {name} WithDuration(Duration duration) => With(Draft.WithDuration({_draft}.NotNull(duration, nameof(duration)).Value));");
        }

        if (_spec.Quality is QualityRule quality)
        {
            w.Line();
            string maps = quality.MapsTo is null ? string.Empty : $" The service maps it to {Literals.Code(quality.MapsTo)}.";
            w.Summary($"Sets <c>quality</c>: {Literals.Xml(FactDocs.Texts(Fact(FactSubject.Quality).Terms, ", "))}{(quality.Open ? " or another API value" : string.Empty)}.{maps}");
            w.Line("/// <param name=\"quality\">A value of <see cref=\"Qualities\"/>" + (quality.Open ? " or <see cref=\"Quality.Custom(string)\"/>" : string.Empty) + ".</param>");
            w.Line("/// <returns>A new builder.</returns>");
            w.Line($"public {name} WithQuality(Quality quality) => With(Draft.WithQuality({_draft}.NotNull(quality, nameof(quality)).Value));");
        }

        if (_spec.Sound)
        {
            w.Line();
            string pricing = _facts.Find(FactSubject.Pricing) is ModelFact price ? FactDocs.TrailingNotes(price) : string.Empty;
            w.Summary($"Sets <c>sound</c>: true asks {Id} for a video with generated audio.{pricing}");
            w.Line("/// <param name=\"enabled\">True (the default) for generated audio; false sends <c>sound: false</c>.</param>");
            w.Line("/// <returns>A new builder.</returns>");
            w.Line($"public {name} WithSound(bool enabled = true) => With(Draft.WithSound(enabled));");
        }

        if (_spec.NegativePrompt)
        {
            w.Line();
            w.Summary($"Sets <c>negative_prompt</c>: what to avoid in the output ({Id} honours it).");
            w.Line("/// <param name=\"negativePrompt\">What to avoid.</param>");
            w.Line("/// <returns>A new builder.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"negativePrompt\"/> is null.</exception>");
            w.Line($"public {name} WithNegativePrompt(string negativePrompt) => With(Draft.WithNegativePrompt({_draft}.NotNull(negativePrompt, nameof(negativePrompt))));");
        }

        if (builder.HasElements && _spec.Elements is ElementRules rules)
        {
            WriteElementMethods(name, rules);
        }

        w.CloseBlock();
    }

    private static string ElementsBuilderOf(ModeEmitSpec mode) => mode.Builders.First(b => b.HasElements).Name;

    private void WriteElementMethods(string name, ElementRules rules)
    {
        SourceWriter w = _writer;
        // The sheet's terms: the image element first, then the video element when the model has one.
        EquatableArray<FactTerm> kinds = Fact(FactSubject.Elements).Terms;
        string imageElement = Literals.Xml(kinds[0].ToString());
        // One overload per image count up to MaxExplicitInputs; above it, the minimum as parameters plus params.
        bool explicitCounts = rules.MaxImages <= Parsing.ModelSpecFactory.MaxExplicitInputs;
        int first = explicitCounts ? System.Math.Max(1, rules.MinImages) : rules.MinImages;
        int last = explicitCounts ? rules.MaxImages : rules.MinImages;
        for (int count = first; count <= last; count++)
        {
            bool more = !explicitCounts;
            w.Line();
            w.Summary($"Adds an image element to <c>kling_elements</c>: {imageElement}; reference it in the prompt as <c>@name</c>.");
            WriteElementCommonDocs();
            for (int i = 1; i <= count; i++)
            {
                w.Line($"/// <param name=\"image{i}\">URL of an element image (absolute http(s)).</param>");
            }

            if (more)
            {
                w.Line("/// <param name=\"moreImages\">URLs of further element images.</param>");
            }

            w.Line("/// <returns>A new builder.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\">An argument is null.</exception>");
            w.StartLine().Append("public ").Append(name).Append(" WithElement(string name, string description");
            for (int i = 1; i <= count; i++)
            {
                w.Append(", string image").Append(Literals.Int(i));
            }

            w.Append(more ? ", params string[] moreImages)" : ")").EndLine();
            w.OpenBlock();
            w.Line("var images = new global::System.Collections.Generic.List<string>();");
            for (int i = 1; i <= count; i++)
            {
                w.Line($"images.Add({_draft}.Url(image{i}, nameof(image{i})));");
            }

            if (more)
            {
                w.Line($"{_draft}.AddUrls(images, moreImages, nameof(moreImages));");
            }

            w.Line($"return With(Draft.WithElement(name, description, images, null));");
            w.CloseBlock();
        }

        w.Line();
        w.Summary($"Adds an image element to <c>kling_elements</c> from a list known at run time: {imageElement}, counted by <c>Build()</c>.");
        WriteElementCommonDocs();
        w.Line("/// <param name=\"images\">URLs of the element images (absolute http(s)).</param>");
        w.Line("/// <returns>A new builder.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentNullException\">An argument is null.</exception>");
        w.Line($"public {name} WithElement(string name, string description, {Enumerable} images)");
        w.OpenBlock();
        w.Line("var urls = new global::System.Collections.Generic.List<string>();");
        w.Line($"{_draft}.AddUrls(urls, images, nameof(images));");
        w.Line($"return With(Draft.WithElement(name, description, urls, null));");
        w.CloseBlock();

        if (rules.Videos > 0)
        {
            string[] videos = rules.Videos == 1 ? new[] { "video" } : Enumerable1(rules.Videos).Select(i => "video" + i).ToArray();
            w.Line();
            w.Summary($"Adds a video element to <c>kling_elements</c>: {Literals.Xml(kinds[1].ToString())}; reference it in the prompt as <c>@name</c>.");
            WriteElementCommonDocs();
            foreach (string video in videos)
            {
                w.Line($"/// <param name=\"{video}\">URL of the element video (absolute http(s)).</param>");
            }

            w.Line("/// <returns>A new builder.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\">An argument is null.</exception>");
            w.Line($"public {name} WithVideoElement(string name, string description, {string.Join(", ", videos.Select(v => "string " + v))})");
            w.OpenBlock();
            w.Line("var videos = new global::System.Collections.Generic.List<string>();");
            foreach (string video in videos)
            {
                w.Line($"videos.Add({_draft}.Url({video}, nameof({video})));");
            }

            w.Line($"return With(Draft.WithElement(name, description, null, videos));");
            w.CloseBlock();
        }
    }

    private void WriteElementCommonDocs()
    {
        _writer.Line("/// <param name=\"name\">The element's name (its title), used in the prompt as <c>@name</c>.</param>");
        _writer.Line("/// <param name=\"description\">The element's description.</param>");
    }

    private static IEnumerable<int> Enumerable1(int count) => System.Linq.Enumerable.Range(1, count);
}
