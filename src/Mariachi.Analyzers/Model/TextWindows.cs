using System;
using System.Buffers;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Reads a <see cref="SourceText"/> window by window into one pooled buffer, for the text gates (<see cref="TextMentions"/>,
/// <see cref="IdentifierWords"/>). <c>SourceText.ToString()</c> copies a large file (the compiler keeps any text over
/// 40k characters in chunks) into a new string: on an EF Core migrations project (16 MB of source) each gate allocated
/// twice that on the large-object heap before searching it. A window stays in the processor's cache while every word
/// is searched in it.
/// </summary>
internal static class TextWindows
{
    /// <summary>Characters each window owns: searches start in it; the buffer also holds one before and some after.</summary>
    private const int OwnedLength = 16 * 1024;

    /// <summary>
    /// Calls <paramref name="visit"/> for each window of <paramref name="text"/>, in order, until it returns false.
    /// A window holds the character before its owned part (for boundary checks) and <paramref name="lookAhead"/>
    /// after it (at least the longest word searched, plus one for the boundary after it), so a word that starts in
    /// the owned part is whole in the buffer.
    /// </summary>
    public static void ForEach<TState>(SourceText text, int lookAhead, ref TState state, Visitor<TState> visit, CancellationToken cancellationToken)
    {
        var length = text.Length;
        var buffer = ArrayPool<char>.Shared.Rent(OwnedLength + lookAhead + 1);
        try
        {
            for (var owned = 0; owned < length; owned += OwnedLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = owned == 0 ? 0 : owned - 1;
                var end = Math.Min(length, owned + OwnedLength + lookAhead);
                text.CopyTo(start, buffer, 0, end - start);
                var window = new Window(buffer, start, end - start, owned - start, Math.Min(length, owned + OwnedLength) - start, length);
                if (!visit(window, ref state))
                {
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public delegate bool Visitor<TState>(Window window, ref TState state);

    /// <summary>
    /// <see cref="Buffer"/>[0..<see cref="Count"/>) is the text from <see cref="Offset"/>; matches are taken where they
    /// start in [<see cref="OwnedStart"/>, <see cref="OwnedEnd"/>) (buffer indices), so each is seen once.
    /// </summary>
    public readonly struct Window
    {
        public Window(char[] buffer, int offset, int count, int ownedStart, int ownedEnd, int textLength)
        {
            Buffer = buffer;
            Offset = offset;
            Count = count;
            OwnedStart = ownedStart;
            OwnedEnd = ownedEnd;
            IsLast = offset + count == textLength;
        }

        public char[] Buffer { get; }

        public int Offset { get; }

        public int Count { get; }

        public int OwnedStart { get; }

        public int OwnedEnd { get; }

        /// <summary>True when the buffer reaches the end of the text (nothing follows its last character).</summary>
        public bool IsLast { get; }

        /// <summary>
        /// The buffer index of the next occurrence of <paramref name="word"/> starting at or after <paramref name="from"/>
        /// and inside the owned part; -1 when there is none. One vectorized search.
        /// </summary>
        public int IndexOf(string word, int from)
        {
            if (from >= OwnedEnd)
            {
                return -1;
            }

            var searched = Math.Min(Count, OwnedEnd - 1 + word.Length) - from;
            if (searched < word.Length)
            {
                return -1;
            }

            var at = new ReadOnlySpan<char>(Buffer, from, searched).IndexOf(word.AsSpan());
            return at < 0 ? -1 : from + at;
        }

        /// <summary>The buffer index of the first <paramref name="word"/> in the buffer between <paramref name="from"/> and <paramref name="to"/> (buffer indices), or -1.</summary>
        public int IndexOf(string word, int from, int to)
        {
            var at = to - from < word.Length ? -1 : new ReadOnlySpan<char>(Buffer, from, to - from).IndexOf(word.AsSpan());
            return at < 0 ? -1 : from + at;
        }

        /// <summary>The buffer index of the next <paramref name="character"/> at or after <paramref name="from"/> in the owned part; -1 when there is none.</summary>
        public int IndexOf(char character, int from)
        {
            if (from >= OwnedEnd)
            {
                return -1;
            }

            var at = new ReadOnlySpan<char>(Buffer, from, OwnedEnd - from).IndexOf(character);
            return at < 0 ? -1 : from + at;
        }
    }
}
