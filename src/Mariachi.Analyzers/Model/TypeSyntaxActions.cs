using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Hands each type-bearing node (<see cref="TypeReferences.TypeBearingKinds"/>) and each member use
/// (<see cref="TypeReferences.IsMemberUseKind"/>) of the types a rule looks into to that rule once, with the semantic
/// model to bind its names. The rule decides per type, once (<see cref="TypeAnalysis"/>, null for a type it skips).
/// Nodes in signatures come from a syntax node action; nodes and member uses in executable code (bodies,
/// initializers, constructor initializers) from one operation-block action per member, which runs after the analyzer
/// driver has bound that code for the operation tree that every operation analyzer shares (CA2016 included), so
/// binding a name there is a look-up. From a syntax node action the first bind of a body is the rule's own: on
/// IdentityServer's Razor hosts, where every member is controller code, that was most of what MAR0006 and MAR0001
/// spent binding. Generated code (as the context says) is skipped, see <see cref="HandWrittenCode"/>.
/// <para>
/// The actions are registered once per compilation and look up the type's analysis, rather than registered per type
/// from a symbol-start action: for every member of a type that registered actions there, the driver builds the
/// member's own tables of actions by syntax kind, which on the generated bench code was nearly all MAR0007 allocated
/// (18 MB of 18 at N=534) and most of what MAR0001 and MAR0006 did; and member uses are read from the operation block
/// instead of one operation action per use, so the types a rule skips cost one look-up per block and per signature node.
/// </para>
/// </summary>
internal static class TypeSyntaxActions
{
    /// <summary>Analyzes one type-bearing node; <paramref name="report"/> reports a diagnostic.</summary>
    public delegate void Analyze(SyntaxNode node, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken);

    /// <summary>Analyzes one member use (an operation of a <see cref="TypeReferences.IsMemberUseKind"/> kind, not implicit); <paramref name="report"/> reports a diagnostic.</summary>
    public delegate void AnalyzeMemberUse(IOperation operation, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken);

    /// <summary>Indexed by <see cref="SyntaxKind"/>: a look-up per node of every body walked, cheaper than a set.</summary>
    private static readonly bool[] Kinds = KindTable();

    private static readonly Func<SyntaxNode, bool> IntoCode = node => node is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax;

    /// <summary>What a rule does in one type's own members (a nested type is decided on its own).</summary>
    public sealed class TypeAnalysis
    {
        public TypeAnalysis(Analyze typeSyntax, AnalyzeMemberUse memberUse)
        {
            TypeSyntax = typeSyntax;
            MemberUse = memberUse;
        }

        public Analyze TypeSyntax { get; }

        public AnalyzeMemberUse MemberUse { get; }
    }

    /// <summary>
    /// Registers the actions of a compilation: each type's analysis is asked of <paramref name="forType"/> once (in
    /// any thread; it must be thread-safe) and applied to the type-bearing nodes and member uses of its own members.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext context, Func<INamedTypeSymbol, CancellationToken, TypeAnalysis?> forType)
    {
        var byType = new ConcurrentDictionary<INamedTypeSymbol, TypeAnalysis?>(SymbolEqualityComparer.Default);
        context.RegisterSyntaxNodeAction(
            node =>
            {
                if (!node.IsGeneratedCode
                    && For(node.ContainingSymbol, node.CancellationToken) is { } analysis
                    && !IsExecutable(node.Node))
                {
                    analysis.TypeSyntax(node.Node, node.SemanticModel, node.ReportDiagnostic, node.CancellationToken);
                }
            },
            TypeReferences.TypeBearingKinds);
        context.RegisterOperationBlockAction(block =>
        {
            if (!block.IsGeneratedCode && For(block.OwningSymbol, block.CancellationToken) is { } analysis)
            {
                AnalyzeCode(block, analysis);
            }
        });

        TypeAnalysis? For(ISymbol? symbol, CancellationToken cancellationToken) =>
            (symbol as INamedTypeSymbol ?? symbol?.ContainingType) is { } type
                ? byType.GetOrAdd(type, t => forType(t, cancellationToken))
                : null;
    }

    private static void AnalyzeCode(OperationBlockAnalysisContext context, TypeAnalysis analysis)
    {
        Action<Diagnostic> report = context.ReportDiagnostic;
        var blocks = context.OperationBlocks;
        for (var i = 0; i < blocks.Length; i++)
        {
            if (blocks[i].SemanticModel is not { } model)
            {
                continue;
            }

            foreach (var operation in blocks[i].DescendantsAndSelf())
            {
                if (!operation.IsImplicit && TypeReferences.IsMemberUseKind(operation.Kind))
                {
                    analysis.MemberUse(operation, model, report, context.CancellationToken);
                }
            }

            var root = blocks[i].Syntax;
            if (IsInsideAnother(root, blocks, i))
            {
                continue;
            }

            foreach (var node in root.DescendantNodesAndSelf(IntoCode))
            {
                var kind = (int)node.Kind();
                if (kind < Kinds.Length && Kinds[kind] && IsExecutable(node))
                {
                    analysis.TypeSyntax(node, model, report, context.CancellationToken);
                }
            }
        }
    }

    private static bool[] KindTable()
    {
        var max = 0;
        foreach (var kind in TypeReferences.TypeBearingKinds)
        {
            max = Math.Max(max, (int)kind);
        }

        var table = new bool[max + 1];
        foreach (var kind in TypeReferences.TypeBearingKinds)
        {
            table[(int)kind] = true;
        }

        return table;
    }

    /// <summary>True when another block of the member covers <paramref name="root"/> (each node is looked at once).</summary>
    private static bool IsInsideAnother(SyntaxNode root, ImmutableArray<IOperation> blocks, int index)
    {
        for (var j = 0; j < blocks.Length; j++)
        {
            var other = blocks[j].Syntax;
            if (j != index
                && other.SyntaxTree == root.SyntaxTree
                && other.Span.Contains(root.Span)
                && (other.Span != root.Span || j < index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a node inside executable code: a body (block or expression), a field or property initializer, or a
    /// constructor initializer. The member's operation block covers it; everything else (signatures, attributes,
    /// base lists, parameter defaults, enum values) is left to the syntax node action.
    /// </summary>
    private static bool IsExecutable(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null and not MemberDeclarationSyntax; current = current.Parent)
        {
            switch (current)
            {
                case BlockSyntax:
                case ArrowExpressionClauseSyntax:
                case ConstructorInitializerSyntax:
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                    return true;
            }
        }

        return false;
    }
}
