using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MediaModels.CodeFixes;

/// <summary>
/// Fixes for the MediaModels analyzers: MM0001 replaces an unknown model id with the nearest known one; MM0101–MM0104
/// remove the assignment of a parameter the model ignores; MM0201 replaces a duration with the nearest one the model
/// allows (a <c>"12s"</c> literal on the loose API, a <c>Duration.FromSeconds(12)</c> literal on a typed builder). Fix
/// all works in a document, a project and a solution.
/// </summary>
/// <remarks>
/// Not marked <c>[Shared]</c>: the compiler and IDE create code fixes from an analyzer reference by reflection, not through
/// MEF, and the attribute would tie this assembly to System.Composition.AttributedModel 8.0.0.0 (Workspaces 4.8 asks for
/// 7.0.0, which the package mirror does not serve), which a Visual Studio 17.8 host may not be able to load.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MediaRequestCodeFixProvider))]
public sealed class MediaRequestCodeFixProvider : CodeFixProvider
{
    /// <summary>The diagnostic property in which the analyzer passes the rule engine's suggestion.</summary>
    public const string SuggestionProperty = "MediaModels.Suggestion";

    private static readonly ImmutableArray<string> Removable = ImmutableArray.Create(
        MediaRules.SoundIgnored.Id, MediaRules.NegativePromptIgnored.Id, MediaRules.DurationIgnored.Id, MediaRules.QualityIgnored.Id);

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(MediaRules.UnknownModel.Id, MediaRules.DurationNotAllowed.Id).AddRange(Removable);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (Plan(root, diagnostic) is not Edit edit)
            {
                continue;
            }

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(edit.Title, ct => ApplyAsync(document, new[] { diagnostic }, ct), EquivalenceKey(diagnostic.Id)),
                diagnostic);
        }
    }

    /// <summary>
    /// One key per kind of fix, so fix all applies every fix of that kind (removing an ignored sound and an ignored
    /// quality is one "remove ignored parameters").
    /// </summary>
    private static string EquivalenceKey(string id) =>
        id == MediaRules.UnknownModel.Id ? "MediaModels.UseNearestModel"
        : id == MediaRules.DurationNotAllowed.Id ? "MediaModels.UseNearestDuration"
        : "MediaModels.RemoveIgnoredParameter";

    private static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(Apply(root, diagnostics));
    }

    /// <summary>Applies every fixable diagnostic of one document at once: replacements first, then removals.</summary>
    private static SyntaxNode Apply(SyntaxNode root, IEnumerable<Diagnostic> diagnostics)
    {
        var edits = diagnostics.Select(d => Plan(root, d)).OfType<Edit>().ToList();
        var replacements = edits.Where(e => e.Replacement is not null).GroupBy(e => e.Node).ToDictionary(g => g.Key, g => g.First().Replacement!);
        var removals = edits.Where(e => e.Replacement is null).Select(e => e.Node).Distinct().ToList();
        var marker = new SyntaxAnnotation("MediaModels.Remove");
        root = root.ReplaceNodes(
            replacements.Keys.Concat(removals),
            (original, rewritten) => replacements.TryGetValue(original, out SyntaxNode? replacement)
                ? replacement.WithTriviaFrom(rewritten)
                : rewritten.WithAdditionalAnnotations(marker));

        // One removal at a time, each on the tree the previous one left, so neighbours in one initializer stay well-formed.
        while (root.GetAnnotatedNodes(marker).FirstOrDefault() is SyntaxNode next)
        {
            root = Remove(root, next, marker);
        }

        return root;
    }

    private static SyntaxNode Remove(SyntaxNode root, SyntaxNode assignment, SyntaxAnnotation marker)
    {
        switch (assignment.Parent)
        {
            case InitializerExpressionSyntax initializer:
                return root.ReplaceNode(initializer, initializer.WithExpressions(Without(initializer.Expressions, (ExpressionSyntax)assignment)));
            case ExpressionStatementSyntax { Parent: GlobalStatementSyntax global }:
                return root.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives) ?? root;
            case ExpressionStatementSyntax statement:
                return root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives) ?? root;
            default:
                // Not removable in place: drop the mark so the loop ends.
                return root.ReplaceNode(assignment, assignment.WithoutAnnotations(marker));
        }
    }

    /// <summary>
    /// The list without one element and one separator, keeping the layout: the next element takes the removed one's
    /// indentation; when the last element goes, the one before it takes its trailing trivia (the space or line end
    /// before the closing brace).
    /// </summary>
    private static SeparatedSyntaxList<ExpressionSyntax> Without(SeparatedSyntaxList<ExpressionSyntax> list, ExpressionSyntax element)
    {
        int index = list.IndexOf(element);
        var items = new List<SyntaxNodeOrToken>(list.GetWithSeparators());
        int position = index * 2;
        if (position + 1 < items.Count)
        {
            // element and the separator after it; what follows inherits the element's leading trivia.
            SyntaxTriviaList leading = element.GetLeadingTrivia();
            items.RemoveRange(position, 2);
            if (position < items.Count)
            {
                items[position] = items[position].AsNode() is SyntaxNode node
                    ? node.WithLeadingTrivia(leading)
                    : items[position];
            }

            return SyntaxFactory.SeparatedList<ExpressionSyntax>(items);
        }

        // The last element without a trailing separator: remove it and the separator before it.
        SyntaxTriviaList trailing = element.GetTrailingTrivia();
        if (position == 0)
        {
            return SyntaxFactory.SeparatedList<ExpressionSyntax>();
        }

        items.RemoveRange(position - 1, 2);
        if (items[position - 2].AsNode() is SyntaxNode previous)
        {
            items[position - 2] = previous.WithTrailingTrivia(trailing);
        }

        return SyntaxFactory.SeparatedList<ExpressionSyntax>(items);
    }

    /// <summary>What fixing one diagnostic does, or null when it cannot be fixed in place.</summary>
    private static Edit? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        diagnostic.Properties.TryGetValue(SuggestionProperty, out string? suggestion);
        string id = diagnostic.Id;
        if (id == MediaRules.UnknownModel.Id && suggestion is not null && node.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return new Edit(node, StringLiteral(suggestion), $"Use '{suggestion}'");
        }

        if (id == MediaRules.DurationNotAllowed.Id && suggestion is not null)
        {
            if (node.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return new Edit(node, StringLiteral(suggestion), $"Use the nearest allowed duration, '{suggestion}'");
            }

            if (node.IsKind(SyntaxKind.NumericLiteralExpression) && TryParseSeconds(suggestion, out int seconds))
            {
                return new Edit(
                    node,
                    SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds)),
                    $"Use the nearest allowed duration, {seconds.ToString(CultureInfo.InvariantCulture)} seconds");
            }

            return null;
        }

        if (Removable.Contains(id) && node is AssignmentExpressionSyntax { Left: var left } assignment
            && assignment.Parent is InitializerExpressionSyntax or ExpressionStatementSyntax)
        {
            string name = left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : left.ToString();
            return new Edit(assignment, null, $"Remove '{name}' (the model ignores it)");
        }

        return null;
    }

    private static LiteralExpressionSyntax StringLiteral(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    private static bool TryParseSeconds(string duration, out int seconds)
    {
        seconds = 0;
        return duration.Length > 1 && duration[duration.Length - 1] == 's'
            && int.TryParse(duration.Substring(0, duration.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
    }

    /// <summary>One planned edit: replace <see cref="Node"/> with <see cref="Replacement"/>, or remove it when that is null.</summary>
    private sealed class Edit
    {
        public Edit(SyntaxNode node, SyntaxNode? replacement, string title)
        {
            Node = node;
            Replacement = replacement;
            Title = title;
        }

        public SyntaxNode Node { get; }

        public SyntaxNode? Replacement { get; }

        public string Title { get; }
    }

    /// <summary>Fix all in a document, a project or the solution: each document is fixed in one pass.</summary>
    private sealed class FixAll : FixAllProvider
    {
        public static readonly FixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            string title = fixAllContext.Scope switch
            {
                FixAllScope.Project => "Fix all in project",
                FixAllScope.Solution => "Fix all in solution",
                _ => "Fix all in document",
            };
            return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAsync(fixAllContext, ct), fixAllContext.CodeActionEquivalenceKey));
        }

        private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            IEnumerable<Document> documents = context.Scope switch
            {
                FixAllScope.Project => context.Project.Documents,
                FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
                _ => context.Document is null ? Enumerable.Empty<Document>() : new[] { context.Document },
            };

            Solution solution = context.Solution;
            foreach (Document document in documents.ToArray())
            {
                ImmutableArray<Diagnostic> diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                Diagnostic[] mine = diagnostics.Where(d => EquivalenceKey(d.Id) == context.CodeActionEquivalenceKey).ToArray();
                if (mine.Length == 0)
                {
                    continue;
                }

                SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is not null)
                {
                    solution = solution.WithDocumentSyntaxRoot(document.Id, Apply(root, mine));
                }
            }

            return solution;
        }
    }
}
