using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>
/// The cases of <see cref="DispatchBenchmarks"/> measured a second way, for a shared, noisy machine: every case runs
/// <c>calls</c> times per round, the cases take turns round after round, and each keeps its fastest round. Other
/// processes only ever add time, so the fastest of many short rounds is close to what a quiet machine measures, and
/// turns taken in the same minutes expose every case to the same load. Each case is called through a delegate, which
/// adds the same small cost to all of them. With <c>threadTime</c> a round is timed by the thread's CPU time rather than
/// the wall clock, so the time the thread waits for a core does not count (rounds short enough to fit in one time
/// slice help as well: <c>--calls 100000</c>). With <c>cases</c> only the cases of those descriptions run: code that
/// several cases share (this loop, the generic code of all reference types) is then profiled for the runtime's guarded
/// devirtualization by those cases only. One case per process is how BenchmarkDotNet runs them; the ratio to the
/// baseline is then left to the reader (the baseline's own process).
/// </summary>
public static class InterleavedDispatch
{
    public static void Run(int rounds = 30, int calls = 1_000_000, bool threadTime = false, IReadOnlyCollection<string>? cases = null)
    {
        if (threadTime && !ThreadCpuClock.IsSupported)
        {
            throw new PlatformNotSupportedException("--thread-time needs Linux (CLOCK_THREAD_CPUTIME_ID).");
        }

        var benchmarks = new DispatchBenchmarks();
        benchmarks.Setup();
        try
        {
            var all = Cases(benchmarks);
            var unknown = cases?.Where(name => !all.Any(c => c.Name == name)).ToList();
            if (unknown is { Count: > 0 })
            {
                throw new ArgumentException("--cases: no case is named " + string.Join("; ", unknown));
            }

            var selected = all.Where(c => cases is null || cases.Contains(c.Name)).ToList();

            var best = new double[selected.Count];
            var bytes = new double[selected.Count];
            Array.Fill(best, double.MaxValue);
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < selected.Count; i++)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var start = Now(threadTime);
                    selected[i].Run(calls);
                    var elapsed = (Now(threadTime) - start) / calls;
                    bytes[i] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)calls;
                    if (round > 2)
                    {
                        best[i] = Math.Min(best[i], elapsed);
                    }
                }
            }

            var at = selected.FindIndex(c => c.Baseline);
            var baseline = at < 0 ? double.NaN : best[at];
            Console.WriteLine($"{rounds} rounds of {calls} calls, timed by {(threadTime ? "thread CPU time" : "wall clock")}");
            Console.WriteLine($"| Case | Fastest round (ns/call) | Ratio to the baseline | Allocated per call |");
            Console.WriteLine("|---|---:|---:|---:|");
            for (var i = 0; i < selected.Count; i++)
            {
                var ratio = double.IsNaN(baseline) ? "-" : (best[i] / baseline).ToString("F2", CultureInfo.InvariantCulture);
                Console.WriteLine($"| {selected[i].Name} | {best[i]:F1} | {ratio} | {bytes[i]:F0} B |");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static double Now(bool threadTime) =>
        threadTime ? ThreadCpuClock.Nanoseconds() : Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency);

    private static List<(string Name, bool Baseline, Action<int> Run)> Cases(DispatchBenchmarks benchmarks)
    {
        var cases = new List<(string, bool, Action<int>)>();
        foreach (var method in typeof(DispatchBenchmarks).GetMethods())
        {
            if (method.GetCustomAttribute<BenchmarkAttribute>() is not { } benchmark)
            {
                continue;
            }

            Action<int> run = method.ReturnType == typeof(ValueTask<OrderCreated>)
                ? Loop(method.CreateDelegate<Func<ValueTask<OrderCreated>>>(benchmarks))
                : Loop(method.CreateDelegate<Func<Context>>(benchmarks));
            cases.Add((benchmark.Description ?? method.Name, benchmark.Baseline, run));
        }

        return cases;
    }

    private static Action<int> Loop(Func<ValueTask<OrderCreated>> call) => calls =>
    {
        var lines = 0L;
        for (var i = 0; i < calls; i++)
        {
            lines += call().Result.Lines;
        }

        GC.KeepAlive(lines);
    };

    private static Action<int> Loop(Func<Context> call) => calls =>
    {
        for (var i = 0; i < calls; i++)
        {
            GC.KeepAlive(call());
        }
    };
}
