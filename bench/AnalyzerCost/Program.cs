using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Mariachi.Bench.AnalyzerCost;
using Mariachi.Bench.AnalyzerCost.RealCode;
using Microsoft.CodeAnalysis;

const string Usage = "Usage: AnalyzerCost [--sizes 500,1000,2000,4000] [--runs 3] [--out DIR] [--only MAR0001,CA2016] [--marginal ROUNDS] [--allocations] [--smoke]" +
    " | AnalyzerCost --write-solution N DIR" +
    " | AnalyzerCost --real SOLUTION|PROJECT|FOLDER [--name NAME] [--runs 2] [--warmup 1] [--out DIR] [--only ...] [--reuse-build] [--partial] [--time-partial] [--adopted] [--projects A,B] [--configuration Release] [--property NAME=VALUE]...";

// Synthetic mode (default): generated solutions of the given sizes.
//   --smoke: one run of a 100-file solution into a temporary folder, checking that every rule reports something.
//   --only: measure only the analyzers whose label contains one of the given texts (for profiling one rule).
//   --marginal: after the runs of each size, that many paired rounds of the analysis pass with and without the
//     Mariachi rules, timed as a whole (MarginalCost): their cost by difference, next to their execution times.
//   --allocations: after the runs of each size, what each rule adds to the analysis pass's allocations (RuleAllocations).
//   --smoke runs one round of --marginal and --allocations too.
// Real-code mode (--real): builds the target once, then measures every C# project as its build compiled it; writes
// analyzer-cost-real-NAME.md/json to --out (default: its work folder under the temp folder).
//   --reuse-build: measure the compiles captured by the last build of the same NAME instead of building again.
//   --property: an MSBuild property for the restore and build (repeatable).
//   --partial: also analyze (for findings, not timed) the projects that did not build, compiled with the references
//     that resolved (their missing packages left out), so their compiles have errors.
//   --time-partial: --partial, and time those projects too (best of --runs, as the built ones), reported in a table
//     of their own with their compile-error counts, never summed with the projects that built.
//   --projects: analyze and time only these projects (file names without .csproj); with --partial the others still
//     compile, as references of the ones selected.
//   --adopted: every project also references Mariachi.Adapters.InMemory, an assembly built on Mariachi, as a team
//     that added the package everywhere would have it. The rules that stay silent where no code can reach a Context
//     (ContextReach: MAR0003, MAR0004's handlers, MAR0005, MAR0008, MAR0011, MAR0014, the catalog generator) still do
//     until code names Mariachi or what the adapter hands out (AddMariachi): the reference alone reaches nothing.
var sizes = new List<int> { 500, 1000, 2000, 4000 };
int? runsArgument = null;
string? outDir = null;
string[]? only = null;
var smoke = false;
string? real = null;
string? name = null;
var warmup = 1;
var reuseBuild = false;
var configuration = "Release";
var properties = new List<string>();
var partial = false;
var timePartial = false;
var adopted = false;
var marginalRounds = 0;
var allocations = false;
string[]? projectNames = null;
(int Files, string Directory)? writeSolution = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes":
            sizes = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            break;
        case "--runs":
            runsArgument = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--out":
            outDir = args[++i];
            break;
        case "--only":
            only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries);
            break;
        case "--marginal":
            marginalRounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--allocations":
            allocations = true;
            break;
        case "--smoke":
            smoke = true;
            break;
        case "--real":
            real = args[++i];
            break;
        case "--name":
            name = args[++i];
            break;
        case "--warmup":
            warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--reuse-build":
            reuseBuild = true;
            break;
        case "--configuration":
            configuration = args[++i];
            break;
        case "--property":
            properties.Add(args[++i]);
            break;
        case "--partial":
            partial = true;
            break;
        case "--time-partial":
            partial = true;
            timePartial = true;
            break;
        case "--adopted":
            adopted = true;
            break;
        case "--projects":
            projectNames = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries);
            break;
        case "--write-solution":
            writeSolution = (int.Parse(args[i + 1], CultureInfo.InvariantCulture), args[i + 2]);
            i += 2;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. {Usage}");
            return 2;
    }
}

if (writeSolution is { } write)
{
    Console.WriteLine(SolutionOnDisk.Write(write.Files, Path.GetFullPath(write.Directory), RepositoryRoot() ?? throw new InvalidOperationException("run from the repository")));
    return 0;
}

var analyzers = AnalyzerSet.Load()
    .Where(a => only is null || only.Any(o => a.Label.Contains(o, StringComparison.OrdinalIgnoreCase)))
    .ToList();
var machine = Machine.Describe();

