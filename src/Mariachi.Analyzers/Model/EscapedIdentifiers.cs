using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The identifiers of a tree that spell a letter with a Unicode escape (<c>GetEnvironment\u0056ariable</c>): the one
/// way code names something without the name's text. Every text gate (<see cref="TextMentions"/>,
/// <see cref="IdentifierWords"/>) adds these by their value; they are found once per tree for all of them, with one
/// search for the backslash, and kept with the tree. Most trees have none.
/// </summary>
internal static class EscapedIdentifiers
{
    private static readonly ConditionalWeakTable<SyntaxTree, Identifier[]> PerTree = new ConditionalWeakTable<SyntaxTree, Identifier[]>();

    public static IReadOnlyList<Identifier> Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!PerTree.TryGetValue(tree, out var found))
        {
            found = Find(tree, cancellationToken);
            found = PerTree.GetValue(tree, _ => found);
        }

        return found;
    }

    private static Identifier[] Find(SyntaxTree tree, CancellationToken cancellationToken)
    {
        List<int>? escapes = null;
        TextWindows.ForEach(tree.GetText(cancellationToken), 1, ref escapes, Collect, cancellationToken);
        if (escapes is null)
        {
            return Array.Empty<Identifier>();
        }

        // An escape is part of an identifier only where its token is one (not a string, comment or character).
        var root = tree.GetRoot(cancellationToken);
        var result = new List<Identifier>();
        foreach (var escape in escapes)
        {
            var token = root.FindToken(escape);
            if (token.IsKind(SyntaxKind.IdentifierToken)
                && token.Span.Contains(escape)
                && (result.Count == 0 || result[result.Count - 1].Start != token.SpanStart))
            {
                result.Add(new Identifier(token.SpanStart, token.ValueText));
            }
        }

        return result.ToArray();
    }

    private static readonly TextWindows.Visitor<List<int>?> Collect = (TextWindows.Window window, ref List<int>? escapes) =>
    {
        for (var at = window.IndexOf('\\', window.OwnedStart); at >= 0; at = window.IndexOf('\\', at + 1))
        {
            if (at + 1 < window.Count && window.Buffer[at + 1] is 'u' or 'U')
            {
                (escapes ??= new List<int>()).Add(window.Offset + at);
            }
        }

        return true;
    };

    /// <summary>An escaped identifier: where its token starts and the name it spells.</summary>
    public readonly struct Identifier
    {
        public Identifier(int start, string value)
        {
            Start = start;
            Value = value;
        }

        public int Start { get; }

        public string Value { get; }
    }
}
