using System;
using System.Collections.Generic;

namespace Mariachi.Naming;

/// <summary>
/// The "did you mean" rule: the known name closest to a mistyped one. Compiled into the runtime
/// (<c>NameSuggestions</c>, for <c>communication/not-found</c>) and, linked, into the analyzers (MAR0012), so both
/// suggest alike; it therefore targets netstandard2.0 and uses no implicit usings.
/// </summary>
internal static class ClosestName
{
    /// <summary>The closest candidate within an edit distance of max(2, length / 3); ties go to the ordinal first.</summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, name.Length / 3);
        var pattern = name.Length > 0 && name.Length <= 64 ? new BitPattern(name) : null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            // Past the best distance found so far a candidate can only lose: the row-by-row distance stops there.
            var distance = pattern is not null ? pattern.DistanceTo(candidate) : Distance(name, candidate, Math.Min(limit, bestDistance));
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Levenshtein distance over two rows, or <paramref name="limit"/> + 1 as soon as it must exceed the limit: a row's
    /// smallest entry never decreases, so the analyzers' look-ups over a large catalog stop after a few rows.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var smallest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                smallest = Math.Min(smallest, current[j]);
            }

            if (smallest > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The exact Levenshtein distance from one name of at most 64 characters, a column per character of the other
    /// (Myers' bit-vector algorithm, in Hyyrö's form for the distance between whole strings): the analyzers compare a
    /// misspelt name with every name of a catalog, which row by row cost a table of both lengths per candidate.
    /// </summary>
    private sealed class BitPattern
    {
        private readonly string _pattern;
        private readonly ulong[] _ascii = new ulong[128];
        private readonly ulong _last;

        public BitPattern(string pattern)
        {
            _pattern = pattern;
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] < 128)
                {
                    _ascii[pattern[i]] |= 1UL << i;
                }
            }

            _last = 1UL << (pattern.Length - 1);
        }

        public int DistanceTo(string text)
        {
            // Bit i of the vertical deltas: +1 (positive) or -1 (negative) between rows i and i + 1 of the current column.
            var positive = _pattern.Length == 64 ? ulong.MaxValue : (1UL << _pattern.Length) - 1;
            var negative = 0UL;
            var score = _pattern.Length;
            foreach (var c in text)
            {
                var equal = Matches(c);
                var vertical = equal | negative;
                var horizontal = (((equal & positive) + positive) ^ positive) | equal;
                var horizontalPositive = negative | ~(horizontal | positive);
                var horizontalNegative = positive & horizontal;
                if ((horizontalPositive & _last) != 0)
                {
                    score++;
                }
                else if ((horizontalNegative & _last) != 0)
                {
                    score--;
                }

                // Row 0 grows by one per column: shift a +1 in.
                horizontalPositive = (horizontalPositive << 1) | 1;
                horizontalNegative <<= 1;
                positive = horizontalNegative | ~(vertical | horizontalPositive);
                negative = horizontalPositive & vertical;
            }

            return score;
        }

        private ulong Matches(char c)
        {
            if (c < 128)
            {
                return _ascii[c];
            }

            var bits = 0UL;
            for (var i = 0; i < _pattern.Length; i++)
            {
                if (_pattern[i] == c)
                {
                    bits |= 1UL << i;
                }
            }

            return bits;
        }
    }
}
