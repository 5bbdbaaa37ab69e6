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
    private CandidateNodes(SyntaxTree tree, ImmutableArray<TextSpan> spans, ulong fingerprint)
    {
        Tree = tree;
        Spans = spans;
        Fingerprint = fingerprint;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The candidates' spans, in document order.</summary>
    public ImmutableArray<TextSpan> Spans { get; }

    public int Count => Spans.Length;

    /// <summary>
    /// A hash of the tree's path and of the text each candidate's entry is read from (see <see cref="EntryText"/>), not
    /// of positions: the generator writes the trees' fingerprints into its file (<see cref="CatalogSource"/>), so an
    /// analyzer can tell whether the file still describes the code (<see cref="Mariachi.Analyzers.Core.GeneratedCatalog.IsCurrent"/>).
    /// </summary>
    public ulong Fingerprint { get; }

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
            return new CandidateNodes(tree, ImmutableArray<TextSpan>.Empty, 0);
        }

        var root = tree.GetRoot(cancellationToken);
        // Each candidate by its span, the innermost of two with one span (as NodeAt finds it again).
        var found = new Dictionary<TextSpan, SyntaxNode>();
        void Add(SyntaxNode candidate)
        {
            if (!found.ContainsKey(candidate.Span))
            {
                found[candidate.Span] = candidate;
            }
        }

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
                    Add(node);
                }
                else if (node is VariableDeclarationSyntax declaration)
                {
                    foreach (var declarator in declaration.Variables)
                    {
                        if (IsCandidate(declarator))
                        {
                            Add(declarator);
                        }
                    }
                }
            }
        }

        var spans = found.Keys.ToImmutableArray().Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var fingerprint = CatalogFingerprint.Add(CatalogFingerprint.Start, tree.FilePath);
        foreach (var span in spans)
        {
            fingerprint = CatalogFingerprint.Add(fingerprint, EntryText(found[span]));
        }

        return new CandidateNodes(tree, spans, fingerprint);
    }

    /// <summary>
    /// The text a candidate's entry depends on: a registration with explicit type arguments is read from its receiver,
    /// name and types (its handler's body does not matter, so editing it leaves the fingerprint alone); any other
    /// registration (its types may be inferred from the handler) and a handle's declaration, whole.
    /// </summary>
    private static string EntryText(SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments.Count: 2 } } access } invocation
                when invocation.ArgumentList.Arguments.Count == 2:
                return access + "(" + invocation.ArgumentList.Arguments[0] + ", ...)";
            case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } declarator:
                return field.Modifiers + " " + field.Declaration.Type + " " + declarator;
            default:
                return node.ToString();
        }
    }

    /// <summary>The candidate at <paramref name="span"/> (one of <see cref="Spans"/>) in its tree's <paramref name="root"/>.</summary>
    public static SyntaxNode NodeAt(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        while (!IsCandidate(node) && node.Parent is { } parent && parent.Span == span)
        {
            node = parent;
        }

        return node;
    }

    public bool Equals(CandidateNodes? other)
    {
        if (other is null || Tree != other.Tree || Fingerprint != other.Fingerprint || Spans.Length != other.Spans.Length)
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
