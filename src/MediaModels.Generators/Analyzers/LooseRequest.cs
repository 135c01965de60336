using System.Collections.Generic;
using MediaModels.Catalog.Rules;
using MediaModels.Catalog.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// A <c>GenerateMediaRequest</c> as C# writes it (an object creation, a <c>with</c> expression, property
/// assignments), turned into <see cref="RequestFacts"/>: constants are Known, other values Unknown, what is not set
/// Absent. Every value's place is recorded in <see cref="Locations"/>.
/// </summary>
internal sealed class LooseRequest
{
    private readonly KnownSymbols _symbols;
    private RequestFacts _facts;

    /// <summary>A request; <paramref name="unknownByDefault"/> when the values not written here are only known at run time (a <c>with</c> copy).</summary>
    public LooseRequest(KnownSymbols symbols, bool unknownByDefault)
    {
        _symbols = symbols;
        if (unknownByDefault)
        {
            // Values written elsewhere (the copied request, earlier statements) are unknown. Only those that change what
            // the rules decide about the values written here need to say so: the model, the generation type (which
            // picks the mode) and the source media (which elements need). The others stay absent, which spares the rule
            // engine violations about parameters that are not written here and so could not be reported anyway.
            _facts = new RequestFacts
            {
                Model = Fact<string>.Unknown,
                GenerationType = Fact<string>.Unknown,
                Prompt = Fact<string>.Unknown,
                SourceMediaUrls = Fact<IReadOnlyList<string?>>.Unknown,
            };
        }
    }

    /// <summary>Where each value was written.</summary>
    public FactLocations Locations { get; } = new();

    /// <summary>The facts so far.</summary>
    public RequestFacts Facts => _facts;

    /// <summary>Reads an object or <c>with</c> initializer: <c>{ Model = "sora-2", Sound = true }</c>.</summary>
    public void ReadInitializer(IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is null)
        {
            return;
        }

        foreach (IOperation member in initializer.Initializers)
        {
            switch (member)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    Assign(property.Property, assignment.Value, assignment.Syntax);
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested }:
                    // SourceMediaUrls = { … } adds to a list that the property getter returns: nothing is known.
                    MarkUnknown(nested.Property);
                    break;
            }
        }
    }

    /// <summary>A property set to a value known only at run time (assigned somewhere we cannot follow).</summary>
    public void MarkUnknown(IPropertySymbol property)
    {
        if (WireParameters.FindByMember(property.Name) is WireParameter parameter)
        {
            _facts = _facts.WithUnknown(parameter.Fact);
        }
    }

    /// <summary>Sets a property from C#: <paramref name="whole"/> is the assignment.</summary>
    public void Assign(IPropertySymbol property, IOperation value, SyntaxNode whole)
    {
        if (!SymbolEqualityComparer.Default.Equals(property.ContainingType, _symbols.Request)
            || WireParameters.FindByMember(property.Name) is not WireParameter parameter)
        {
            return;
        }

        switch (parameter.Kind)
        {
            case WireJsonKind.String:
                _facts = _facts.WithString(parameter.Fact, OperationValues.String(value));
                break;
            case WireJsonKind.Boolean when parameter.Fact == RequestFact.Sound:
                _facts = _facts with { Sound = OperationValues.Boolean(value) };
                break;
            case WireJsonKind.StringOrStringArray or WireJsonKind.StringArray when parameter.Fact == RequestFact.SourceMediaUrls:
                _facts = _facts with { SourceMediaUrls = UrlList(value, parameter.Path) };
                break;
            case WireJsonKind.ObjectArray when parameter.Fact == RequestFact.KlingElements:
                _facts = _facts with { KlingElements = Elements(value) };
                break;
        }

        // Every parameter's place is recorded, those no rule reads (seed) included, so a violation about the request
        // as a whole can still point at what was written.
        Locations.Add(parameter.Path, value.Syntax, whole);
    }

    private Fact<IReadOnlyList<string?>> UrlList(IOperation value, string path)
    {
        if (OperationValues.IsNullConstant(value))
        {
            return Fact<IReadOnlyList<string?>>.Absent;
        }

        if (!OperationValues.TryGetItems(value, out List<ListItem> items))
        {
            return Fact<IReadOnlyList<string?>>.Unknown;
        }

        var urls = new string?[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            // A URL known only at run time is a null item: counted, never judged.
            Fact<string> url = OperationValues.String(items[i].Operation);
            urls[i] = url.IsKnown ? url.Value : null;
            Locations.Add(path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", items[i].Syntax);
        }

        return Fact<IReadOnlyList<string?>>.Of(urls);
    }

    private Fact<IReadOnlyList<IElementFacts>> Elements(IOperation value)
    {
        if (OperationValues.IsNullConstant(value))
        {
            return Fact<IReadOnlyList<IElementFacts>>.Absent;
        }

        if (!OperationValues.TryGetItems(value, out List<ListItem> items))
        {
            return Fact<IReadOnlyList<IElementFacts>>.Unknown;
        }

        var elements = new IElementFacts[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            // An element that is not written in place (a variable, a call) could be anything: then nothing is known.
            if (items[i].Operation is not IOperation item
                || OperationValues.Strip(item) is not IObjectCreationOperation { Arguments.Length: 0 } creation
                || !SymbolEqualityComparer.Default.Equals(creation.Type, _symbols.Element))
            {
                return Fact<IReadOnlyList<IElementFacts>>.Unknown;
            }

            elements[i] = Element(creation, i);
        }

        return Fact<IReadOnlyList<IElementFacts>>.Of(elements);
    }

    private ElementFacts Element(IObjectCreationOperation creation, int index)
    {
        var element = new ElementFacts();
        Locations.Add(WirePaths.Element(index), creation.Syntax);
        if (creation.Initializer is null)
        {
            return element;
        }

        foreach (IOperation member in creation.Initializer.Initializers)
        {
            if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested })
                {
                    MarkUnknown(element, nested.Property.Name);
                }

                continue;
            }

            IOperation value = assignment.Value;
            if (WireParameters.FindElementMemberByMember(property.Property.Name) is not WireParameter parameter)
            {
                continue;
            }

            string path = WirePaths.ElementMember(index, parameter.Name);
            if (parameter.Kind == WireJsonKind.String)
            {
                element.SetString(parameter.Fact, OperationValues.String(value));
            }
            else
            {
                element.SetUrls(parameter.Fact, UrlList(value, path));
            }

            Locations.Add(path, value.Syntax, assignment.Syntax);
        }

        return element;
    }

    private static void MarkUnknown(ElementFacts element, string property)
    {
        if (WireParameters.FindElementMemberByMember(property) is { Kind: WireJsonKind.StringArray } parameter)
        {
            element.SetUrls(parameter.Fact, Fact<IReadOnlyList<string?>>.Unknown);
        }
    }
}

/// <summary>The runtime types the analyzer looks for, resolved once per compilation.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(INamedTypeSymbol? request, INamedTypeSymbol? element)
    {
        Request = request;
        Element = element;
    }

    /// <summary><c>MediaModels.GenerateMediaRequest</c>, or null when the runtime is not referenced.</summary>
    public INamedTypeSymbol? Request { get; }

    /// <summary><c>MediaModels.KlingElement</c>.</summary>
    public INamedTypeSymbol? Element { get; }

    /// <summary>Resolves the symbols.</summary>
    public static KnownSymbols Resolve(Compilation compilation) => new(
        compilation.GetTypeByMetadataName("MediaModels.GenerateMediaRequest"),
        compilation.GetTypeByMetadataName("MediaModels.KlingElement"));
}
