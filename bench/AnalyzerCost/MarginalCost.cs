using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>
/// What the Mariachi rules add to the analysis pass, <see cref="MarginalCost"/> measured: by wall clock and by the
/// process's processor time (which leaves out the time the machine gave other work), and the median of what the
/// rules added to the pass's allocations.
/// </summary>
internal sealed record MarginalResult(int Rounds, PairedMedians Wall, PairedMedians Cpu, double AllocatedMb)
{
    public override string ToString() => $"wall {Wall}; processor time {Cpu}; +{AllocatedMb:0} MB allocated ({Rounds} rounds)";
}

/// <summary>The medians of the passes with every analyzer and without Mariachi's, the median of the paired differences and their range.</summary>
internal sealed record PairedMedians(double WithMs, double WithoutMs, double DifferenceMs, double DifferenceMinMs, double DifferenceMaxMs)
{
    public static PairedMedians Of(IReadOnlyList<(double With, double Without)> rounds) => new(
        Median(rounds.Select(r => r.With)),
        Median(rounds.Select(r => r.Without)),
        Median(rounds.Select(r => r.With - r.Without)),
        rounds.Min(r => r.With - r.Without),
        rounds.Max(r => r.With - r.Without));

    public override string ToString() => $"{DifferenceMs:0} ms (range {DifferenceMinMs:0} to {DifferenceMaxMs:0}; {WithMs:0} with, {WithoutMs:0} without)";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>
/// The second way to cost the rules, by difference: the same analysis pass over fresh compilations of the same code,
/// with every measured analyzer and with all but Mariachi's, in rounds that alternate which goes first (tiered JIT
/// and machine drift favour neither), no per-analyzer clock in either. The execution times of
/// <see cref="AnalyzerPass"/> charge an analyzer with whatever its callbacks do first, binding the driver would do
/// anyway for the other operation analyzers included, and with a clock read around every callback; they leave out the
/// driver's own dispatch of the analyzer's actions. The difference has neither bias, but the noise of two whole passes.
/// </summary>
internal static class MarginalCost
{
    /// <summary>Null when there are no rounds to run, or no Mariachi analyzer (or nothing but Mariachi's) to compare.</summary>
    public static async Task<MarginalResult?> MeasureAsync(
        Func<Compilation> fresh,
        IReadOnlyList<MeasuredAnalyzer> analyzers,
        AnalyzerOptions options,
        int rounds,
        TextWriter log,
        string label,
        CancellationToken cancellationToken)
    {
        var others = analyzers.Where(a => !a.IsMariachi).ToList();
        if (rounds <= 0 || others.Count == analyzers.Count)
        {
            return null;
        }

        var wall = new List<(double, double)>();
        var cpu = new List<(double, double)>();
        var allocated = new List<(double, double)>();
        for (var round = 1; round <= rounds; round++)
        {
            AnalyzerPassResult all, rest;
            if (round % 2 == 1)
            {
                all = await PassAsync(analyzers);
                rest = await PassAsync(others);
            }
            else
            {
                rest = await PassAsync(others);
                all = await PassAsync(analyzers);
            }

            wall.Add((all.WallMs, rest.WallMs));
            cpu.Add((all.CpuMs, rest.CpuMs));
            allocated.Add((all.Gc.AllocatedMb, rest.Gc.AllocatedMb));
            log.WriteLine(
                $"  {label} round {round}/{rounds}: pass with Mariachi {all.WallMs:0} ms ({all.CpuMs:0} ms processor), without {rest.WallMs:0} ms ({rest.CpuMs:0} ms): " +
                $"{all.WallMs - rest.WallMs:0} ms ({all.CpuMs - rest.CpuMs:0} ms), +{all.Gc.AllocatedMb - rest.Gc.AllocatedMb:0} MB");
        }

        return new MarginalResult(rounds, PairedMedians.Of(wall), PairedMedians.Of(cpu), PairedMedians.Of(allocated).DifferenceMs);

        async Task<AnalyzerPassResult> PassAsync(IReadOnlyList<MeasuredAnalyzer> set)
        {
            var pass = await AnalyzerPass.RunAsync(fresh(), set, options, cancellationToken, timeEachAnalyzer: false).ConfigureAwait(false);
            if (pass.Failures.Count > 0)
            {
                throw new InvalidOperationException("An analyzer threw: " + pass.Failures[0]);
            }

            return pass;
        }
    }
}
