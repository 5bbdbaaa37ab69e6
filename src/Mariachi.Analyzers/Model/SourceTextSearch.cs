using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Searches a <see cref="SourceText"/> for words without turning it into one string: <c>ToString()</c> of a large
/// file's text copies every chunk into a new string on the large-object heap, and on bitwarden's EF Core migrations
/// (283 files of up to 150 kB per project) that copy was most of what MAR0001 spent there. The text is read in
/// small pieces into one reused buffer instead, and each piece searched in place.
/// </summary>
internal static class SourceTextSearch
{
    /// <summary>Characters read per piece: small enough to stay in the processor's cache, far off the large-object heap.</summary>
    private const int PieceLength = 8192;

    /// <summary>True when <paramref name="text"/> contains one of <paramref name="words"/> (ordinal, anywhere).</summary>
    public static bool ContainsAny(SourceText text, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        var longest = 0;
        foreach (var word in words)
        {
            longest = Math.Max(longest, word.Length);
        }

        if (longest == 0 || text.Length == 0)
        {
            return false;
        }

        // Each piece overlaps the next by one character less than the longest word, so a word that straddles two
        // pieces is whole in the first.
        var overlap = longest - 1;
        var buffer = new char[Math.Min(text.Length, PieceLength + overlap)];
        for (var start = 0; start < text.Length; start += PieceLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            foreach (var word in words)
            {
                if (IndexOf(buffer, count, word) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The first index of <paramref name="word"/> in the first <paramref name="count"/> characters, or -1.</summary>
    private static int IndexOf(char[] buffer, int count, string word)
    {
        var first = word[0];
        var last = count - word.Length;
        for (var at = Array.IndexOf(buffer, first, 0, count); at >= 0 && at <= last; at = Array.IndexOf(buffer, first, at + 1, count - at - 1))
        {
            var i = 1;
            while (i < word.Length && buffer[at + i] == word[i])
            {
                i++;
            }

            if (i == word.Length)
            {
                return at;
            }
        }

        return -1;
    }
}
