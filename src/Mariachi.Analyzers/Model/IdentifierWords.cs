using System;
using System.Collections.Generic;

namespace Mariachi.Analyzers.Core;

/// <summary>Words to find in source text as whole identifiers (see <see cref="ContextReach"/>).</summary>
internal sealed class IdentifierWords
{
    /// <summary>Up to this many words, one ordinal search each beats reading every identifier of the text.</summary>
    private const int SearchedOneByOne = 8;

    private static readonly string[] Escapes = { "\\u", "\\U" };

    private readonly Dictionary<int, List<string>>? _byLengthAndFirst;

    public IdentifierWords(SortedSet<string> words)
    {
        Words = words;
        Key = string.Join(",", words);
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
    /// The start of every whole-identifier occurrence of a word in <paramref name="text"/>, and of every Unicode
    /// escape (an identifier may spell a letter so: Mari\u0061chi), whose token is then looked at.
    /// </summary>
    public int[] Find(string text)
    {
        List<int>? found = null;
        if (_byLengthAndFirst is null)
        {
            foreach (var word in Words)
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                {
                    var end = at + word.Length;
                    if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
                    {
                        (found ??= new List<int>()).Add(at);
                    }
                }
            }
        }
        else
        {
            FindByReading(text, _byLengthAndFirst, ref found);
        }

        foreach (var escape in Escapes)
        {
            for (var at = text.IndexOf(escape, StringComparison.Ordinal); at >= 0; at = text.IndexOf(escape, at + escape.Length, StringComparison.Ordinal))
            {
                (found ??= new List<int>()).Add(at);
            }
        }

        return found is null ? Array.Empty<int>() : found.ToArray();
    }

    /// <summary>One pass over the text's identifier-like runs, each looked up by length and first letter.</summary>
    private static void FindByReading(string text, Dictionary<int, List<string>> byLengthAndFirst, ref List<int>? found)
    {
        var at = 0;
        while (at < text.Length)
        {
            if (!IsIdentifierPart(text[at]))
            {
                at++;
                continue;
            }

            var end = at + 1;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            if (byLengthAndFirst.TryGetValue(BucketKey(end - at, text[at]), out var bucket))
            {
                foreach (var word in bucket)
                {
                    if (string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
                    {
                        (found ??= new List<int>()).Add(at);
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
