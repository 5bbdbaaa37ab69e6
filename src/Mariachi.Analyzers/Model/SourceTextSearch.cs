using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Searches a <see cref="SourceText"/> for words without turning it into one string: <c>ToString()</c> of a large
/// file's text copies every chunk into a new string on the large-object heap, and on bitwarden's EF Core migrations
/// (283 files of up to 150 kB per project, none of them with a minimal-API call) that copy was most of what MAR0001
/// spent there. The text is read in small pieces into one buffer instead, and each piece searched in place.
/// </summary>
internal static class SourceTextSearch
{
    /// <summary>Characters read per piece: small enough to stay in the processor's cache, far off the large-object heap.</summary>
    private const int PieceLength = 8192;

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
            longest = Math.Max(longest, word.Length);
        }

        if (longest == 0 || text.Length == 0)
        {
            return false;
        }

        // A piece reads the longest word and one character more past its share of the text, so a hit is whole,
        // with the characters around it, in the piece where it starts (or, at a piece's first character, in the
        // piece before, which has the character in front of it).
        var buffer = new char[Math.Min(text.Length, PieceLength + longest + 1)];
        for (var start = 0; start < text.Length; start += PieceLength)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var piece = new Piece(buffer, count, start == 0, start + count == text.Length);
            foreach (var word in words)
            {
                if (piece.Contains(word, wholeWords))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>One piece of the text in the buffer, and whether it starts or ends the text.</summary>
    private readonly struct Piece
    {
        private readonly char[] _buffer;
        private readonly int _count;
        private readonly bool _textStart;
        private readonly bool _textEnd;

        public Piece(char[] buffer, int count, bool textStart, bool textEnd)
        {
            _buffer = buffer;
            _count = count;
            _textStart = textStart;
            _textEnd = textEnd;
        }

        public bool Contains(string word, bool wholeWords)
        {
            var last = _count - word.Length;
            for (var at = Array.IndexOf(_buffer, word[0], 0, _count); at >= 0 && at <= last; at = Array.IndexOf(_buffer, word[0], at + 1, _count - at - 1))
            {
                if (Matches(at, word) && (!wholeWords || !IsIdentifier(word) || IsWhole(at, at + word.Length)))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Matches(int at, string word)
        {
            for (var i = 1; i < word.Length; i++)
            {
                if (_buffer[at + i] != word[i])
                {
                    return false;
                }
            }

            return true;
        }

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

        /// <summary>A hit at either end of a piece that is not an end of the text is judged in the piece next to it.</summary>
        private bool IsWhole(int at, int end) =>
            (at == 0 ? _textStart : char.IsDigit(_buffer[at - 1]) || !SyntaxFacts.IsIdentifierPartCharacter(_buffer[at - 1]))
            && (end == _count ? _textEnd : !SyntaxFacts.IsIdentifierPartCharacter(_buffer[end]));
    }
}
