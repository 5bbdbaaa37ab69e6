using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Bench.AnalyzerCost;

/// <summary>An analyzer that threw (the compiler would report it as AD0001).</summary>
internal sealed record AnalyzerFailure(string Analyzer, string Exception);

/// <summary>What one analyzer pass measured: its wall time, each analyzer's execution time, what it reported.</summary>
internal sealed record AnalyzerPassResult(
    double WallMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    ImmutableArray<Diagnostic> Diagnostics,
    IReadOnlyList<AnalyzerFailure> Failures,
    GcActivity Gc)
{
    /// <summary>The processor time of the whole process during the pass (every thread; not the time the machine gave others).</summary>
    public double CpuMs { get; init; }
}

/// <summary>
/// The garbage collections during one pass (none where <see cref="AnalyzerPass.NoGcRegion"/> held) and what the pass
/// allocated: the rules' share of a build's collections, which the times leave out.
/// </summary>
internal readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, double PauseMs, double AllocatedMb)
{
    public static GcActivity Now() => new(
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes() / 1048576.0);

    public GcActivity Since(GcActivity start) =>
        new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, PauseMs - start.PauseMs, AllocatedMb - start.AllocatedMb);

    public override string ToString() => $"GC {Gen0}/{Gen1}/{Gen2} (gen0/1/2), paused {PauseMs:0} ms, {AllocatedMb:0} MB allocated";
}

/// <summary>One pass of every measured analyzer over a compilation, single-threaded, with execution-time logging.</summary>
internal static class AnalyzerPass
{
    /// <param name="timeEachAnalyzer">
    /// False for a pass timed only as a whole (<see cref="MarginalCost"/>): no per-analyzer execution-time logging, whose
    /// clock reads around every callback a build without <c>/reportanalyzer</c> does not make.
    /// </param>
    public static async Task<AnalyzerPassResult> RunAsync(
        Compilation compilation,
        IReadOnlyList<MeasuredAnalyzer> analyzers,
        AnalyzerOptions options,
        CancellationToken cancellationToken,
        bool timeEachAnalyzer = true)
    {
        // Bind the references first, as csc does for its declaration diagnostics while the analyzer driver starts:
        // otherwise whichever analyzer first asks for any symbol is charged with binding the hundreds of framework
        // references, work every build does with or without analyzers (and which the compile time includes).
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        Settle();
        var failures = new ConcurrentQueue<AnalyzerFailure>();
        var withAnalyzers = compilation.WithAnalyzers(
            [SourceAssemblyPrimer.Instance, .. analyzers.Select(a => a.Analyzer)],
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue(new AnalyzerFailure(analyzer.GetType().FullName ?? analyzer.GetType().Name, exception.ToString())),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: timeEachAnalyzer,
                reportSuppressedDiagnostics: false));
        var noGc = NoGcRegion.TryStart();
        var gc = GcActivity.Now();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        watch.Stop();
        process.Refresh();
        var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        NoGcRegion.End(noGc);
        var gcDuring = GcActivity.Now().Since(gc);

        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in timeEachAnalyzer ? analyzers : [])
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer.Analyzer, cancellationToken).ConfigureAwait(false);
            times[analyzer.Label] = telemetry.ExecutionTime.TotalMilliseconds;
        }

        return new AnalyzerPassResult(watch.Elapsed.TotalMilliseconds, times, diagnostics, [.. failures], gcDuring) { CpuMs = cpuMs };
    }

    /// <summary>
    /// No collection during a timed pass where the runtime can promise it: a collection pauses whichever callback
    /// happens to run and lands in that analyzer's figure (one 250 ms pause moved MAR0001 on bitwarden's Api from 290
    /// to 543 ms between two runs). What the rules allocate is reported apart, not hidden: see the log's GC line.
    /// </summary>
    internal static class NoGcRegion
    {
        private const long Bytes = 3L << 30;

        public static bool TryStart()
        {
            try
            {
                return GC.TryStartNoGCRegion(Bytes);
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        public static void End(bool started)
        {
            if (started && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }
        }
    }

    /// <summary>Starts each measurement with a clean heap, so one run does not pay for the garbage of the previous one.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// Runs first in every pass, unmeasured: makes the source assembly of the compilation the analyzers see. The driver
    /// analyzes a copy of the compilation it is given, whose source assembly (over the references bound above) is made
    /// anew the first time anything asks for a symbol; csc compiles that very copy, so a build makes it for the compile
    /// with or without analyzers. Without this, whichever analyzer starts first was charged with it.
    /// </summary>
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041 // A bench-only probe, never shipped or loaded by a compiler.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class SourceAssemblyPrimer : DiagnosticAnalyzer
    {
        public static readonly SourceAssemblyPrimer Instance = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context) =>
            context.RegisterCompilationStartAction(start => _ = start.Compilation.SourceModule.ReferencedAssemblySymbols);
    }
#pragma warning restore RS1001, RS1012, RS1025, RS1026, RS1036, RS1041
}
