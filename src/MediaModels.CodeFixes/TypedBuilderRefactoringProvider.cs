using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using MediaModels.Catalog.Wire;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeRefactorings;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MediaModels.CodeFixes;

/// <summary>
/// Turns a loose <c>new GenerateMediaRequest { Model = "sora-2", … }</c> whose model is a constant into the generated
/// typed builder: <c>MediaCatalog.Sora2.TextToVideo(prompt).WithDuration(…).Build()</c>.
/// </summary>
/// <remarks>
/// Offered only when every property set has a typed counterpart on the builder the request would start: the rewrite is
/// bound speculatively and must produce a <c>GenerateMediaRequest</c>, so a parameter the model ignores (no
/// <c>With…</c>), a wrong number of source URLs (no factory overload) or a value of the wrong type means no offer, and
/// the analyzer's diagnostic stays the way to learn why. The builder reproduces the same wire request, and its
/// <c>Build()</c> validates it against the catalog.
/// </remarks>
[ExportCodeRefactoringProvider(LanguageNames.CSharp, Name = nameof(TypedBuilderRefactoringProvider))]
public sealed class TypedBuilderRefactoringProvider : CodeRefactoringProvider
{
    private const string RequestType = "MediaModels.GenerateMediaRequest";

    /// <inheritdoc />
    public override async Task ComputeRefactoringsAsync(CodeRefactoringContext context)
    {
        try
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            // The request being written around the caret, also from inside its URL list or one of its values.
            BaseObjectCreationExpressionSyntax? creation = root.FindNode(context.Span, getInnermostNodeForTie: true)
                .AncestorsAndSelf()
                .OfType<BaseObjectCreationExpressionSyntax>()
                .FirstOrDefault(c => model.GetTypeInfo(c, context.CancellationToken).Type?.ToDisplayString() == RequestType);
            if (creation is not { Initializer: { } } || creation.ArgumentList is { Arguments.Count: > 0 })
            {
                return;
            }

            if (Plan(creation, model, context.CancellationToken) is not { } plan)
            {
                return;
            }

            context.RegisterRefactoring(CodeAction.Create(
                $"Use the typed builder {GeneratedApi.CatalogClass}.{plan.ModelTypeName}",
                cancellationToken => ReplaceAsync(context.Document, creation, plan.Expression, cancellationToken),
                equivalenceKey: nameof(TypedBuilderRefactoringProvider)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A refactoring that cannot be computed is simply not offered; the IDE must not see an exception.
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode creation, ExpressionSyntax replacement, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        SyntaxNode replaced = replacement
            .WithLeadingTrivia(creation.GetLeadingTrivia())
            .WithTrailingTrivia(creation.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        Document changed = document.WithSyntaxRoot(root.ReplaceNode(creation, replaced));
        return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The builder expression for the request, or null when the typed API cannot say the same thing.</summary>
    private static BuilderPlan? Plan(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        foreach (ExpressionSyntax item in creation.Initializer!.Expressions)
        {
            if (item is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment
                || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                || values.ContainsKey(property.Identifier.ValueText))
            {
                return null;
            }

            if (!assignment.Right.IsKind(SyntaxKind.NullLiteralExpression))
            {
                values.Add(property.Identifier.ValueText, assignment.Right);
            }
        }

        if (!values.TryGetValue(WireParameters.Model.MemberName, out ExpressionSyntax? modelExpression)
            || model.GetConstantValue(modelExpression, cancellationToken) is not { HasValue: true, Value: string modelId }
            || !values.TryGetValue(WireParameters.Prompt.MemberName, out ExpressionSyntax? prompt)
            || FindModelType(model, modelId, creation.SpanStart) is not { } modelType)
        {
            return null;
        }

        string factory;
        if (values.TryGetValue(WireParameters.GenerationType.MemberName, out ExpressionSyntax? typeExpression))
        {
            if (model.GetConstantValue(typeExpression, cancellationToken) is not { HasValue: true, Value: string generationType }
                || !GenerationTypes.IsKnown(generationType))
            {
                return null;
            }

            factory = GeneratedApi.FactoryMethodOf(generationType);
        }
        else
        {
            // No generation type on the wire means the service's default (text-to-image); the builder writes it out.
            factory = GeneratedApi.FactoryMethodOf(CatalogDefaults.Spec.GenerationType);
        }

        string qualifiedModel = ShortestName(model, creation.SpanStart, modelType);
        var text = new StringBuilder(qualifiedModel).Append('.').Append(factory).Append('(').Append(Code(prompt));
        if (values.TryGetValue(WireParameters.SourceMediaUrls.MemberName, out ExpressionSyntax? urls))
        {
            if (UrlElements(urls) is { } elements)
            {
                foreach (ExpressionSyntax element in elements)
                {
                    text.Append(", ").Append(Code(element));
                }
            }
            else
            {
                text.Append(", ").Append(Code(urls));
            }
        }

        text.Append(')');
        foreach (KeyValuePair<string, ExpressionSyntax> pair in values)
        {
            WireParameter? parameter = WireParameters.FindByMember(pair.Key);
            if (parameter == WireParameters.Model || parameter == WireParameters.Prompt
                || parameter == WireParameters.GenerationType || parameter == WireParameters.SourceMediaUrls)
            {
                continue; // the factory call above says them
            }

            string? argument = parameter is null ? null : BuilderArgument(parameter, pair.Value, qualifiedModel, model, creation.SpanStart, modelType, cancellationToken);
            if (argument is null)
            {
                // Kling elements, extension data and anything else have no one-to-one builder call.
                return null;
            }

            text.Append('.').Append(GeneratedApi.WithMethodOf(parameter!)).Append('(').Append(argument).Append(')');
        }

        text.Append('.').Append(GeneratedApi.BuildMethod).Append("()");
        ExpressionSyntax expression = SyntaxFactory.ParseExpression(text.ToString());
        if (expression.ContainsDiagnostics)
        {
            return null;
        }

        // The whole chain must bind: a missing With…, no factory overload for these URLs or a value of the wrong type
        // leaves it unbound, and then the typed API cannot say what the loose request says.
        TypeInfo bound = model.GetSpeculativeTypeInfo(creation.SpanStart, expression, SpeculativeBindingOption.BindAsExpression);
        if (bound.Type?.ToDisplayString() != RequestType || !AllCallsBind(model, creation.SpanStart, expression))
        {
            return null;
        }

        return new BuilderPlan(modelType.Name, expression);
    }

    /// <summary>
    /// The argument of the builder's <c>With…</c> call that sets <paramref name="parameter"/> to <paramref name="value"/>
    /// (a typed value where the builder takes one), or null when the typed API has no such call.
    /// </summary>
    private static string? BuilderArgument(WireParameter parameter, ExpressionSyntax value, string qualifiedModel, SemanticModel model, int position, INamedTypeSymbol modelType, CancellationToken cancellationToken)
    {
        if (parameter == WireParameters.Duration)
        {
            return model.GetConstantValue(value, cancellationToken) is { HasValue: true, Value: string duration } && DurationRule.TryParse(duration, out int seconds)
                ? qualifiedModel + "." + GeneratedApi.DurationType + "." + GeneratedApi.FromSecondsMethod + "(" + seconds.ToString(CultureInfo.InvariantCulture) + ")"
                : null;
        }

        if (parameter == WireParameters.Quality)
        {
            return qualifiedModel + "." + GeneratedApi.QualityType + "." + GeneratedApi.FromValueMethod + "(" + Code(value) + ")";
        }

        if (parameter == WireParameters.AspectRatio)
        {
            return modelType.ContainingType?.ContainingNamespace is { } catalogNamespace
                && catalogNamespace.GetTypeMembers(GeneratedApi.AspectRatioType).FirstOrDefault() is { } ratioType
                ? ShortestName(model, position, ratioType) + "." + GeneratedApi.ParseMethod + "(" + Code(value) + ")"
                : null;
        }

        // Plain values (seed, negative_prompt, sound) are passed as written; the speculative binding checks the type.
        return parameter.Kind is WireJsonKind.String or WireJsonKind.Boolean or WireJsonKind.Number ? Code(value) : null;
    }

    /// <summary>
    /// The shortest way to name <paramref name="type"/> at <paramref name="position"/> (<c>MediaCatalog.Sora2</c> where
    /// the namespace is imported), checked by binding, else its fully qualified name.
    /// </summary>
    private static string ShortestName(SemanticModel model, int position, INamedTypeSymbol type)
    {
        var candidates = new List<string>();
        string name = type.Name;
        for (INamedTypeSymbol? outer = type.ContainingType; ; outer = outer.ContainingType)
        {
            candidates.Add(name);
            if (outer is null)
            {
                break;
            }

            name = outer.Name + "." + name;
        }

        foreach (string candidate in candidates)
        {
            TypeSyntax syntax = SyntaxFactory.ParseTypeName(candidate);
            if (SymbolEqualityComparer.Default.Equals(model.GetSpeculativeSymbolInfo(position, syntax, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol, type))
            {
                return candidate;
            }
        }

        return type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    private static bool AllCallsBind(SemanticModel model, int position, ExpressionSyntax expression)
    {
        foreach (InvocationExpressionSyntax call in expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSpeculativeSymbolInfo(position, call, SpeculativeBindingOption.BindAsExpression).Symbol is not IMethodSymbol)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The generated <c>MediaCatalog.&lt;Model&gt;</c> whose <c>Id</c> is <paramref name="modelId"/>, if this compilation has one.</summary>
    private static INamedTypeSymbol? FindModelType(SemanticModel model, string modelId, int position)
    {
        foreach (ISymbol symbol in model.Compilation.GetSymbolsWithName(GeneratedApi.CatalogClass, SymbolFilter.Type))
        {
            if (symbol is not INamedTypeSymbol catalog)
            {
                continue;
            }

            foreach (INamedTypeSymbol nested in catalog.GetTypeMembers())
            {
                if (nested.GetMembers(GeneratedApi.IdConstant).OfType<IFieldSymbol>().Any(f => f.IsConst && Equals(f.ConstantValue, modelId))
                    && model.IsAccessible(position, nested))
                {
                    return nested;
                }
            }
        }

        return null;
    }

    /// <summary>The element expressions of a URL list written in place (collection expression, array or list initializer).</summary>
    private static IReadOnlyList<ExpressionSyntax>? UrlElements(ExpressionSyntax urls)
    {
        InitializerExpressionSyntax? initializer = urls switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer,
            ImplicitArrayCreationExpressionSyntax array => array.Initializer,
            BaseObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 }, Initializer: { } list } when list.IsKind(SyntaxKind.CollectionInitializerExpression) => list,
            _ => null,
        };
        if (initializer is not null)
        {
            return initializer.Expressions;
        }

        if (urls is CollectionExpressionSyntax collection && collection.Elements.All(e => e is ExpressionElementSyntax))
        {
            return collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList();
        }

        return null;
    }

    private static string Code(ExpressionSyntax expression) => expression.WithoutTrivia().ToFullString();

    private sealed class BuilderPlan
    {
        public BuilderPlan(string modelTypeName, ExpressionSyntax expression)
        {
            ModelTypeName = modelTypeName;
            Expression = expression;
        }

        public string ModelTypeName { get; }

        public ExpressionSyntax Expression { get; }
    }
}
