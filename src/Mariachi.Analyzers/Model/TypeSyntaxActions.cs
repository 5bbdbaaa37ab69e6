using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Hands each type-bearing node (<see cref="TypeReferences.TypeBearingKinds"/>) of a started type's members to a
/// rule once, with the semantic model to bind its names. Nodes in signatures come from a syntax node action; nodes in
/// executable code (bodies, initializers, constructor initializers) come from one operation-block action per member,
/// which runs after the analyzer driver has bound that code for the operation tree that every operation analyzer
/// shares (CA2016 included), so binding a name there is a look-up. From a syntax node action the first bind of a body
/// is the rule's own: on IdentityServer's Razor hosts, where every member is controller code, that was most of what
/// MAR0006 and MAR0001 spent binding. Generated code (as the context says) is skipped, see <see cref="HandWrittenCode"/>.
/// </summary>
internal static class TypeSyntaxActions
{
    /// <summary>Analyzes one type-bearing node; <paramref name="report"/> reports a diagnostic.</summary>
    public delegate void Analyze(SyntaxNode node, SemanticModel model, Action<Diagnostic> report, CancellationToken cancellationToken);

    /// <summary>Indexed by <see cref="SyntaxKind"/>: a look-up per node of every body walked, cheaper than a set.</summary>
    private static readonly bool[] Kinds = KindTable();

    private static readonly Func<SyntaxNode, bool> IntoCode = node => node is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax;

    /// <summary>Registers <paramref name="analyze"/> on the type-bearing nodes of the members of the started type.</summary>
    public static void Register(SymbolStartAnalysisContext context, Analyze analyze)
    {
        context.RegisterSyntaxNodeAction(
            node =>
            {
                if (!node.IsGeneratedCode && !IsExecutable(node.Node))
                {
                    analyze(node.Node, node.SemanticModel, node.ReportDiagnostic, node.CancellationToken);
                }
            },
            TypeReferences.TypeBearingKinds);
        context.RegisterOperationBlockAction(block =>
        {
            if (!block.IsGeneratedCode)
            {
                AnalyzeCode(block, analyze);
            }
        });
    }

    private static void AnalyzeCode(OperationBlockAnalysisContext context, Analyze analyze)
    {
        var blocks = context.OperationBlocks;
        for (var i = 0; i < blocks.Length; i++)
        {
            var root = blocks[i].Syntax;
            if (blocks[i].SemanticModel is not { } model || IsInsideAnother(root, blocks, i))
            {
                continue;
            }

            foreach (var node in root.DescendantNodesAndSelf(IntoCode))
            {
                var kind = (int)node.Kind();
                if (kind < Kinds.Length && Kinds[kind] && IsExecutable(node))
                {
                    analyze(node, model, context.ReportDiagnostic, context.CancellationToken);
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
