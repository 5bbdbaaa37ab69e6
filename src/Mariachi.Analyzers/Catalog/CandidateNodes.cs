using System;
using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Catalog;

/// <summary>
/// Where one syntax tree may register a procedure or declare a handle (syntactic tests only): kept by the generator
/// while the tree is unchanged, so an edit reads only the edited tree again.
/// </summary>
internal sealed class CandidateNodes : IEquatable<CandidateNodes>
{
    private CandidateNodes(SyntaxTree tree, ImmutableArray<TextSpan> spans)
    {
        Tree = tree;
        Spans = spans;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The candidates' spans, in document order.</summary>
    public ImmutableArray<TextSpan> Spans { get; }

    public int Count => Spans.Length;

    public static bool IsCandidate(SyntaxNode node) => ProcedureModel.IsRegisterCallSyntax(node) || HandleEntry.IsCandidate(node);

    /// <summary>A candidate spells one of these in an identifier: a tree that spells neither is not walked.</summary>
    private static readonly TextMentions RegisterMentions = new TextMentions(ProcedureModel.RegisterName);
    private static readonly TextMentions ProcedureMentions = new TextMentions("Procedure");

    public static CandidateNodes Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        if (!RegisterMentions.InTree(tree, cancellationToken) && !ProcedureMentions.InTree(tree, cancellationToken))
        {
            return new CandidateNodes(tree, spans.ToImmutable());
        }

        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodesAndSelf())
        {
            if (IsCandidate(node))
            {
                spans.Add(node.Span);
            }
        }

        return new CandidateNodes(tree, spans.ToImmutable());
    }

    public bool Equals(CandidateNodes? other)
    {
        if (other is null || Tree != other.Tree || Spans.Length != other.Spans.Length)
        {
            return false;
        }

        for (var i = 0; i < Spans.Length; i++)
        {
            if (Spans[i] != other.Spans[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as CandidateNodes);

    public override int GetHashCode() => Tree.GetHashCode() ^ Spans.Length;
}
