using System.Collections.Generic;
using System.Linq;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;

namespace Mariachi.CodeFixes.Core;

/// <summary>
/// The "use the in-scope Context" options shared by the Context fixes: one per accessible candidate, innermost
/// first. The first is keyed "&lt;id&gt;:innermost" so FixAll (and dotnet format) picks the innermost Context of
/// every diagnostic; the others are keyed by name.
/// </summary>
internal static class ContextFixOptions
{
    public static IReadOnlyList<FixOption> For(string diagnosticId, IEnumerable<ContextCandidate> candidates, string titleFormat)
    {
        var accessible = candidates.Where(c => c.IsAccessible).ToList();
        return accessible
            .Select((candidate, index) => new FixOption(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, titleFormat, candidate.Name),
                index == 0 ? InnermostKey(diagnosticId) : diagnosticId + ":" + candidate.Name))
            .ToList();
    }

    /// <summary>The candidate the equivalence key names, or null when it does not apply here.</summary>
    public static ContextCandidate? Choose(string diagnosticId, IEnumerable<ContextCandidate> candidates, string equivalenceKey)
    {
        var accessible = candidates.Where(c => c.IsAccessible).ToList();
        if (equivalenceKey == InnermostKey(diagnosticId))
        {
            return accessible.Count > 0 ? accessible[0] : null;
        }

        var name = equivalenceKey.Substring(diagnosticId.Length + 1);
        var match = accessible.FirstOrDefault(c => c.Name == name);
        return match.Symbol is null ? null : match;
    }

    private static string InnermostKey(string diagnosticId) => diagnosticId + ":innermost";
}
