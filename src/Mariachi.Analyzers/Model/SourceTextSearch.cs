using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Whether a <see cref="SourceText"/> spells any of a few words, read window by window (<see cref="TextWindows"/>)
/// rather than copied into one string: on bitwarden's EF Core migrations (283 files of up to 150 kB per project, none
/// with a minimal-API call) that copy was most of what MAR0001's Map-call gate and the layer scan spent there.
/// </summary>
internal static class SourceTextSearch
{
    /// <summary>
    /// True when <paramref name="text"/> contains one of <paramref name="words"/> (ordinal). With
    /// <paramref name="wholeWords"/>, a word that is an identifier counts only where it can be a whole one: not
    /// preceded or followed by a letter or underscore (a digit before is let through, as a number's suffix letters
    /// can end a token), as <see cref="LayerSyntax"/> reads its calls; any other word (an escape, <c>\u</c>) counts
    /// anywhere. A hit in a comment or string is a needless yes, never a wrong no.
    /// </summary>
    public static bool ContainsAny(SourceText text, IReadOnlyList<string> words, bool wholeWords, CancellationToken cancellationToken)
    {
        var longest = 0;
        foreach (var word in words)
        {
            longest = word.Length > longest ? word.Length : longest;
        }

        if (longest == 0 || text.Length == 0)
        {
            return false;
        }

        // One character past the longest word, so the character after a hit is in the window where it starts.
        var search = new Search(words, wholeWords);
        TextWindows.ForEach(text, longest + 1, ref search, Visit, cancellationToken);
        return search.Found;
    }

    private static readonly TextWindows.Visitor<Search> Visit = (TextWindows.Window window, ref Search search) =>
    {
        foreach (var word in search.Words)
        {
            var judged = search.WholeWords && IsIdentifier(word);
            for (var at = window.IndexOf(word, window.OwnedStart); at >= 0; at = window.IndexOf(word, at + 1))
            {
                if (!judged || IsWhole(window, at, at + word.Length))
                {
                    search.Found = true;
                    return false;
                }
            }
        }

        return true;
    };

    /// <summary>Buffer index 0 is the text's start only in the first window (later ones hold the character before).</summary>
    private static bool IsWhole(TextWindows.Window window, int at, int end) =>
        (at == 0 || char.IsDigit(window.Buffer[at - 1]) || !SyntaxFacts.IsIdentifierPartCharacter(window.Buffer[at - 1]))
        && (end >= window.Count ? window.IsLast : !SyntaxFacts.IsIdentifierPartCharacter(window.Buffer[end]));

    private static bool IsIdentifier(string word)
    {
        foreach (var c in word)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                return false;
            }
        }

        return true;
    }

    private struct Search
    {
        public Search(IReadOnlyList<string> words, bool wholeWords)
        {
            Words = words;
            WholeWords = wholeWords;
            Found = false;
        }

        public IReadOnlyList<string> Words { get; }

        public bool WholeWords { get; }

        public bool Found { get; set; }
    }
}
