using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// Literals in the generated typed builders (<c>MediaCatalog.Kling30Std.ImageToVideo("…", "https://…").WithElement(…).Build()</c>):
/// the types make most mistakes unwritable, so what is left are values — a blank or too long constant prompt, URL
/// literals (not absolute http(s), a video where an image is expected, a format the model does not list), a
/// <c>Duration.FromSeconds</c> / <c>Quality.FromValue</c> / <c>AspectRatio.Parse</c> constant the model does not
/// accept, and a prompt that names an <c>@element</c> the chain does not declare. Each chain is read into
/// <see cref="RequestFacts"/> and checked by the shared rule engine; only violations about values written in the
/// chain are reported.
/// </summary>
/// <remarks>
/// The builders are recognised by shape, not by name lists, so the generator can evolve: a model class is a static
/// class nested in a class named <c>MediaCatalog</c> with a <c>const string Id</c> the catalog knows; its static
/// methods returning a nested <c>…Builder</c> start a request (the generation type is the builder's name:
/// <c>ImageToVideoElementsBuilder</c> → <c>image-to-video</c>); a factory's <c>prompt</c> parameter is the prompt and
/// its other string parameters, in order, are <c>source_media_urls</c>.
/// </remarks>
internal sealed class BuilderAnalysis
{
    private readonly AnalyzerCatalog _catalog;
    private readonly ConcurrentDictionary<ISymbol, ModelSpec?> _models = new(SymbolEqualityComparer.Default);

    public BuilderAnalysis(AnalyzerCatalog catalog) => _catalog = catalog;

    /// <summary>Checks one invocation: the outermost call of a builder chain, a value factory, or an AspectRatio factory.</summary>
    public void Analyze(IInvocationOperation invocation, System.Action<Diagnostic> report)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (!method.IsStatic)
        {
            // A builder method, wherever it is declared (the builder itself or a shared base such as
            // MediaCatalog.RequestBuilder<TBuilder>): the receiver's type says which model's builder it is.
            if (invocation.Instance?.Type is INamedTypeSymbol { ContainingType: INamedTypeSymbol modelClass } receiver
                && IsBuilder(receiver, modelClass) && ModelOf(modelClass) is ModelSpec model && IsOutermost(invocation))
            {
                AnalyzeChain(invocation, model, modelClass, report);
            }

            return;
        }

        INamedTypeSymbol? owner = method.ContainingType;
        if (owner is null)
        {
            return;
        }

