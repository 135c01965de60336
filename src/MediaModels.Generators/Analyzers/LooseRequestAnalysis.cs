using System.Collections.Generic;
using System.Linq;
using MediaModels.Catalog.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MediaModels.Generators.Analyzers;

/// <summary>
/// The loose API: <c>new GenerateMediaRequest { … }</c>, <c>request with { … }</c> and property assignments, per
/// executable block. An object creation stored in a local takes in the assignments to that local that directly
/// follow it (<c>var r = new GenerateMediaRequest(); r.Model = "sora-2"; r.Sound = true;</c>); a property assigned
/// anywhere else in the block is a value known only at run time. When the model id is a constant the creation is
/// the whole request: what it does not set is absent, as on the wire. Otherwise, and for <c>with</c> copies and
/// lone assignments, only violations about the values written there are reported.
/// </summary>
internal sealed class LooseRequestAnalysis
{
    private readonly AnalyzerCatalog _catalog;
    private readonly KnownSymbols _symbols;

    public LooseRequestAnalysis(AnalyzerCatalog catalog, KnownSymbols symbols)
    {
        _catalog = catalog;
        _symbols = symbols;
    }

    /// <summary>Keeps a creation, <c>with</c> copy or property assignment of the request type for <see cref="Analyze"/>.</summary>
    public void Collect(Block block, IOperation operation)
    {
        INamedTypeSymbol request = _symbols.Request!;
        switch (operation)
        {
            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, request) && creation.Arguments.Length == 0:
                block.Add(creation);
                break;
            case IWithOperation with when SymbolEqualityComparer.Default.Equals(with.Type, request):
                block.Add(with);
                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, request)
                     && property.Instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                block.Add(assignment);
                break;
        }
    }

    /// <summary>Reads the block's requests (creations with the assignments that follow them, copies, lone assignments) and reports their violations.</summary>
    public void Analyze(Block block, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (block.IsEmpty)
        {
            return;
        }

        IReadOnlyList<ISimpleAssignmentOperation> blockAssignments = block.Assignments;
        Dictionary<SyntaxNode, ISimpleAssignmentOperation>? assignments = null;
        if (blockAssignments.Count > 0)
        {
            assignments = new Dictionary<SyntaxNode, ISimpleAssignmentOperation>(blockAssignments.Count);
            foreach (ISimpleAssignmentOperation assignment in blockAssignments)
            {
                assignments[assignment.Syntax] = assignment;
            }
        }

        var consumed = new HashSet<SyntaxNode>();
        var sites = new List<Site>();
        foreach (IOperation creation in block.Creations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool isWith = creation is IWithOperation;
            StatementSyntax? declaration = null;
            var request = new LooseRequest(_symbols, unknownByDefault: isWith);
            request.ReadInitializer(creation is IWithOperation with ? with.Initializer : ((IObjectCreationOperation)creation).Initializer);
            ILocalSymbol? local = assignments is null ? null : DeclaredLocal(creation, out declaration);
            if (local is not null && declaration is not null && assignments is not null)
            {
                // Fold the assignments to the local that directly follow its declaration.
                foreach (StatementSyntax next in Following(declaration))
                {
                    if (next is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax syntax }
                        && assignments.TryGetValue(syntax, out ISimpleAssignmentOperation? assignment)
                        && SymbolEqualityComparer.Default.Equals(InstanceOf(assignment), local))
                    {
                        request.Assign(((IPropertyReferenceOperation)assignment.Target).Property, assignment.Value, assignment.Syntax);
                        consumed.Add(syntax);
                    }
                    else
                    {
                        break;
                    }
                }
            }

            sites.Add(new Site(request, local, isWith ? null : Anchor(creation.Syntax)));
        }

        // A property of a site's local assigned anywhere else is known only at run time.
        foreach (ISimpleAssignmentOperation assignment in blockAssignments)
        {
            if (consumed.Contains(assignment.Syntax) || InstanceOf(assignment) is not ISymbol instance)
            {
                continue;
            }

            foreach (Site site in sites)
            {
                if (SymbolEqualityComparer.Default.Equals(site.Local, instance))
                {
                    site.Request.MarkUnknown(((IPropertyReferenceOperation)assignment.Target).Property);
                }
            }
        }

        foreach (Site site in sites)
        {
            RequestFacts facts = site.Request.Facts;
            // The creation is the request only when its model is a constant (null included); otherwise only what is written is judged.
            Location? fallback = site.Request.HasConstantModel ? site.Anchor : null;
            Report(facts, site.Request.Locations, fallback, report);
        }

        // Lone assignments, grouped by runs of statements assigning the same variable.
        LooseRequest? group = null;
        ISymbol? groupInstance = null;
        StatementSyntax? groupLast = null;
        var groupProperties = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (ISimpleAssignmentOperation assignment in blockAssignments)
        {
            if (consumed.Contains(assignment.Syntax))
            {
                continue;
            }

            ISymbol? instance = InstanceOf(assignment);
            var statement = assignment.Syntax.Parent as ExpressionStatementSyntax;
            IPropertySymbol property = ((IPropertyReferenceOperation)assignment.Target).Property;
            bool continues = group is not null && instance is not null && statement is not null && groupLast is not null
                && SymbolEqualityComparer.Default.Equals(instance, groupInstance) && Previous(statement) == groupLast
                && !groupProperties.Contains(property.Name);
            if (!continues)
            {
                if (group is not null)
                {
                    Report(group.Facts, group.Locations, null, report);
                }

                group = new LooseRequest(_symbols, unknownByDefault: true);
                groupProperties.Clear();
            }

            // A property set twice starts a new group, so each value written is judged.
            groupProperties.Add(property.Name);
            group!.Assign(property, assignment.Value, assignment.Syntax);
            groupInstance = instance;
            groupLast = statement;
        }

        if (group is not null)
        {
            Report(group.Facts, group.Locations, null, report);
        }
    }

    private void Report(in RequestFacts facts, FactLocations locations, Location? fallback, System.Action<Diagnostic> report)
    {
        IReadOnlyList<Violation> violations = _catalog.Engine.Check(facts);
        if (violations.Count > 0)
        {
            ViolationReporter.Report(violations, locations, fallback, _catalog, null, report);
        }
    }

    /// <summary>The variable whose property is assigned: a local, parameter, field or property of this.</summary>
    private static ISymbol? InstanceOf(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Instance: IOperation instance })
        {
            return null;
        }

        return OperationValues.Strip(instance) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
            _ => null,
        };
    }

    /// <summary>The local a creation initializes (<c>var r = new GenerateMediaRequest { … };</c>), read from the operations.</summary>
    private static ILocalSymbol? DeclaredLocal(IOperation creation, out StatementSyntax? declaration)
    {
        declaration = null;
        IOperation? parent = creation.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && declarator.Syntax.Parent?.Parent is LocalDeclarationStatementSyntax statement)
        {
            declaration = statement;
            return declarator.Symbol;
        }

        return null;
    }

    private static IEnumerable<StatementSyntax> Following(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                return block.Statements.Skip(block.Statements.IndexOf(statement) + 1);
            case SwitchSectionSyntax section:
                return section.Statements.Skip(section.Statements.IndexOf(statement) + 1);
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                return unit.Members.Skip(unit.Members.IndexOf(global) + 1).TakeWhile(m => m is GlobalStatementSyntax).Select(m => ((GlobalStatementSyntax)m).Statement);
            default:
                return Enumerable.Empty<StatementSyntax>();
        }
    }

    private static StatementSyntax? Previous(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                int i = block.Statements.IndexOf(statement);
                return i > 0 ? block.Statements[i - 1] : null;
            case SwitchSectionSyntax section:
                int j = section.Statements.IndexOf(statement);
                return j > 0 ? section.Statements[j - 1] : null;
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                int k = unit.Members.IndexOf(global);
                return k > 0 && unit.Members[k - 1] is GlobalStatementSyntax previous ? previous.Statement : null;
            default:
                return null;
        }
    }

    /// <summary><c>new GenerateMediaRequest</c> without its initializer: where a violation about something missing goes.</summary>
    private static Location Anchor(SyntaxNode syntax)
    {
        TextSpan span = syntax switch
        {
            ObjectCreationExpressionSyntax creation => TextSpan.FromBounds(creation.SpanStart, ((SyntaxNode?)creation.ArgumentList ?? creation.Type).Span.End),
            ImplicitObjectCreationExpressionSyntax implicitCreation => TextSpan.FromBounds(implicitCreation.SpanStart, implicitCreation.ArgumentList.Span.End),
            _ => syntax.Span,
        };
        return Location.Create(syntax.SyntaxTree, span);
    }

    private sealed class Site
    {
        public Site(LooseRequest request, ILocalSymbol? local, Location? anchor)
        {
            Request = request;
            Local = local;
            Anchor = anchor;
        }

        public LooseRequest Request { get; }

        public ILocalSymbol? Local { get; }

        public Location? Anchor { get; }
    }

    /// <summary>
    /// What one executable block holds, in source order. The driver runs the operation actions of one block one after
    /// the other and the block end action after them, so no lock is needed.
    /// </summary>
    /// <summary>What one code block holds of the loose API, in source order.</summary>
    internal sealed class Block
    {
        private static readonly IComparer<IOperation> BySource = Comparer<IOperation>.Create((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));

        private readonly List<IOperation> _creations = new();
        private readonly List<ISimpleAssignmentOperation> _assignments = new();

        public bool IsEmpty => _creations.Count == 0 && _assignments.Count == 0;

        public IReadOnlyList<IOperation> Creations
        {
            get
            {
                _creations.Sort(BySource);
                return _creations;
            }
        }

        public IReadOnlyList<ISimpleAssignmentOperation> Assignments
        {
            get
            {
                _assignments.Sort(BySource);
                return _assignments;
            }
        }

        public void Add(IOperation creation) => _creations.Add(creation);

        public void Add(ISimpleAssignmentOperation assignment) => _assignments.Add(assignment);
    }
}