// The catalog generator runs unless --only names other rules and not "generator".
var generators = only is null || only.Any(o => o.Contains("generator", StringComparison.OrdinalIgnoreCase)) ? AnalyzerSet.LoadGenerators() : [];
if (real is not null)
{
    Console.WriteLine(machine);
    Console.WriteLine($"Analyzers: {string.Join(", ", analyzers.Select(a => a.Label))}");
    return await RealMode.RunAsync(
        new RealModeOptions(real, name, runsArgument ?? 2, warmup, outDir, reuseBuild, configuration, properties, partial, adopted, timePartial, projectNames),
        analyzers,
        generators,
        machine,
        CancellationToken.None);
}

var runs = runsArgument ?? 3;

if (smoke)
{
    sizes = [100];
    runs = 1;
    outDir ??= Directory.CreateTempSubdirectory("analyzer-cost-smoke").FullName;
}

outDir ??= Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "docs", "benchmarks");
Directory.CreateDirectory(outDir);

var setup = CompilationSetup.Discover();
Console.WriteLine(machine);
Console.WriteLine($"References: {setup.Description}");
Console.WriteLine($"Analyzers: {string.Join(", ", analyzers.Select(a => a.Label))}");

var runner = new Runner(setup, analyzers, generators, Console.Out);
if (!smoke)
{
    // Long enough for tiered compilation to settle on optimized code for the compiler and every analyzer: with a
    // shorter warm-up (two passes) the first size measured came out up to 2x slower per file than the same size
    // measured later, for the compiler and for every analyzer alike.
    Console.WriteLine($"Warm-up (N={sizes.Min()}, 5 passes, not reported)");
    await runner.MeasureAsync(sizes.Min(), 5, CancellationToken.None);
}

var results = new List<SizeResult>();
var measuring = new Runner(setup, analyzers, generators, Console.Out) { MarginalRounds = smoke ? 1 : marginalRounds, Allocations = allocations || smoke };
foreach (var size in sizes)
{
    results.Add(await measuring.MeasureAsync(size, runs, CancellationToken.None));
}

var report = new Report(analyzers, results, runs, machine + " Load average at the end: " + Machine.LoadAverage() + ".");
var markdown = report.Markdown();
var series = report.Series();
var png = PngChart.Render(
    "ANALYZER TIME VS SOLUTION SIZE",
    string.Create(CultureInfo.InvariantCulture, $"BEST OF {runs}, ONE THREAD. COMPILE WITHOUT ANALYZERS: {results[^1].CompileMs:0} MS AT N={results[^1].Files}"),
    [.. results.Select(r => r.Files)],
    series);

File.WriteAllText(Path.Combine(outDir, "analyzer-cost.md"), markdown);
File.WriteAllBytes(Path.Combine(outDir, "analyzer-cost.png"), png);
File.WriteAllText(
    Path.Combine(outDir, "analyzer-cost.json"),
    JsonSerializer.Serialize(new { machine, runs, results, series }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"Wrote analyzer-cost.md, analyzer-cost.json and analyzer-cost.png to {outDir}");

if (smoke)
{
    // The bench is only meaningful if every rule has something to find in the synthetic code.
    var expected = analyzers.SelectMany(a => a.IsMariachi ? a.Ids : [a.Group]).Distinct().ToList();
    var missing = expected.Where(id => !results[0].DiagnosticCounts.ContainsKey(id)).ToList();
    if (missing.Count > 0)
    {
        Console.Error.WriteLine($"SMOKE FAILED: no diagnostic for {string.Join(", ", missing)}");
        return 1;
    }

    if (results[0].Marginal is null)
    {
        Console.Error.WriteLine("SMOKE FAILED: no cost by difference (--marginal) was measured");
        return 1;
    }

    var rules = analyzers.Where(a => a.IsMariachi).Select(a => a.Rule).Distinct().ToList();
    if (results[0].AllocatedMbByRule is not { } allocated || rules.Any(rule => !allocated.ContainsKey(rule)))
    {
        Console.Error.WriteLine("SMOKE FAILED: not every rule's allocations (--allocations) were measured");
        return 1;
    }

    Console.WriteLine($"SMOKE OK: {results[0].Files} files compiled, every rule reported ({string.Join(", ", expected)}), chart of {png.Length} bytes");
}

return 0;

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

/// <summary>What the figures were measured on.</summary>
internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var roslyn = typeof(Compilation).Assembly.GetName().Version;
        return $"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; " +
            $"{RuntimeInformation.FrameworkDescription}; Roslyn {roslyn}. Load average at the start: {LoadAverage()}.";
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
