using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.CodeFixes;

/// <summary>A place in the solution's source: a tree and a span (the same across the projects' compilations).</summary>
internal readonly struct SourceSpot : System.IEquatable<SourceSpot>
{
    public SourceSpot(SyntaxTree tree, TextSpan span)
    {
        Tree = tree;
        Span = span;
    }

    public SyntaxTree Tree { get; }

    public TextSpan Span { get; }

    public bool Equals(SourceSpot other) => ReferenceEquals(Tree, other.Tree) && Span.Equals(other.Span);

    public override bool Equals(object? obj) => obj is SourceSpot other && Equals(other);

    public override int GetHashCode() => (Tree.GetHashCode() * 397) ^ Span.GetHashCode();
}

/// <summary>
/// One reported member with everything the MAR0008 fix changes: the declarations of its family (interface members,
/// implementations, overrides) and its call sites.
/// </summary>
internal sealed class ContextFirstTarget
{
    public ContextFirstTarget(bool move, int contextIndex, INamedTypeSymbol contextType)
    {
        Move = move;
        ContextIndex = contextIndex;
        ContextType = contextType;
    }

    /// <summary><c>Mariachi.Context</c>, written as the inserted parameter's type (its namespace imported where needed).</summary>
    public INamedTypeSymbol ContextType { get; }

    /// <summary>True for case (a), moving the Context parameter at <see cref="ContextIndex"/> first; false to insert one.</summary>
    public bool Move { get; }

    public int ContextIndex { get; }

    /// <summary>The parameter lists of every declaration of the family.</summary>
    public List<ParameterListSyntax> Declarations { get; } = new List<ParameterListSyntax>();

    /// <summary>The declarations' spots, to recognise a call made from inside the family.</summary>
    public HashSet<SourceSpot> DeclarationSpots { get; } = new HashSet<SourceSpot>();

    public List<ContextFirstCall> Calls { get; } = new List<ContextFirstCall>();

    /// <summary>The name of the inserted parameter (case b).</summary>
    public string ParameterName { get; set; } = "context";
}

/// <summary>A call site of a target: its argument list and what to pass or move there.</summary>
internal sealed class ContextFirstCall
{
    public ContextFirstCall(ArgumentListSyntax arguments, int contextArgument, string? contextInScope, SourceSpot? enclosingMember)
    {
        Arguments = arguments;
        ContextArgument = contextArgument;
        ContextInScope = contextInScope;
        EnclosingMember = enclosingMember;
    }

    public ArgumentListSyntax Arguments { get; }

    /// <summary>Case (a): the index in <see cref="Arguments"/> of the argument that gives the Context.</summary>
    public int ContextArgument { get; }

    /// <summary>Case (b): the local or parameter of a lambda or local function, or else the Context in scope; null when none.</summary>
    public string? ContextInScope { get; }

    /// <summary>Case (b): the method declaration the call is made from (no static function in between), if any.</summary>
    public SourceSpot? EnclosingMember { get; }

    /// <summary>True when the Context in scope is a local or a parameter of a function inside the enclosing member.</summary>
    public bool HasInnerContext { get; set; }
}
