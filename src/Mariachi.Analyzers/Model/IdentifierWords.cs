using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>Words to find in source text as whole identifiers (see <see cref="ContextReach"/>).</summary>
internal sealed class IdentifierWords
{
    /// <summary>Up to this many words, one ordinal search each beats reading every identifier of the text.</summary>
    private const int SearchedOneByOne = 8;

    private readonly Dictionary<int, List<string>>? _byLengthAndFirst;

    private readonly int _longest;

    /// <summary>A part of some words: those are searched only in windows that spell it (null: none).</summary>
    private readonly string? _anchor;

    public IdentifierWords(SortedSet<string> words, string? anchor = null)
    {
        Words = words;
        Key = string.Join(",", words);
        _anchor = anchor;
        foreach (var word in words)
        {
            _longest = Math.Max(_longest, word.Length);
        }

        if (words.Count > SearchedOneByOne)
        {
            _byLengthAndFirst = new Dictionary<int, List<string>>();
            foreach (var word in words)
            {
                var key = BucketKey(word.Length, word[0]);
                if (!_byLengthAndFirst.TryGetValue(key, out var bucket))
                {
                    _byLengthAndFirst[key] = bucket = new List<string>();
                }

                bucket.Add(word);
            }
        }
    }

    public string Key { get; }

    public SortedSet<string> Words { get; }

    /// <summary>
    /// True when one of <paramref name="hits"/> (from <see cref="Find"/> on <paramref name="tree"/>) is an identifier
    /// token that is one of the words: not a comment, string or disabled text; an escaped one by its value.
    /// </summary>
    public bool AnyIsIdentifier(SyntaxTree tree, int[] hits, CancellationToken cancellationToken)
    {
        if (hits.Length == 0)
        {
            return false;
        }

        var root = tree.GetRoot(cancellationToken);
        foreach (var position in hits)
        {
            var token = root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && Words.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The start of every whole-identifier occurrence of a word in <paramref name="tree"/>'s text, and of every
    /// identifier that spells one with Unicode escapes (Mari\u0061chi, see <see cref="EscapedIdentifiers"/>); in text order.
    /// </summary>
    public int[] Find(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var search = new Search(this);
        TextWindows.ForEach(tree.GetText(cancellationToken), _longest + 1, ref search, Search.Visit, cancellationToken);
        foreach (var escaped in EscapedIdentifiers.Of(tree, cancellationToken))
        {
            if (Words.Contains(escaped.Value))
            {
                (search.Found ??= new List<int>()).Add(escaped.Start);
            }
        }

        if (search.Found is null)
        {
            return Array.Empty<int>();
        }

        search.Found.Sort();
        return search.Found.ToArray();
    }

    private struct Search
    {
        public static readonly TextWindows.Visitor<Search> Visit = (TextWindows.Window window, ref Search search) =>
        {
            var words = search._words;
            if (words._byLengthAndFirst is null)
            {
                // A word that holds the anchor and starts in the owned part lies in the buffer, and so does its anchor.
                var anchored = words._anchor is null || window.IndexOf(words._anchor, window.OwnedStart, window.Count) >= 0;
                foreach (var word in words.Words)
                {
                    if (!anchored && word.IndexOf(words._anchor!, StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }

                    for (var at = window.IndexOf(word, window.OwnedStart); at >= 0; at = window.IndexOf(word, at + word.Length))
                    {
                        var end = at + word.Length;
                        if ((window.Offset + at == 0 || !IsIdentifierPart(window.Buffer[at - 1]))
                            && ((end == window.Count && window.IsLast) || !IsIdentifierPart(window.Buffer[end])))
                        {
                            (search.Found ??= new List<int>()).Add(window.Offset + at);
                        }
                    }
                }
            }
            else
            {
                FindByReading(window, words._byLengthAndFirst, ref search.Found);
            }

            return true;
        };

        private readonly IdentifierWords _words;

        public Search(IdentifierWords words)
        {
            _words = words;
            Found = null;
        }

        public List<int>? Found;
    }

    /// <summary>
    /// One pass over the identifier-like runs that start in the window's owned part, each looked up by length and
    /// first letter. A run that reaches the end of a window that is not the text's last is longer than any word.
    /// </summary>
    private static void FindByReading(TextWindows.Window window, Dictionary<int, List<string>> byLengthAndFirst, ref List<int>? found)
    {
        var text = window.Buffer;
        var at = window.OwnedStart;

        // A run that began before the window is the previous window's.
        while (at > 0 && at < window.OwnedEnd && IsIdentifierPart(text[at - 1]) && IsIdentifierPart(text[at]))
        {
            at++;
        }

        while (at < window.OwnedEnd)
        {
            if (!IsIdentifierPart(text[at]))
            {
                at++;
                continue;
            }

            var end = at + 1;
            while (end < window.Count && IsIdentifierPart(text[end]))
            {
                end++;
            }

            if ((end < window.Count || window.IsLast)
                && byLengthAndFirst.TryGetValue(BucketKey(end - at, text[at]), out var bucket))
            {
                foreach (var word in bucket)
                {
                    if (new ReadOnlySpan<char>(text, at, word.Length).SequenceEqual(word.AsSpan()))
                    {
                        (found ??= new List<int>()).Add(window.Offset + at);
                        break;
                    }
                }
            }

            at = end;
        }
    }

    private static int BucketKey(int length, char first) => (length << 16) | first;

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
