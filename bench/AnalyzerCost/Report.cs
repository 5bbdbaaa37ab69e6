using System.Globalization;
using System.Text;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>One line of the report: a rule (its analyzers summed) or a group of rules, with its time at each size.</summary>
internal sealed record Series(string Name, bool IsMariachi, IReadOnlyList<double> Ms);

/// <summary>Turns the measurements into the markdown tables of docs/benchmarks.md, the target checks and the chart's series.</summary>
internal sealed class Report(IReadOnlyList<MeasuredAnalyzer> analyzers, IReadOnlyList<SizeResult> results, int runs, string machine)
{
    public const string MariachiTotal = "Mariachi, all rules";
    public const string CatalogGenerator = "Catalog generator";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Per rule id (MAR0004's two analyzers summed), then all Mariachi rules, then CA2016 and RS0030.</summary>
    public IReadOnlyList<Series> Series()
    {
        var series = new List<Series>();
        foreach (var group in analyzers.Where(a => a.IsMariachi).GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            series.Add(new Series(group.Key, true, [.. results.Select(r => group.Sum(a => r.AnalyzerMs[a.Label]))]));
        }

        if (results.Any(r => r.GeneratorMs > 0))
        {
            series.Add(new Series(CatalogGenerator, true, [.. results.Select(r => r.GeneratorMs)]));
        }

        // The best run's total, not the sum of each rule's best: the rules' best runs need not be the same run.
        series.Add(new Series(MariachiTotal, true, [.. results.Select(r => r.MariachiTotalMs)]));
        series.Add(new Series(AnalyzerSet.Ca2016, false, [.. results.Select(r => GroupMs(r, AnalyzerSet.Ca2016))]));
        series.Add(new Series(AnalyzerSet.Rs0030, false, [.. results.Select(r => GroupMs(r, AnalyzerSet.Rs0030))]));
        return series;
    }

    public IReadOnlyList<SizeResult> Results => results;

    public string Markdown()
    {
        var md = new StringBuilder();
        var series = Series();
        md.AppendLine(Invariant, $"<!-- Written by bench/AnalyzerCost on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. {machine} -->");
        md.AppendLine();
        md.AppendLine(Invariant, $"Best of {runs} runs, single-threaded (compile: concurrentBuild off; analyzers: concurrentAnalysis off), times in ms. Each rule is its best run; \"Mariachi, all rules\" is the best run's total, the catalog generator included (issue 20's total; the generator is timed after its compilation's references are bound, work a build shares with the compile).");
        md.AppendLine();
        md.AppendLine("| Files | Lines | Compile, no analyzers | Mariachi, all rules + catalog generator | Share of compile | CA2016 | RS0030 | Analysis pass (wall, all analyzers, incl. binding) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        var total = series.Single(s => s.Name == MariachiTotal);
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            md.AppendLine(Invariant,
                $"| {r.Files} | {r.Lines} | {r.CompileMs:0} | {total.Ms[i]:0.0} | {100 * total.Ms[i] / r.CompileMs:0.00}% | {GroupMs(r, AnalyzerSet.Ca2016):0.0} | {GroupMs(r, AnalyzerSet.Rs0030):0.0} | {r.AnalysisPassMs:0} |");
        }

        md.AppendLine();
        if (results.Any(r => r.Marginal is not null))
        {
            AppendMarginal(md);
        }

        if (results.Any(r => r.AllocatedMbByRule is not null))
        {
            AppendAllocations(md);
        }

        md.AppendLine("Time per file (µs/file) and growth: µs/file at the largest size over µs/file at a smaller one (1.00 = linear; below 1, a fixed per-compilation cost is being spread over more files).");
        md.AppendLine();
        md.Append("| Rule |");
        foreach (var r in results)
        {
            md.Append(Invariant, $" ms, N={r.Files} |");
        }

        foreach (var r in results)
        {
            md.Append(Invariant, $" µs/file, N={r.Files} |");
        }

        md.AppendLine(string.Create(Invariant, $" growth vs N={results[0].Files} | growth vs N={results[Math.Min(1, results.Count - 1)].Files} |"));
        md.Append("|---|");
        md.Append(string.Concat(Enumerable.Repeat("---:|", 2 * results.Count + 2)));
        md.AppendLine();
        md.AppendLine(Row("Compile, no analyzers", [.. results.Select(r => r.CompileMs)]));
        foreach (var s in series)
        {
            md.AppendLine(Row(s.Name == MariachiTotal ? $"**{s.Name}**" : s.Name, s.Ms));
        }

        md.AppendLine();
        md.AppendLine("Every analyzer measured (best of runs, ms):");
        md.AppendLine();
        md.Append("| Analyzer | Reports |");
        md.AppendLine(string.Concat(results.Select(r => string.Create(Invariant, $" N={r.Files} |"))));
        md.Append("|---|---|");
        md.AppendLine(string.Concat(Enumerable.Repeat("---:|", results.Count)));
        foreach (var a in analyzers)
        {
            md.Append(Invariant, $"| {a.Label} | {a.Reports} |");
            md.AppendLine(string.Concat(results.Select(r => string.Create(Invariant, $" {r.AnalyzerMs[a.Label]:0.0} |"))));
        }

        md.AppendLine();
        var largest = results[^1];
        md.AppendLine(string.Create(Invariant, $"Diagnostics reported at N={largest.Files} (the synthetic code carries a sprinkle of each violation): ") +
            string.Join(", ", largest.DiagnosticCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")) + ".");
        md.AppendLine();
        md.AppendLine("Targets:");
        md.AppendLine();
        foreach (var (met, text) in Targets())
        {
            md.AppendLine(Invariant, $"- {(met ? "met" : "**missed**")}: {text}");
        }

        return md.ToString();

        string Row(string name, IReadOnlyList<double> ms)
        {
            var row = new StringBuilder();
            row.Append(Invariant, $"| {name} |");
            foreach (var v in ms)
            {
                row.Append(Invariant, $" {v:0.0} |");
            }

            for (var i = 0; i < results.Count; i++)
            {
                row.Append(Invariant, $" {1000 * ms[i] / results[i].Files:0.00} |");
            }

            row.Append(Invariant, $" {Growth(ms, 0):0.00} | {Growth(ms, 1):0.00} |");
            return row.ToString();
        }
    }

    /// <summary>The rules' cost by difference (<see cref="MarginalCost"/>), next to the table of execution times.</summary>
    private void AppendMarginal(StringBuilder md)
    {
        md.AppendLine("By difference (`--marginal`): the analysis pass over fresh compilations with every analyzer and without Mariachi's, timed as a whole without per-analyzer clocks, in paired rounds that alternate which goes first: the median difference (and the range of the rounds) by wall clock and by the process's processor time, plus the catalog generator's best run. It charges the rules neither with binding the driver does anyway for the other operation analyzers nor with the per-callback clock reads of the execution times, and includes the driver's dispatch of their actions; but it carries the noise of two whole passes.");
        md.AppendLine();
        md.AppendLine("| Files | Rounds | Pass with Mariachi, wall (processor) | Pass without | Difference, wall (range) | Difference, processor (range) | + catalog generator (wall, processor) | Share of compile (wall, processor) | Allocated by the rules |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            if (r.Marginal is { Wall: var w, Cpu: var c } m)
            {
                md.AppendLine(Invariant,
                    $"| {r.Files} | {m.Rounds} | {w.WithMs:0} ({c.WithMs:0}) | {w.WithoutMs:0} ({c.WithoutMs:0}) | {w.DifferenceMs:0} ({w.DifferenceMinMs:0} to {w.DifferenceMaxMs:0}) | {c.DifferenceMs:0} ({c.DifferenceMinMs:0} to {c.DifferenceMaxMs:0}) | " +
                    $"{w.DifferenceMs + r.GeneratorMs:0}, {c.DifferenceMs + r.GeneratorMs:0} | {100 * (w.DifferenceMs + r.GeneratorMs) / r.CompileMs:0.00}%, {100 * (c.DifferenceMs + r.GeneratorMs) / r.CompileMs:0.00}% | {m.AllocatedMb:0} MB |");
            }
        }

        md.AppendLine();
    }

    /// <summary>What each rule allocates in a pass (<see cref="RuleAllocations"/>).</summary>
    private void AppendAllocations(StringBuilder md)
    {
        var measured = results.Where(r => r.AllocatedMbByRule is not null).ToList();
        md.AppendLine("Allocated in the analysis pass (`--allocations`, MB): a pass with the rule and the other analyzers less a pass with the others alone (one pass each: bytes do not vary as times do; caches the rules share are counted in each that uses them).");
        md.AppendLine();
        md.AppendLine("| Rule |" + string.Concat(measured.Select(r => string.Create(Invariant, $" MB, N={r.Files} |"))));
        md.AppendLine("|---|" + string.Concat(measured.Select(_ => "---:|")));
        foreach (var rule in measured[0].AllocatedMbByRule!.Keys)
        {
            md.AppendLine($"| {(rule == MariachiTotal ? $"**{rule}**" : rule)} |" + string.Concat(measured.Select(r => string.Create(Invariant, $" {r.AllocatedMbByRule![rule]:0.0} |"))));
        }

        md.AppendLine();
    }

    /// <summary>The issue's targets, each with whether it is met and the numbers behind it.</summary>
    public IReadOnlyList<(bool Met, string Text)> Targets()
    {
        var series = Series();
        var targets = new List<(bool, string)>();
        var total = series.Single(s => s.Name == MariachiTotal);
        var at = results.Select((r, i) => (r, i)).Where(p => p.r.Files >= 2000).Select(p => p.i).DefaultIfEmpty(results.Count - 1).First();
        var share = 100 * total.Ms[at] / results[at].CompileMs;
        targets.Add((share <= 2.0, string.Create(Invariant,
            $"all Mariachi rules together at most 2% of the no-analyzer compile at N={results[at].Files}: {total.Ms[at]:0.0} ms of {results[at].CompileMs:0} ms = {share:0.00}%")));
        targets.Add(Compare("MAR0003", AnalyzerSet.Ca2016));
        targets.Add(Compare("MAR0002", AnalyzerSet.Rs0030));
        foreach (var s in series.Where(s => s.IsMariachi || s.Name is AnalyzerSet.Ca2016 or AnalyzerSet.Rs0030))
        {
            var growth = Math.Max(Growth(s.Ms, 0), Growth(s.Ms, 1));
            targets.Add((growth <= 1.5, string.Create(Invariant,
                $"{s.Name}{(s.IsMariachi ? string.Empty : " (for comparison, not a Mariachi target)")} grows linearly with N (µs/file at N={results[^1].Files} at most 1.5x that at N={results[0].Files} and at N={results[Math.Min(1, results.Count - 1)].Files}): {Growth(s.Ms, 0):0.00}x and {Growth(s.Ms, 1):0.00}x")));
        }

        return targets;

        (bool, string) Compare(string mariachi, string other)
        {
            var m = series.FirstOrDefault(s => s.Name == mariachi);
            var o = series.Single(s => s.Name == other);
            if (m is null)
            {
                return (false, $"{mariachi} faster than {other}: {mariachi} was not found among the analyzers");
            }

            var faster = m.Ms.Zip(o.Ms).All(p => p.First < p.Second);
            var pairs = string.Join(", ", results.Select((r, i) => string.Create(Invariant, $"N={r.Files}: {m.Ms[i]:0.0} vs {o.Ms[i]:0.0} ms")));
            return (faster, $"{mariachi} faster than {other} at every size: {pairs}");
        }
    }

    /// <summary>µs/file at the largest size over µs/file at size index <paramref name="from"/>.</summary>
    private double Growth(IReadOnlyList<double> ms, int from)
    {
        from = Math.Min(from, results.Count - 1);
        return results.Count < 2 || ms[from] <= 0 ? 1 : (ms[^1] / results[^1].Files) / (ms[from] / results[from].Files);
    }

    private double GroupMs(SizeResult result, string group) =>
        analyzers.Where(a => a.Group == group).Sum(a => result.AnalyzerMs[a.Label]);
}
