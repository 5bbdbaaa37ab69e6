using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// What each Mariachi rule allocates in an analysis pass (<c>--allocations</c>): a pass with the rule's analyzers and
/// the other (non-Mariachi) analyzers, less a pass with the others alone, over fresh compilations of the same code.
/// Allocated bytes do not vary from run to run as times do, so one pass each answers; the per-compilation caches the
/// rules share (options, the source-type index, the per-tree layer scan) are counted in every rule that uses them.
/// In a build these bytes cost garbage collections, which the timed passes keep out (<see cref="AnalyzerPass.NoGcRegion"/>).
/// </summary>
internal static class RuleAllocations
{
    public static async Task<IReadOnlyDictionary<string, double>> MeasureAsync(
        Func<Compilation> fresh, IReadOnlyList<MeasuredAnalyzer> analyzers, AnalyzerOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var others = analyzers.Where(a => !a.IsMariachi).ToList();
        var baseline = await AllocatedMbAsync(others);
        var byRule = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var rule in analyzers.Where(a => a.IsMariachi).GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byRule[rule.Key] = await AllocatedMbAsync([.. others, .. rule]) - baseline;
            log.WriteLine($"  allocated by {rule.Key}: {byRule[rule.Key]:0.0} MB (pass without Mariachi: {baseline:0} MB)");
        }

        byRule[Report.MariachiTotal] = await AllocatedMbAsync(analyzers) - baseline;
        return byRule;

        async Task<double> AllocatedMbAsync(IReadOnlyList<MeasuredAnalyzer> set)
        {
            var pass = await AnalyzerPass.RunAsync(fresh(), set, options, cancellationToken, timeEachAnalyzer: false).ConfigureAwait(false);
            return pass.Gc.AllocatedMb;
        }
    }
}
