using System.Diagnostics;
using System.Text.Json;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>How a real-code run was asked for on the command line.</summary>
internal sealed record RealModeOptions(
    string Target,
    string? Name,
    int Runs,
    int Warmup,
    string? OutDirectory,
    bool ReuseBuild,
    string Configuration,
    IReadOnlyList<string> MsbuildProperties,
    bool Partial,
    bool Adopted = false,
    bool TimePartial = false,
    IReadOnlyList<string>? Projects = null);

/// <summary>
/// The real-code mode: builds a solution, project or folder once to capture its compiles, measures every project that
/// compiled, and writes <c>analyzer-cost-real-NAME.md/json</c>. Exits with 1 when an analyzer threw (AD0001), listing where.
/// </summary>
internal static class RealMode
{
    public static async Task<int> RunAsync(RealModeOptions options, IReadOnlyList<MeasuredAnalyzer> analyzers, IReadOnlyList<Microsoft.CodeAnalysis.ISourceGenerator> generators, string machine, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(options.Target);
        if (!File.Exists(target) && !Directory.Exists(target))
        {
            Console.Error.WriteLine($"--real: '{options.Target}' is neither a solution, a project nor a folder.");
            return 2;
        }

        var root = Directory.Exists(target) ? target : Path.GetDirectoryName(target)!;
        var name = options.Name ?? Sanitize(Path.GetFileName(root));
        var work = Path.Combine(Path.GetTempPath(), "mariachi-analyzer-cost-real", name);
        var outDir = options.OutDirectory ?? work;
        Directory.CreateDirectory(outDir);

        var capture = new BuildCapture(target, work, options.Configuration, options.MsbuildProperties, Console.Out);
        var (compiles, buildFailures, buildCommand) = await capture.RunAsync(options.ReuseBuild, cancellationToken);
        Console.WriteLine($"Captured {compiles.Count} compiles; {buildFailures.Count} projects did not build");

        var runner = new RealRunner(analyzers, generators, ExtraReferences(options.Adopted), root, Console.Out)
        {
            Selected = options.Projects is { } only ? name => only.Contains(name, StringComparer.OrdinalIgnoreCase) : _ => true,
        };
        var result = await runner.MeasureAsync(compiles, options.Runs, options.Warmup, cancellationToken);
        if (options.Partial)
        {
            var partialCaptures = await capture.RunPartialAsync(compiles, options.ReuseBuild, cancellationToken);
            Console.WriteLine($"Analyzing {partialCaptures.Count} compiles of projects that did not build, for findings{(options.TimePartial ? " and timed apart" : " only")}");
            var (partial, findings, failures) = await runner.AnalyzePartialAsync(partialCaptures, options.TimePartial ? options.Runs : 0, cancellationToken);
            result = result with
            {
                Findings = [.. result.Findings, .. findings],
                AnalyzerFailures = [.. result.AnalyzerFailures, .. failures],
                PartialProjects = partial,
            };
        }

        var realTarget = new RealTarget(name, target, Commit(root), buildCommand,
            [.. buildFailures.Select(f => f with { ProjectPath = Path.GetRelativePath(root, f.ProjectPath) })]);
        var adoption = options.Adopted ? " Adopted (--adopted): every project also references Mariachi.Adapters.InMemory, an assembly built on Mariachi." : string.Empty;
        var report = new RealReport(analyzers, realTarget, result, options.Runs, machine + " Load average at the end: " + Machine.LoadAverage() + "." + adoption);
        var markdown = report.Markdown();
        File.WriteAllText(Path.Combine(outDir, $"analyzer-cost-real-{name}.md"), markdown);
        File.WriteAllText(
            Path.Combine(outDir, $"analyzer-cost-real-{name}.json"),
            JsonSerializer.Serialize(report.Json(), new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Wrote analyzer-cost-real-{name}.md and .json to {outDir}");

        if (result.AnalyzerFailures.Count > 0)
        {
            Console.Error.WriteLine($"REAL-CODE FAILED: {result.AnalyzerFailures.Count} analyzer exceptions (AD0001), listed in the report");
            return 1;
        }

        if (result.Projects.Count == 0 && result.PartialProjects.Count == 0)
        {
            Console.Error.WriteLine("REAL-CODE FAILED: no project was measured");
            return 3;
        }

        var partialText = options.Partial ? $", {result.PartialProjects.Count} more analyzed for findings{(options.TimePartial ? " and timed apart (compile errors)" : " only")}" : string.Empty;
        Console.WriteLine($"REAL-CODE OK: {result.Projects.Count} projects measured{partialText}, no analyzer threw (no AD0001)");
        return 0;
    }

    /// <summary>
    /// Mariachi.Abstractions and the Microsoft.Extensions assemblies it needs, as copied next to the bench, for a
    /// target framework: its net10.0 build from net10.0 on, its net8.0 build before, as the package would give them.
    /// With <paramref name="adopted"/>, Mariachi.Adapters.InMemory too: an assembly built on Mariachi, as a team that
    /// added the package everywhere has it (code reaches a Context only once it names Mariachi or <c>AddMariachi</c>).
    /// </summary>
    private static Func<string, IReadOnlyList<string>> ExtraReferences(bool adopted)
    {
        var extensions = Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll").Order(StringComparer.Ordinal).ToList();
        var net10 = Path.Combine(AppContext.BaseDirectory, "Mariachi.Abstractions.dll");
        var net8 = Path.Combine(AppContext.BaseDirectory, "mariachi-abstractions-net8.0", "Mariachi.Abstractions.dll");
        if (!File.Exists(net10) || !File.Exists(net8))
        {
            throw new FileNotFoundException("Mariachi.Abstractions (net10.0 and net8.0 builds) is not next to the bench; build it.");
        }

        var adapters = Path.Combine(AppContext.BaseDirectory, "Mariachi.Adapters.InMemory.dll");
        if (adopted && !File.Exists(adapters))
        {
            throw new FileNotFoundException("Mariachi.Adapters.InMemory is not next to the bench; build it.");
        }

        string[] adoption = adopted ? [adapters] : [];
        return tfm => [RealRunner.FrameworkVersion(tfm) >= new Version(10, 0) ? net10 : net8, .. adoption, .. extensions];
    }

    private static string Sanitize(string name) =>
        new([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    private static string? Commit(string directory)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", directory, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start);
            var commit = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return git?.ExitCode == 0 && commit is { Length: 40 } ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
