using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Baseline;

/// <summary>Matches diagnostics against a baseline the same way in the build's suppressor and in the tool.</summary>
internal static class BaselineMatching
{
    /// <summary>
    /// The rule ids a baseline may hold: the Mariachi rules, not the configuration diagnostics (MAR09xx), which
    /// report a broken set-up rather than existing code.
    /// </summary>
    public static bool IsBaselinable(string id) =>
        id.StartsWith("MAR", StringComparison.Ordinal) && !id.StartsWith("MAR09", StringComparison.Ordinal);

    /// <summary>
    /// Each baselinable diagnostic with a source location, in source order (file, position, rule), with its key
    /// and whether the baseline accepts it; the budget is spent as it goes.
    /// </summary>
    public static IEnumerable<(Diagnostic Diagnostic, BaselineKey Key, bool Accepted)> Match(
        IEnumerable<Diagnostic> diagnostics,
        BaselineBudget budget,
        string baselineDirectory,
        CancellationToken cancellationToken)
    {
        var ordered = diagnostics
            .Where(d => IsBaselinable(d.Id) && d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal);
        foreach (var diagnostic in ordered)
        {
            var key = BaselineKeys.For(diagnostic, baselineDirectory, cancellationToken);
            if (key is not null)
            {
                yield return (diagnostic, key, budget.TryAccept(key));
            }
        }
    }
}
