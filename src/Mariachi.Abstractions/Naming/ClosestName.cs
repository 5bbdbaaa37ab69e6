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
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - name.Length) > limit)
            {
                continue;
            }

            // Past the best distance found so far a candidate can only lose: stop computing it there.
            var distance = Distance(name, candidate, Math.Min(limit, bestDistance));
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
}
