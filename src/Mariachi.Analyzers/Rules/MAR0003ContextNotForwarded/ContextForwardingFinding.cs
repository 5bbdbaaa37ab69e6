using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>A call that does not forward the Context in scope: what happened, how to repair it and the Contexts that could be passed.</summary>
internal sealed class ContextForwardingFinding
{
    public ContextForwardingFinding(
        ContextForwardingKind kind,
        string description,
        SyntaxNode node,
        ImmutableArray<ContextForwardingEdit> edits,
        ImmutableArray<ContextCandidate> candidates)
    {
        Kind = kind;
        Description = description;
        Node = node;
        Edits = edits;
        Candidates = candidates;
    }

    public ContextForwardingKind Kind { get; }

    /// <summary>The first argument of the message: what happened.</summary>
    public string Description { get; }

    /// <summary>The invocation, object creation or constructor initializer.</summary>
    public SyntaxNode Node { get; }

    public ImmutableArray<ContextForwardingEdit> Edits { get; }

    /// <summary>The Contexts in scope, innermost first.</summary>
    public ImmutableArray<ContextCandidate> Candidates { get; }

    /// <summary>The Context the message names: the innermost usable one, else the innermost.</summary>
    public string PreferredName
    {
        get
        {
            var preferred = Candidates.FirstOrDefault(c => c.IsAccessible);
            return preferred.Symbol?.Name ?? Candidates[0].Name;
        }
    }
}
