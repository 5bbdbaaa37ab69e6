using System;
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
/// A rule registers per type, from a symbol-start action, so the types it skips cost nothing. The syntax node action
/// asks for a type's declaration, not for each type-bearing kind: for each member of such a type the analyzer driver
/// builds the member's own table of actions by syntax kind, and with the 26 type-bearing kinds those tables were
/// nearly all MAR0007 allocated on the generated bench code (18 MB of 18 at N=534). Member uses are read from the
/// operation block for the same reason, instead of one operation action per kind of use. (Registering once per
/// compilation with a per-type look-up instead cost bitwarden's Core, where few types are a layer's, a callback per
/// member of every type: MAR0007 181 -> 365 ms.)
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

    /// <summary>
    /// The declarations whose signatures <see cref="AnalyzeSignatures"/> reads: the kinds of type declarations, and
    /// top-level statements. Few kinds on purpose: for each member of a type whose symbol-start
    /// action registers syntax node actions, the analyzer driver builds the member's own table of actions by kind, and
    /// with one entry per type-bearing kind (26) those tables were nearly all MAR0007 allocated on the generated code
    /// (18 MB of 18 at N=534).
    /// </summary>
    private static readonly SyntaxKind[] DeclarationKinds =
    {
        SyntaxKind.ClassDeclaration,
        SyntaxKind.StructDeclaration,
        SyntaxKind.InterfaceDeclaration,
        SyntaxKind.RecordDeclaration,
        SyntaxKind.RecordStructDeclaration,
        SyntaxKind.EnumDeclaration,
        SyntaxKind.DelegateDeclaration,
        SyntaxKind.GlobalStatement,
    };

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

    /// <summary>Registers <paramref name="analysis"/> on the type <paramref name="context"/> started on (its own members; nested types start on their own).</summary>
    public static void Register(SymbolStartAnalysisContext context, TypeAnalysis analysis)
    {
        context.RegisterSyntaxNodeAction(
            declaration =>
            {
                if (!declaration.IsGeneratedCode)
                {
                    AnalyzeSignatures(declaration, analysis);
                }
            },
            DeclarationKinds);
        context.RegisterOperationBlockAction(block =>
        {
            if (!block.IsGeneratedCode)
            {
                AnalyzeCode(block, analysis);
            }
        });
    }

    /// <summary>
    /// The type-bearing nodes of one type declaration outside executable code (which the operation blocks cover): its
    /// header (attributes, base list, primary constructor parameters, constraints) and its members' signatures,
    /// attributes and parameter defaults, not its nested types (they start on their own). For a top-level statement, its
    /// code outside blocks, which no operation block's walk reaches.
    /// </summary>
    private static void AnalyzeSignatures(SyntaxNodeAnalysisContext context, TypeAnalysis analysis)
    {
        var declaration = context.Node;
        Action<Diagnostic>? report = null;
        foreach (var node in declaration.DescendantNodesAndSelf(child => child == declaration || IsSignatureOf(child)))
        {
            if (IsTypeBearing(node) && (node == declaration || IsSignatureOf(node)))
            {
                analysis.TypeSyntax(node, context.SemanticModel, report ??= context.ReportDiagnostic, context.CancellationToken);
            }
        }
    }

    /// <summary>True for a node below a declaration that is neither executable code nor another type's declaration.</summary>
    private static bool IsSignatureOf(SyntaxNode node) =>
        !IsExecutableRoot(node) && node is not (BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax);

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
                if (IsTypeBearing(node) && IsExecutable(node))
                {
                    analysis.TypeSyntax(node, model, report, context.CancellationToken);
                }
            }
        }
    }

    private static bool IsTypeBearing(SyntaxNode node)
    {
        var kind = (int)node.Kind();
        return kind < Kinds.Length && Kinds[kind];
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

    /// <summary>The root of executable code below a declaration (see <see cref="IsExecutable"/>).</summary>
    private static bool IsExecutableRoot(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax or ConstructorInitializerSyntax => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } } => true,
        _ => false,
    };

    /// <summary>
    /// True for a node inside executable code: a body (block or expression), a field or property initializer, or a
    /// constructor initializer. The member's operation block covers it; everything else (signatures, attributes,
    /// base lists, parameter defaults, enum values) is left to <see cref="AnalyzeSignatures"/>.
    /// </summary>
    private static bool IsExecutable(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null and not MemberDeclarationSyntax; current = current.Parent)
        {
            if (IsExecutableRoot(current))
            {
                return true;
            }
        }

        return false;
    }
}
