using System;
using System.Collections.Generic;
using MediaModels.Catalog;
using MediaModels.Catalog.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// Drives <see cref="LooseRequestAnalysis"/> and <see cref="BuilderAnalysis"/> per code block, from syntax first: a
/// block whose syntax holds no node that could be a request site costs one walk of its syntax nodes and no semantic
/// work, and only the candidate nodes of the other blocks are turned into operations.
/// </summary>
/// <remarks>
/// Why not operation actions: any operation action (or operation block action) makes the analyzer driver build the
/// operation tree of every executable block of the compilation, which cost ~400 ms at 2,000 request sites while the
/// analyzer's own callbacks took ~20 ms; the syntax walk is a small fraction of that, and most blocks of a real project
/// contain no request at all. The filter is conservative: every node the analyses could act on passes it (a
/// <c>new()</c> of any target type, every <c>with</c>, assignments to a property named like one of the request's,
/// invocations named like a method the generator writes), and the analyses then decide by symbols, as before.
/// </remarks>
internal sealed class RequestSiteAnalysis
{
    private readonly LooseRequestAnalysis _loose;
    private readonly BuilderAnalysis _builders;
    private readonly HashSet<string> _requestTypeNames;
    private readonly HashSet<string> _requestProperties;
    private readonly HashSet<string> _builderMethods;
    private readonly Action<CodeBlockAnalysisContext> _analyze;

    private RequestSiteAnalysis(LooseRequestAnalysis loose, BuilderAnalysis builders, HashSet<string> requestTypeNames, HashSet<string> requestProperties, HashSet<string> builderMethods)
    {
        _loose = loose;
        _builders = builders;
        _requestTypeNames = requestTypeNames;
        _requestProperties = requestProperties;
        _builderMethods = builderMethods;
        _analyze = Analyze;
    }

    /// <summary>
    /// The analysis of a compilation, or null when it cannot hold a request site: without the runtime's
    /// <c>GenerateMediaRequest</c> neither a loose request nor a generated builder (whose <c>Build()</c> returns one) compiles.
    /// </summary>
    public static RequestSiteAnalysis? Create(Compilation compilation, AnalyzerCatalog catalog, System.Threading.CancellationToken cancellationToken)
    {
        var symbols = KnownSymbols.Resolve(compilation);
        if (symbols.Request is not INamedTypeSymbol request)
        {
            return null;
        }

        var properties = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? type = request; type is not null; type = type.BaseType)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IPropertySymbol property)
                {
                    properties.Add(property.Name);
                }
            }
        }

        var methods = new HashSet<string>(StringComparer.Ordinal)
        {
            GeneratedApi.BuildMethod, GeneratedApi.CreateMethod, GeneratedApi.FromSecondsMethod, GeneratedApi.FromValueMethod,
            GeneratedApi.CustomMethod, GeneratedApi.ParseMethod,
        };
        foreach (ModelSpec model in catalog.Catalog.Models)
        {
            foreach (GenerationTypeSpec mode in model.GenerationTypes)
            {
                methods.Add(GeneratedApi.FactoryMethodOf(mode.Type));
            }
        }

        return new RequestSiteAnalysis(
            new LooseRequestAnalysis(catalog, symbols),
            new BuilderAnalysis(catalog),
            RequestTypeNames(compilation, request, cancellationToken),
            properties,
            methods);
    }

    /// <summary>Registered as a code block action: runs the analyses on one block, guarded.</summary>
    public void OnCodeBlock(CodeBlockAnalysisContext context) => AnalyzerGuard.Run(_analyze, context, context.CancellationToken);

    private void Analyze(CodeBlockAnalysisContext context)
    {
        SyntaxNode codeBlock = context.CodeBlock;
        List<SyntaxNode>? candidates = null;
        foreach (SyntaxNode node in codeBlock.DescendantNodesAndSelf(child => child == codeBlock || !IsOtherDeclaration(child)))
        {
            if (IsCandidate(node))
            {
                (candidates ??= new List<SyntaxNode>()).Add(node);
            }
        }

        if (candidates is null)
        {
            return;
        }

        var block = new LooseRequestAnalysis.Block();
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (SyntaxNode node in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            IOperation? operation = context.SemanticModel.GetOperation(node, context.CancellationToken);
            // Guarded one by one, as the operation actions were: a bug of ours skips that node only.
            if (operation is IInvocationOperation invocation)
            {
                AnalyzerGuard.Run(i => _builders.Analyze(i, report), invocation, context.CancellationToken);
            }
            else if (operation is not null)
            {
                AnalyzerGuard.Run(o => _loose.Collect(block, o), operation, context.CancellationToken);
            }
        }

        _loose.Analyze(block, report, context.CancellationToken);
    }

    /// <summary>
    /// A declaration with code blocks of its own (a member or accessor nested in this block's declaration: a type with
    /// a primary constructor, a file with top-level statements): analysed when its own block is.
    /// </summary>
    private static bool IsOtherDeclaration(SyntaxNode node) =>
        node is AccessorDeclarationSyntax or AttributeListSyntax || (node is MemberDeclarationSyntax && node is not GlobalStatementSyntax);

    private bool IsCandidate(SyntaxNode node)
    {
        switch (node)
        {
            case ObjectCreationExpressionSyntax creation:
                return _requestTypeNames.Contains(RightmostName(creation.Type));
            case ImplicitObjectCreationExpressionSyntax or WithExpressionSyntax:
                return true;
            case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return _requestProperties.Contains(RightmostName(assignment.Left));
            case InvocationExpressionSyntax invocation:
                string name = RightmostName(invocation.Expression);
                return _builderMethods.Contains(name) || name.StartsWith(GeneratedApi.WithPrefix, StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>The simple name an expression or type ends with (<c>a.b.Model</c> → <c>Model</c>), or empty.</summary>
    private static string RightmostName(SyntaxNode node) => node switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        NullableTypeSyntax nullable => RightmostName(nullable.ElementType),
        _ => string.Empty,
    };

    /// <summary>
    /// The names the request type can be written with: its own, and every using alias of the compilation that names
    /// a type of that name (read from the compilation units' syntax only, so global aliases in another file count).
    /// </summary>
    private static HashSet<string> RequestTypeNames(Compilation compilation, INamedTypeSymbol request, System.Threading.CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { request.Name };
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                AddAliases(unit.Usings, unit.Members);
            }
        }

        return names;

        void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (UsingDirectiveSyntax directive in usings)
            {
                if (directive.Alias is { } alias && RightmostName(directive.NamespaceOrType) == request.Name)
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }

            foreach (MemberDeclarationSyntax member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax ns)
                {
                    AddAliases(ns.Usings, ns.Members);
                }
            }
        }
    }
}
