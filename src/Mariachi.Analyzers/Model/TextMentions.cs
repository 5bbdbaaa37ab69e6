using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Where the syntax trees of a compilation spell a word as part of an identifier: a gate read from the text alone,
/// before any symbol is bound. A rule whose every finding names a member whose name contains the word (MAR0002: the
/// <c>...EnvironmentVariable...</c> methods) has nothing to find where no tree spells it, nor in a method whose text
/// does not. The text is searched for the word (a vectorized search per window, see <see cref="TextWindows"/>; a hit
/// in a comment or string is a needless yes, never a wrong no); identifiers that spell a letter with a Unicode escape
/// (<c>GetEnvironment\u0056ariable</c>) count by their value (<see cref="EscapedIdentifiers"/>). The places are kept
/// per tree, so the IDE's next compilation reads only the edited trees.
/// </summary>
internal sealed class TextMentions
{
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
        List<int>? places = null;
        var word = _word;
        TextWindows.ForEach(tree.GetText(cancellationToken), word.Length, ref places, (TextWindows.Window window, ref List<int>? found) =>
        {
            for (var at = window.IndexOf(word, window.OwnedStart); at >= 0; at = window.IndexOf(word, at + word.Length))
            {
                (found ??= new List<int>()).Add(window.Offset + at);
            }

            return true;
        }, cancellationToken);

        foreach (var escaped in EscapedIdentifiers.Of(tree, cancellationToken))
        {
            if (escaped.Value.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                (places ??= new List<int>()).Add(escaped.Start);
            }
        }

        if (places is null)
        {
            return Array.Empty<int>();
        }

        places.Sort();
        return places.ToArray();
    }
}