        if (owner.Name == GeneratedApi.AspectRatioType)
        {
            AnalyzeAspectRatio(invocation, owner, report);
        }
        else if (ModelOf(owner) is ModelSpec factoryModel)
        {
            if (IsBuilder(method.ReturnType, owner) && IsOutermost(invocation))
            {
                AnalyzeChain(invocation, factoryModel, owner, report);
            }
        }
        else if (owner.ContainingType is INamedTypeSymbol modelClass && ModelOf(modelClass) is ModelSpec model)
        {
            AnalyzeValueFactory(invocation, model, owner, report);
        }
    }

    /// <summary>The catalog model of a generated model class, or null.</summary>
    private ModelSpec? ModelOf(INamedTypeSymbol type)
    {
        if (!type.IsStatic || type.ContainingType?.Name != GeneratedApi.CatalogClass)
        {
            return null;
        }

        if (_models.TryGetValue(type, out ModelSpec? known))
        {
            return known;
        }

        ModelSpec? found = null;
        foreach (ISymbol member in type.GetMembers(GeneratedApi.IdConstant))
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string id })
            {
                found = _catalog.Catalog.Find(id);
                break;
            }
        }

        _models.TryAdd(type, found);
        return found;
    }

    private static bool IsBuilder(ITypeSymbol type, INamedTypeSymbol modelClass) =>
        type is INamedTypeSymbol named && named.Name.EndsWith(GeneratedApi.BuilderSuffix, System.StringComparison.Ordinal)
        && SymbolEqualityComparer.Default.Equals(named.ContainingType, modelClass);

    private static bool IsChainLink(IInvocationOperation invocation, INamedTypeSymbol modelClass)
    {
        IMethodSymbol method = invocation.TargetMethod;
        return method.IsStatic
            ? SymbolEqualityComparer.Default.Equals(method.ContainingType, modelClass) && IsBuilder(method.ReturnType, modelClass)
            : invocation.Instance?.Type is INamedTypeSymbol receiver && IsBuilder(receiver, modelClass);
    }

    /// <summary>False when the invocation's result (a builder) is the receiver of another call: the outermost call reads the chain.</summary>
    private static bool IsOutermost(IInvocationOperation invocation) =>
        !(invocation.Parent is IInvocationOperation { Instance: IOperation instance }
          && instance.Syntax == invocation.Syntax
          && invocation.Type is INamedTypeSymbol { ContainingType: INamedTypeSymbol modelClass } result
          && IsBuilder(result, modelClass));

    private void AnalyzeChain(IInvocationOperation outermost, ModelSpec model, INamedTypeSymbol modelClass, System.Action<Diagnostic> report)
    {
        var links = new List<IInvocationOperation>();
        IOperation? current = outermost;
        while (current is IInvocationOperation link && IsChainLink(link, modelClass))
        {
            links.Add(link);
            if (link.TargetMethod.IsStatic)
            {
                break;
            }

            current = link.Instance;
        }

        links.Reverse();
        if (links.Count == 0)
        {
            return;
        }

        var locations = new FactLocations();
        RequestFacts facts = new() { Model = model.Id };
        IInvocationOperation root = links[0];
        if (root.TargetMethod.IsStatic)
        {
            string generationType = GenerationTypeOf(root.TargetMethod.ReturnType.Name);
            facts = facts with
            {
                GenerationType = model.FindGenerationType(generationType) is null ? Fact<string>.Unknown : generationType,
                Prompt = Fact<string>.Unknown,
            };
            var urls = new UrlCollector(locations, WirePaths.SourceMediaUrls);
            foreach (IArgumentOperation argument in Ordered(root))
            {
                if (argument.Parameter?.Name == GeneratedApi.PromptParameter)
                {
                    facts = facts with { Prompt = BuilderString(argument.Value) };
                    AddArgument(locations, WirePaths.Prompt, argument);
                }
                else
                {
                    urls.Add(argument);
                }
            }

            facts = facts with { SourceMediaUrls = urls.Result(absentWhenEmpty: true) };
        }
        else
        {
            // The chain starts from a variable: what came before is not known here.
            facts = facts with { Prompt = Fact<string>.Unknown, GenerationType = Fact<string>.Unknown, SourceMediaUrls = Fact<IReadOnlyList<string?>>.Unknown };
        }

        var elements = new List<IElementFacts>();
        foreach (IInvocationOperation link in links)
        {
            if (link.TargetMethod.IsStatic)
            {
                continue;
            }

            switch (link.TargetMethod.Name)
            {
                case var name when name == GeneratedApi.WithMethodOf(WireParameters.Sound):
                    IArgumentOperation? enabled = link.Arguments.FirstOrDefault();
                    facts = facts with { Sound = enabled is null ? Fact<bool>.Unknown : OperationValues.Boolean(enabled.Value) };
                    if (enabled is not null)
                    {
                        AddArgument(locations, WirePaths.Sound, enabled);
                    }

                    break;
                case var name when name == GeneratedApi.WithMethodOf(WireParameters.NegativePrompt) && link.Arguments.Length == 1:
                    facts = facts with { NegativePrompt = OperationValues.String(link.Arguments[0].Value) };
                    AddArgument(locations, WirePaths.NegativePrompt, link.Arguments[0]);
                    break;
                case GeneratedApi.WithElementMethod:
                case GeneratedApi.WithVideoElementMethod:
                    elements.Add(Element(link, elements.Count, locations));
                    break;
            }
        }

        if (elements.Count > 0)
        {
            facts = facts with { KlingElements = Fact<IReadOnlyList<IElementFacts>>.Of(elements) };
        }

        // A later link could still declare the element a prompt names, unless the chain ends the request.
        bool complete = outermost.TargetMethod.Name == GeneratedApi.BuildMethod;
        IReadOnlyList<Violation> violations = _catalog.Engine.Check(facts);
        if (violations.Count > 0)
        {
            ViolationReporter.Report(violations, locations, null, _catalog, v => complete || v.Id != MediaRules.UndeclaredElementReference.Id, report);
        }
    }

    private static ElementFacts Element(IInvocationOperation link, int index, FactLocations locations)
    {
        var element = new ElementFacts();
        bool video = link.TargetMethod.Name == GeneratedApi.WithVideoElementMethod;
        string member = video ? WireNames.ElementInputVideoUrls : WireNames.ElementInputUrls;
        var urls = new UrlCollector(locations, WirePaths.ElementMember(index, member));
        if (link.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
        {
            TextSpan at = TextSpan.FromBounds(access.Name.SpanStart, syntax.Span.End);
            locations.Add(WirePaths.Element(index), syntax.SyntaxTree, at, at);
        }

        foreach (IArgumentOperation argument in Ordered(link))
        {
            switch (argument.Parameter?.Name)
            {
                case "name":
                    element.Name = BuilderString(argument.Value);
                    AddArgument(locations, WirePaths.ElementMember(index, "name"), argument);
                    break;
                case "description":
                    element.Description = BuilderString(argument.Value);
                    AddArgument(locations, WirePaths.ElementMember(index, "description"), argument);
                    break;
                default:
                    urls.Add(argument);
                    break;
            }
        }

        if (video)
        {
            element.VideoUrls = urls.Result(absentWhenEmpty: false);
        }
        else
        {
            element.ImageUrls = urls.Result(absentWhenEmpty: false);
        }

        return element;
    }

    /// <summary><c>Duration.FromSeconds(99)</c>, <c>Quality.FromValue("x")</c> on a model's nested value types.</summary>
    private void AnalyzeValueFactory(IInvocationOperation invocation, ModelSpec model, INamedTypeSymbol owner, System.Action<Diagnostic> report)
    {
        if (invocation.Arguments.Length != 1)
        {
            return;
        }

        IArgumentOperation argument = invocation.Arguments[0];
        RequestFacts facts;
        string path;
        if (owner.Name == GeneratedApi.DurationType && invocation.TargetMethod.Name == GeneratedApi.FromSecondsMethod && OperationValues.TryGetInt(argument.Value, out int seconds))
        {
            facts = new RequestFacts { Model = model.Id, Prompt = Fact<string>.Unknown, GenerationType = Fact<string>.Unknown, Duration = DurationRule.Format(seconds) };
            path = WirePaths.Duration;
        }
        else if (owner.Name == GeneratedApi.QualityType && invocation.TargetMethod.Name is GeneratedApi.FromValueMethod or GeneratedApi.CustomMethod && OperationValues.String(argument.Value) is { IsKnown: true } quality)
        {
            facts = new RequestFacts { Model = model.Id, Prompt = Fact<string>.Unknown, GenerationType = Fact<string>.Unknown, Quality = quality };
            path = WirePaths.Quality;
        }
        else
        {
            return;
        }

        ReportValue(facts, path, argument, report);
    }

    /// <summary><c>AspectRatio.Parse("16/9")</c>, <c>AspectRatio.Custom(0, 9)</c> on the generated aspect ratio type.</summary>
    private void AnalyzeAspectRatio(IInvocationOperation invocation, INamedTypeSymbol owner, System.Action<Diagnostic> report)
    {
        if (!invocation.TargetMethod.IsStatic || owner.ContainingType is not null || owner.ContainingNamespace.GetTypeMembers(GeneratedApi.CatalogClass).IsEmpty)
        {
            return;
        }

        string? ratio = null;
        SyntaxNode? at = null;
        if (invocation.TargetMethod.Name == GeneratedApi.ParseMethod && invocation.Arguments.Length == 1 && OperationValues.String(invocation.Arguments[0].Value) is { IsKnown: true } text)
        {
            ratio = text.Value;
            at = invocation.Arguments[0].Value.Syntax;
        }
        else if (invocation.TargetMethod.Name == GeneratedApi.CustomMethod && invocation.Arguments.Length == 2
            && OperationValues.TryGetInt(invocation.Arguments[0].Value, out int width) && OperationValues.TryGetInt(invocation.Arguments[1].Value, out int height))
        {
            ratio = width.ToString(CultureInfo.InvariantCulture) + ":" + height.ToString(CultureInfo.InvariantCulture);
            at = invocation.Syntax is InvocationExpressionSyntax syntax ? syntax.ArgumentList : invocation.Syntax;
        }

        if (ratio is null || at is null)
        {
            return;
        }

        var facts = new RequestFacts { Model = Fact<string>.Unknown, Prompt = Fact<string>.Unknown, GenerationType = Fact<string>.Unknown, AspectRatio = ratio };
        var locations = new FactLocations();
        locations.Add(WirePaths.AspectRatio, at);
        IReadOnlyList<Violation> violations = _catalog.Engine.Check(facts);
        ViolationReporter.Report(violations, locations, null, _catalog, v => v.Path == WirePaths.AspectRatio, report);
    }

    private void ReportValue(in RequestFacts facts, string path, IArgumentOperation argument, System.Action<Diagnostic> report)
    {
        IReadOnlyList<Violation> violations = _catalog.Engine.Check(facts);
        if (violations.Count > 0)
        {
            var locations = new FactLocations();
            AddArgument(locations, path, argument);
            ViolationReporter.Report(violations, locations, null, _catalog, v => v.Path == path, report);
        }
    }

    /// <summary>
    /// A builder's string argument: a constant null is not a missing value here (the builder throws
    /// ArgumentNullException at once, and nullable analysis already warns), so it is left unjudged.
    /// </summary>
    private static Fact<string> BuilderString(IOperation value) =>
        OperationValues.IsNullConstant(value) ? Fact<string>.Unknown : OperationValues.String(value);

    private static void AddArgument(FactLocations locations, string path, IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.Explicit)
        {
            locations.Add(path, argument.Value.Syntax, argument.Syntax);
        }
    }

    /// <summary>The arguments in parameter order (named arguments may be written in another order).</summary>
    private static System.Collections.Immutable.ImmutableArray<IArgumentOperation> Ordered(IInvocationOperation invocation)
    {
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments = invocation.Arguments;
        for (int i = 1; i < arguments.Length; i++)
        {
            if ((arguments[i - 1].Parameter?.Ordinal ?? int.MaxValue) > (arguments[i].Parameter?.Ordinal ?? int.MaxValue))
            {
                return arguments.Sort((a, b) => (a.Parameter?.Ordinal ?? int.MaxValue).CompareTo(b.Parameter?.Ordinal ?? int.MaxValue));
            }
        }

        return arguments;
    }

    /// <summary><c>ImageToVideoElementsBuilder</c> → <c>image-to-video</c>; the name itself when it is no builder of a generation type.</summary>
    internal static string GenerationTypeOf(string builderName) => GeneratedApi.GenerationTypeOfBuilder(builderName) ?? builderName;

    /// <summary>Collects URL arguments (one string each, a <c>params</c> array, or a list) into one list with their places.</summary>
    private sealed class UrlCollector
    {
        private readonly FactLocations _locations;
        private readonly string _path;
        private readonly List<string?> _urls = new();
        private bool _unknown;

        public UrlCollector(FactLocations locations, string path)
        {
            _locations = locations;
            _path = path;
        }

        public void Add(IArgumentOperation argument)
        {
            ITypeSymbol? type = argument.Parameter?.Type;
            if (type is null)
            {
                return;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                AddItem(argument.Value, argument.ArgumentKind == ArgumentKind.Explicit ? argument.Value.Syntax : null);
            }
            else if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } implicitArray })
            {
                foreach (IOperation item in implicitArray.ElementValues)
                {
                    AddItem(item, item.Syntax);
                }
            }
            else if (type is IArrayTypeSymbol || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                if (OperationValues.TryGetItems(argument.Value, out List<ListItem> items))
                {
                    if (argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        _locations.Add(_path, argument.Value.Syntax, argument.Syntax);
                    }

                    foreach (ListItem item in items)
                    {
                        AddItem(item.Operation, item.Syntax);
                    }
                }
                else
                {
                    _unknown = true;
                }
            }
        }

        public Fact<IReadOnlyList<string?>> Result(bool absentWhenEmpty)
        {
            if (_unknown)
            {
                return Fact<IReadOnlyList<string?>>.Unknown;
            }

            return _urls.Count == 0 && absentWhenEmpty ? Fact<IReadOnlyList<string?>>.Absent : Fact<IReadOnlyList<string?>>.Of(_urls);
        }

        private void AddItem(IOperation? value, SyntaxNode? syntax)
        {
            Fact<string> url = OperationValues.String(value);
            if (syntax is not null)
            {
                _locations.Add(_path + "[" + _urls.Count.ToString(CultureInfo.InvariantCulture) + "]", syntax);
            }

            _urls.Add(url.IsKnown ? url.Value : null);
        }
    }
}
