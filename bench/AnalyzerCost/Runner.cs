using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>The best-of-runs figures for one solution size.</summary>
internal sealed record SizeResult(
    int Files,
    int Lines,
    double CompileMs,
    double AnalysisPassMs,
    double MariachiTotalMs,
    double GeneratorMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    IReadOnlyDictionary<string, int> DiagnosticCounts)
{
    /// <summary>The rules' cost by difference (<c>--marginal</c>, see <see cref="MarginalCost"/>), else null.</summary>
    public MarginalResult? Marginal { get; init; }

    /// <summary>The MB each rule adds to the pass's allocations (<c>--allocations</c>, see <see cref="RuleAllocations"/>), else null.</summary>
    public IReadOnlyDictionary<string, double>? AllocatedMbByRule { get; init; }
}

/// <summary>
/// Measures one size: the compile without analyzers (parse, then one Emit that binds, checks and writes the assembly,
/// as csc does) and, on a fresh compilation of
/// the same files with the catalog generator's file added (as csc hands it to the analyzers), one analyzer pass
/// with every analyzer and execution-time logging. Each figure is the best of the
/// runs, taken independently. The catalog generator is timed apart, as one generator-driver run over a third fresh
/// compilation whose references are bound first (see <see cref="GeneratorTiming"/>; its semantic step binds the
/// <c>Register</c> calls itself, as in the first build of a project), and its time counts in the Mariachi total.
/// </summary>
internal sealed class Runner(CompilationSetup setup, IReadOnlyList<MeasuredAnalyzer> analyzers, IReadOnlyList<ISourceGenerator> generators, TextWriter log)
{
    /// <summary>Paired rounds of <see cref="MarginalCost"/> after the runs of each size (<c>--marginal</c>); 0 for none.</summary>
    public int MarginalRounds { get; init; }

    /// <summary>Whether to measure what each rule allocates after the runs of each size (<c>--allocations</c>).</summary>
    public bool Allocations { get; init; }

    public async Task<SizeResult> MeasureAsync(int size, int runs, CancellationToken cancellationToken)
    {
        var files = SyntheticSolution.Generate(size);
        var lines = files.Sum(f => f.Text.AsSpan().Count('\n') + 1);
        var compileMs = double.MaxValue;
        var passMs = double.MaxValue;
        var mariachiMs = double.MaxValue;
        var generatorMs = double.MaxValue;
        var best = analyzers.ToDictionary(a => a.Label, _ => double.MaxValue, StringComparer.Ordinal);
        IReadOnlyDictionary<string, int>? counts = null;

        for (var run = 1; run <= runs; run++)
        {
            AnalyzerPass.Settle();
            var watch = Stopwatch.StartNew();
            var compilation = setup.Compile(CompilationSetup.Parse(files));
            using (var peStream = new MemoryStream())
            {
                // As csc: one Emit binds every method body once and reports every compiler diagnostic.
                var emit = compilation.Emit(peStream, cancellationToken: cancellationToken);
                watch.Stop();
                EnsureNoErrors(size, emit.Diagnostics);
            }

            var thisCompileMs = watch.Elapsed.TotalMilliseconds;
            compileMs = Math.Min(compileMs, thisCompileMs);

            // A fresh compilation, so the analyzer pass binds from scratch as a build does; with the catalog
            // generator's file added, as csc analyzes the compilation its generators added their files to.
            var fresh = GeneratorTiming.WithGeneratedFiles(setup.Compile(CompilationSetup.Parse(files)), cancellationToken);
            var pass = await AnalyzerPass.RunAsync(fresh, analyzers, CompilationSetup.AnalyzerOptions, cancellationToken).ConfigureAwait(false);
            if (pass.Failures.Count > 0)
            {
                throw new InvalidOperationException("An analyzer threw: " + string.Join(Environment.NewLine, pass.Failures.Take(3).Select(f => $"{f.Analyzer}: {f.Exception}")));
            }

            var diagnostics = pass.Diagnostics;
            passMs = Math.Min(passMs, pass.WallMs);
            var thisRun = pass.AnalyzerMs;
            foreach (var analyzer in analyzers)
            {
                best[analyzer.Label] = Math.Min(best[analyzer.Label], thisRun[analyzer.Label]);
            }

            var thisGeneratorMs = GeneratorTiming.Run(generators, setup.Compile(CompilationSetup.Parse(files)), cancellationToken);
            generatorMs = Math.Min(generatorMs, thisGeneratorMs);
            mariachiMs = Math.Min(mariachiMs, analyzers.Where(a => a.IsMariachi).Sum(a => thisRun[a.Label]) + thisGeneratorMs);
            counts ??= diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            log.WriteLine(
                $"  N={files.Count,5} run {run}/{runs}: compile {thisCompileMs:0} ms, analysis pass {pass.WallMs:0} ms; " +
                $"Mariachi {analyzers.Where(a => a.IsMariachi).Sum(a => thisRun[a.Label]) + thisGeneratorMs:0.0} ms (generator {thisGeneratorMs:0.0}), CA2016 {Sum(thisRun, AnalyzerSet.Ca2016):0.0} ms, RS0030 {Sum(thisRun, AnalyzerSet.Rs0030):0.0} ms; pass {pass.Gc}");
        }

        Compilation Fresh() => GeneratorTiming.WithGeneratedFiles(setup.Compile(CompilationSetup.Parse(files)), cancellationToken);
        var marginal = await MarginalCost.MeasureAsync(Fresh, analyzers, CompilationSetup.AnalyzerOptions, MarginalRounds, log, $"N={files.Count,5}", cancellationToken).ConfigureAwait(false);
        var allocations = Allocations
            ? await RuleAllocations.MeasureAsync(Fresh, analyzers, CompilationSetup.AnalyzerOptions, log, cancellationToken).ConfigureAwait(false)
            : null;
        return new SizeResult(files.Count, lines, compileMs, passMs, mariachiMs, generators.Count == 0 ? 0 : generatorMs, best, counts!)
        {
            Marginal = marginal,
            AllocatedMbByRule = allocations,
        };

        double Sum(IReadOnlyDictionary<string, double> times, string group) => analyzers.Where(a => a.Group == group).Sum(a => times[a.Label]);
    }

    private static void EnsureNoErrors(int size, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                $"The synthetic solution of {size} files does not compile ({errors.Count} errors):{Environment.NewLine}" +
                string.Join(Environment.NewLine, errors.Take(10)));
        }
    }
}
