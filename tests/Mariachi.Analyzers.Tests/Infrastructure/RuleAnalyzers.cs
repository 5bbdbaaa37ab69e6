using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// The analyzers of one rule: the one under test plus any other Mariachi analyzer reporting the same ids (MAR0004
/// is split between a live per-member analyzer and a compilation-end one), so a test sees the rule as users do.
/// </summary>
internal static class RuleAnalyzers
{
    public static IEnumerable<DiagnosticAnalyzer> For<TAnalyzer>()
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var primary = new TAnalyzer();
        var ids = primary.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        return Shipped.Analyzers
            .Where(a => a.GetType() != typeof(TAnalyzer) && a.SupportedDiagnostics.Any(d => ids.Contains(d.Id)))
            .Prepend(primary);
    }
}
