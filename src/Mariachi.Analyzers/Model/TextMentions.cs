using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Where the syntax trees of a compilation spell a word as part of an identifier: a gate read from the text alone,
/// before any symbol is bound. A rule whose every finding names a member whose name contains the word (MAR0002: the
/// <c>...EnvironmentVariable...</c> methods) has nothing to find where no tree spells it, nor in a method whose text
/// does not. The text is searched for the word (a vectorized search per window, see <see cref="TextWindows"/>; a hit
/// in a comment or string is a needless yes, never a wrong no) and for Unicode escapes, which may spell a letter of
/// an identifier (<c>GetEnvironment\u0056ariable</c>) and are then checked by their token's value. The places are
/// kept per tree, so the IDE's next compilation reads only the edited trees.
/// </summary>
internal sealed class TextMentions
{
    private static readonly string[] Escapes = { "\\u", "\\U" };

    private readonly string _word;
    private readonly ConditionalWeakTable<SyntaxTree, int[]> _perTree = new ConditionalWeakTable<SyntaxTree, int[]>();

    public TextMentions(string word) => _word = word;

    /// <summary>True when some tree of <paramref name="compilation"/> may spell the word in an identifier.</summary>
    public bool InAnyTree(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (InTree(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public bool InTree(SyntaxTree tree, CancellationToken cancellationToken) => Places(tree, cancellationToken).Length > 0;

    /// <summary>True when <paramref name="tree"/> may spell the word in an identifier that starts inside <paramref name="span"/>.</summary>
    public bool InSpan(SyntaxTree tree, TextSpan span, CancellationToken cancellationToken)
    {
        var places = Places(tree, cancellationToken);
        var at = Array.BinarySearch(places, span.Start);
        if (at < 0)
        {
            at = ~at;
        }

        return at < places.Length && places[at] < span.End;
    }

    /// <summary>The sorted starts of the word's occurrences and of the escaped identifiers that spell it.</summary>
    private int[] Places(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_perTree.TryGetValue(tree, out var places))
        {
            places = Read(tree, cancellationToken);
            places = _perTree.GetValue(tree, _ => places);
        }

        return places;
    }

    private int[] Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var search = new Search(_word);
        TextWindows.ForEach(tree.GetText(cancellationToken), _word.Length, ref search, Search.Visit, cancellationToken);
        if (search.Escapes is null)
        {
            return search.Places?.ToArray() ?? Array.Empty<int>();
        }

        // An escape spells part of an identifier only where its token is one; the token's value is then the name.
        var places = search.Places ?? new List<int>();
        var root = tree.GetRoot(cancellationToken);
        var lastToken = -1;
        search.Escapes.Sort();
        foreach (var escape in search.Escapes)
        {
            var token = root.FindToken(escape);
            if (token.SpanStart != lastToken
                && token.IsKind(SyntaxKind.IdentifierToken)
                && token.Span.Contains(escape)
                && token.ValueText.IndexOf(_word, StringComparison.Ordinal) >= 0)
            {
                places.Add(token.SpanStart);
                lastToken = token.SpanStart;
            }
        }

        places.Sort();
        return places.ToArray();
    }

    private struct Search
    {
        public static readonly TextWindows.Visitor<Search> Visit = (TextWindows.Window window, ref Search search) =>
        {
            for (var at = window.IndexOf(search._word, window.OwnedStart); at >= 0; at = window.IndexOf(search._word, at + search._word.Length))
            {
                (search.Places ??= new List<int>()).Add(window.Offset + at);
            }

            foreach (var escape in TextMentions.Escapes)
            {
                for (var at = window.IndexOf(escape, window.OwnedStart); at >= 0; at = window.IndexOf(escape, at + escape.Length))
                {
                    (search.Escapes ??= new List<int>()).Add(window.Offset + at);
                }
            }

            return true;
        };

        private readonly string _word;

        public Search(string word)
        {
            _word = word;
            Places = null;
            Escapes = null;
        }

        public List<int>? Places;

        public List<int>? Escapes;
    }
}
