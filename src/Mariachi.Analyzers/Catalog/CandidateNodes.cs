using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>
    /// The identifiers a candidate is written with: a registration's called name is <c>Register</c>, a handle's type
    /// <c>Procedure&lt;A, B&gt;</c> (see <see cref="ProcedureModel.IsRegisterCallSyntax"/>, <see cref="HandleEntry.IsCandidate"/>).
    /// </summary>
    private static readonly IdentifierWords Words = new IdentifierWords(new SortedSet<string>(StringComparer.Ordinal) { ProcedureModel.RegisterName, HandleEntry.TypeName });

    /// <summary>
    /// The candidates of <paramref name="tree"/>, found from its text: every candidate contains one of the
    /// <see cref="Words"/> as an identifier token (a registration in its called name, a handle's property in its type,
    /// a handle field's declarators beside theirs), so only the nodes above those tokens are tested, not the whole tree.
    /// </summary>
    public static CandidateNodes Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var hits = Words.Find(tree, cancellationToken);
        if (hits.Length == 0)
        {
            return new CandidateNodes(tree, ImmutableArray<TextSpan>.Empty);
        }

        var root = tree.GetRoot(cancellationToken);
        var found = new HashSet<TextSpan>();
        foreach (var position in hits)
        {
            var token = root.FindToken(position);
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || !Words.Words.Contains(token.ValueText))
            {
                continue;
            }

            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (IsCandidate(node))
                {
                    found.Add(node.Span);
                }
                else if (node is VariableDeclarationSyntax declaration)
                {
                    foreach (var declarator in declaration.Variables)
                    {
                        if (IsCandidate(declarator))
                        {
                            found.Add(declarator.Span);
                        }
                    }
                }
            }
        }

        var spans = found.ToImmutableArray().Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        return new CandidateNodes(tree, spans);
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
