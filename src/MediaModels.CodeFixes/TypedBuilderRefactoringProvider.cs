using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog;
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
                $"Use the typed builder MediaCatalog.{plan.ModelTypeName}",
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

        if (!values.TryGetValue("Model", out ExpressionSyntax? modelExpression)
            || model.GetConstantValue(modelExpression, cancellationToken) is not { HasValue: true, Value: string modelId }
            || !values.TryGetValue("Prompt", out ExpressionSyntax? prompt)
            || FindModelType(model, modelId, creation.SpanStart) is not { } modelType)
        {
            return null;
        }

        string factory;
        if (values.TryGetValue("GenerationType", out ExpressionSyntax? typeExpression))
        {
            if (model.GetConstantValue(typeExpression, cancellationToken) is not { HasValue: true, Value: string generationType }
                || !GenerationTypes.IsKnown(generationType))
            {
                return null;
            }

            factory = Pascal(generationType);
        }
        else
        {
            // No generation type on the wire means the service's default (text-to-image); the builder writes it out.
            factory = Pascal(CatalogDefaults.Spec.GenerationType);
        }

        string qualifiedModel = ShortestName(model, creation.SpanStart, modelType);
        var text = new StringBuilder(qualifiedModel).Append('.').Append(factory).Append('(').Append(Code(prompt));
        if (values.TryGetValue("SourceMediaUrls", out ExpressionSyntax? urls))
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
            switch (pair.Key)
            {
                case "Model" or "Prompt" or "GenerationType" or "SourceMediaUrls":
                    break;
                case "Duration":
                    if (model.GetConstantValue(pair.Value, cancellationToken) is not { HasValue: true, Value: string duration }
                        || !DurationRule.TryParse(duration, out int seconds))
                    {
                        return null;
                    }

                    text.Append(".WithDuration(").Append(qualifiedModel).Append(".Duration.FromSeconds(").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append("))");
                    break;
                case "Quality":
                    text.Append(".WithQuality(").Append(qualifiedModel).Append(".Quality.FromValue(").Append(Code(pair.Value)).Append("))");
                    break;
                case "AspectRatio":
                    if (modelType.ContainingType?.ContainingNamespace is not { } catalogNamespace
                        || catalogNamespace.GetTypeMembers("AspectRatio").FirstOrDefault() is not { } ratioType)
                    {
                        return null;
                    }

                    text.Append(".WithAspectRatio(").Append(ShortestName(model, creation.SpanStart, ratioType)).Append(".Parse(").Append(Code(pair.Value)).Append("))");
                    break;
                case "Seed":
                    text.Append(".WithSeed(").Append(Code(pair.Value)).Append(')');
                    break;
                case "NegativePrompt":
                    text.Append(".WithNegativePrompt(").Append(Code(pair.Value)).Append(')');
                    break;
                case "Sound":
                    text.Append(".WithSound(").Append(Code(pair.Value)).Append(')');
                    break;
                default:
                    // Kling elements, extension data and anything else have no one-to-one builder call.
                    return null;
            }
        }

        text.Append(".Build()");
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
        foreach (ISymbol symbol in model.Compilation.GetSymbolsWithName("MediaCatalog", SymbolFilter.Type))
        {
            if (symbol is not INamedTypeSymbol catalog)
            {
                continue;
            }

            foreach (INamedTypeSymbol nested in catalog.GetTypeMembers())
            {
                if (nested.GetMembers("Id").OfType<IFieldSymbol>().Any(f => f.IsConst && Equals(f.ConstantValue, modelId))
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

    /// <summary><c>text-to-video</c> → <c>TextToVideo</c>, as the generator names a mode's factory.</summary>
    private static string Pascal(string generationType)
    {
        var name = new StringBuilder(generationType.Length);
        foreach (string part in generationType.Split('-'))
        {
            if (part.Length > 0)
            {
                name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
        }

        return name.ToString();
    }

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
