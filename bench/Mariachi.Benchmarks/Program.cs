using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Usage: Mariachi.Benchmarks [--smoke] [--in-process] [BenchmarkDotNet options, e.g. --filter *Dispatch*]
//        Mariachi.Benchmarks --interleaved [--rounds N] [--calls N] [--thread-time] [--cases "Name;Name"]
//                            (the dispatch cases in interleaved rounds, fastest round each; see InterleavedDispatch;
//                            --cases: only the cases of these descriptions)
//   default: every benchmark with a short job (1 launch, 3 warm-up and 5 measured iterations);
//   --in-process: the short job in this process, without building a separate one (which can take longer than
//                 BenchmarkDotNet's two-minute build timeout on a loaded machine);
//   --smoke: every benchmark once, in process (Job.Dry), failing when one does not run.
if (args.Contains("--interleaved"))
{
    Mariachi.Benchmarks.Dispatch.InterleavedDispatch.Run(
        rounds: IntOption("--rounds") ?? 30,
        calls: IntOption("--calls") ?? 1_000_000,
        threadTime: args.Contains("--thread-time"),
        cases: Array.IndexOf(args, "--cases") is var casesAt and >= 0 && casesAt + 1 < args.Length
            ? args[casesAt + 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null);
    return 0;
}

var smoke = args.Contains("--smoke");
var inProcess = args.Contains("--in-process");
var rest = args.Where(a => a is not "--smoke" and not "--in-process").ToList();
if (!rest.Contains("--filter"))
{
    rest.AddRange(["--filter", "*"]);
}

IConfig config;
if (smoke)
{
    config = ManualConfig.CreateEmpty()
        .AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Smoke"))
        .AddLogger(ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile)
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "mariachi-benchmarks-smoke"));
}
else
{
    var manual = ManualConfig.Create(DefaultConfig.Instance)
        .WithArtifactsPath(Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts", "benchmarks"))
        .AddExporter(MarkdownExporter.GitHub)
        .AddDiagnoser(MemoryDiagnoser.Default)
        // On a shared machine the fastest iteration says more than the mean, which other processes inflate.
        .AddColumn(StatisticColumn.Min, StatisticColumn.Median);
    if (!rest.Contains("--job") && !rest.Contains("-j"))
    {
        var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Short");
        manual.AddJob(inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess") : job);
    }

    config = manual;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToList();
var failed = summaries.SelectMany(s => s.Reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo))
    .Concat(summaries.Where(s => s.HasCriticalValidationErrors).Select(s => s.Title + ": validation errors"))
    .ToList();
var ran = summaries.Sum(s => s.Reports.Length);
if (ran == 0 || failed.Count > 0)
{
    Console.Error.WriteLine($"BENCHMARKS FAILED: {ran} ran; failed: {string.Join(", ", failed)}");
    return 1;
}

Console.WriteLine($"BENCHMARKS OK: {ran} benchmarks ran");
return 0;

// A whole number above 3 (the first three rounds are warm-up), or null when the option is absent.
int? IntOption(string name)
{
    var at = Array.IndexOf(args, name);
    if (at < 0)
    {
        return null;
    }

    return at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 3
        ? value
        : throw new ArgumentException($"{name} takes a whole number above 3.");
}

static string? RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Mariachi.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
