using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>
/// A Mariachi diagnostic on real code, for the hand review (path relative to the solution's folder); not
/// <paramref name="Measured"/> when its project only compiled with errors (packages missing).
/// </summary>
internal sealed record Finding(string Id, string Project, string Path, int Line, int Column, string Message, bool Measured = true);

/// <summary>The best-of-runs figures of one project.</summary>
internal sealed record ProjectResult(
    string Project,
    string TargetFramework,
    int Files,
    int Lines,
    int GeneratedFiles,
    double CompileMs,
    double AnalysisPassMs,
    double MariachiTotalMs,
    IReadOnlyDictionary<string, double> AnalyzerMs,
    IReadOnlyDictionary<string, int> DiagnosticCounts)
{
    /// <summary>The catalog generator, best of the runs (see <see cref="GeneratorTiming"/>); not in <see cref="MariachiTotalMs"/>.</summary>
    public double GeneratorMs { get; init; }

    /// <summary>True when the catalog generator wrote a catalog for this project.</summary>
    public bool CatalogWritten { get; init; }

    /// <summary>Compile errors of a project timed with <c>--time-partial</c> (0 for a project that built).</summary>
    public int CompileErrors { get; init; }
}

/// <summary>A project that was built but not measured, and why.</summary>
internal sealed record NotMeasured(string Project, string Reason);

/// <summary>A project analyzed for its findings only: its build failed, and its compile here has errors (references missing).</summary>
internal sealed record PartialProject(string Project, string TargetFramework, int Files, int Lines, int Errors, IReadOnlyList<string> FirstErrors, IReadOnlyDictionary<string, int> DiagnosticCounts)
{
    /// <summary>Its timing with <c>--time-partial</c> (compile with errors), else null.</summary>
    public ProjectResult? Timing { get; init; }
}

/// <summary>Everything one real-code run measured and found.</summary>
internal sealed record RealResult(
    IReadOnlyList<ProjectResult> Projects,
    IReadOnlyList<NotMeasured> NotMeasured,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<AnalyzerFailure> AnalyzerFailures,
    IReadOnlyList<string> GeneratorProblems,
    IReadOnlyList<string> GeneratorAssemblies)
{
    /// <summary>The projects analyzed for findings only (<c>--partial</c>).</summary>
    public IReadOnlyList<PartialProject> PartialProjects { get; init; } = [];

    /// <summary>The Mariachi catalog generator over every measured project, one run each.</summary>
    public CatalogGeneratorRun? CatalogGenerator { get; init; }
}

/// <summary>The catalog generator's time over the measured projects (best of the runs of each, see <see cref="GeneratorTiming"/>) and the projects it wrote a catalog for.</summary>
internal sealed record CatalogGeneratorRun(double TotalMs, int Projects, IReadOnlyList<string> ProjectsWithOutput);

/// <summary>
/// Measures each captured project as <see cref="Runner"/> measures a synthetic size: the compile without analyzers
/// (parse, then one Emit) and, on a fresh compilation, one pass of the measured analyzers; each figure is the best of
/// the runs, and the catalog generator on a third (<see cref="GeneratorTiming"/>). A project whose compile has errors
/// here is not measured (its inputs were not reproduced) and is listed, unless timed apart with <c>--time-partial</c>.
/// </summary>
internal sealed class RealRunner(IReadOnlyList<MeasuredAnalyzer> analyzers, IReadOnlyList<ISourceGenerator> generators, Func<string, IReadOnlyList<string>> extraReferences, string root, TextWriter log)
{
    /// <summary>Which projects (by file name, without extension) are analyzed and timed; the rest only compile as references (<c>--projects</c>).</summary>
    public Func<string, bool> Selected { get; init; } = _ => true;

    public async Task<RealResult> MeasureAsync(IReadOnlyList<CapturedCompile> captures, int runs, int warmup, CancellationToken cancellationToken)
    {
        var loader = new GeneratorLoader();
        var projects = new List<RealProject>();
        var notMeasured = new List<NotMeasured>();
        var generatorProblems = new List<string>();
        foreach (var capture in OnePerProject(captures).Where(c => Selected(Path.GetFileNameWithoutExtension(c.ProjectPath))))
        {
            var (project, error) = TryLoad(capture, null);
            if (project is null)
            {
                notMeasured.Add(new NotMeasured(Relative(capture.ProjectPath), error!));
                continue;
            }

            generatorProblems.AddRange(project.RunGenerators(loader, cancellationToken).Select(p => $"{project.Name}: {p}"));
            generatorProblems.AddRange(project.Config.Diagnostics.Select(d => $"{project.Name}: {d}"));
            projects.Add(project);
        }

        generatorProblems.AddRange(loader.Failures);
        if (warmup > 0 && projects.Count > 0)
        {
            var largest = projects.MaxBy(p => p.Files)!;
            log.WriteLine($"Warm-up ({largest.Name}, {warmup} passes, not reported)");
            for (var i = 0; i < warmup; i++)
            {
                await MeasureOnceAsync(largest, cancellationToken);
            }
        }

        var results = new List<ProjectResult>();
        var findings = new List<Finding>();
        var failures = new List<AnalyzerFailure>();
        foreach (var project in projects)
        {
            var result = await MeasureAsync(project, runs, findings, failures, cancellationToken);
            if (result.Error is not null)
            {
                notMeasured.Add(new NotMeasured(Relative(project.Capture.ProjectPath), result.Error));
            }
            else
            {
                results.Add(result.Result!);
            }
        }

        return new RealResult(results, notMeasured, findings, failures, generatorProblems, [.. loader.Loaded.Select(l => $"{l.Path} ({l.Generators})")])
        {
            CatalogGenerator = generators.Count == 0 ? null : new CatalogGeneratorRun(results.Sum(r => r.GeneratorMs), results.Count, [.. results.Where(r => r.CatalogWritten).Select(r => r.Project)]),
        };
    }

    /// <summary>
    /// Compiles the projects that did not build, each against the compilations of the projects it references where
    /// their outputs are missing, runs their generators and one analyzer pass, and keeps what the analyzers found.
    /// With <paramref name="timedRuns"/> above 0 (<c>--time-partial</c>), each is also timed as a built project is (best
    /// of that many runs; its Emit stops before writing, as csc does on errors), for a table of its own.
    /// </summary>
    public async Task<(IReadOnlyList<PartialProject> Projects, IReadOnlyList<Finding> Findings, IReadOnlyList<AnalyzerFailure> Failures)> AnalyzePartialAsync(
        IReadOnlyList<CapturedCompile> captures, int timedRuns, CancellationToken cancellationToken)
    {
        var loader = new GeneratorLoader();
        var byPath = OnePerProject(captures).ToDictionary(c => c.ProjectPath, StringComparer.Ordinal);
        var compilations = new Dictionary<string, Microsoft.CodeAnalysis.CSharp.CSharpCompilation>(StringComparer.Ordinal);
        var projects = new List<PartialProject>();
        var findings = new List<Finding>();
        var failures = new List<AnalyzerFailure>();
        foreach (var capture in DependenciesFirst(byPath))
        {
            var references = capture.ProjectReferences.Where(compilations.ContainsKey).Select(r => compilations[r]).ToList();
            var (project, error) = TryLoad(capture, references);
            if (project is null)
            {
                log.WriteLine($"  {Relative(capture.ProjectPath)} (findings only) could not be loaded: {error}");
                continue;
            }

            project.RunGenerators(loader, cancellationToken);
            var compilation = project.Compile(project.Parse());
            compilations[capture.ProjectPath] = compilation;
            if (!Selected(project.Name))
            {
                continue;
            }

            var errors = compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var pass = await AnalyzerPass.RunAsync(compilation, analyzers, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false);
            findings.AddRange(pass.Diagnostics.Where(IsMariachi).Select(d => ToFinding(project, d) with { Measured = false }));
            failures.AddRange(pass.Failures.Select(f => f with { Analyzer = $"{project.Name}: {f.Analyzer}" }));
            var counts = pass.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var timing = timedRuns > 0 ? (await MeasureAsync(project, timedRuns, [], [], cancellationToken, errors.Count)).Result : null;
            projects.Add(new PartialProject(Relative(capture.ProjectPath), capture.TargetFramework, project.Files, project.Lines, errors.Count,
                [.. errors.Select(e => $"{e.Id}: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Distinct(StringComparer.Ordinal).Take(3)], counts)
            {
                Timing = timing,
            });
            log.WriteLine($"  {project.Name} (did not build): {project.Files} files, {errors.Count} compile errors, {string.Join(", ", counts.Where(c => c.Key.StartsWith("MAR", StringComparison.Ordinal)).Select(c => $"{c.Key} {c.Value}"))}");
        }

        return (projects, findings, failures);
    }

    /// <summary>Loads a captured project, or says why its files could not be read.</summary>
    private (RealProject? Project, string? Error) TryLoad(CapturedCompile capture, IReadOnlyList<Microsoft.CodeAnalysis.CSharp.CSharpCompilation>? references)
    {
        try
        {
            return (RealProject.Load(capture, extraReferences(capture.TargetFramework), references), null);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or BadImageFormatException)
        {
            return (null, e.Message);
        }
    }

    /// <summary>The captures ordered so that each comes after the captured projects it references.</summary>
    private static List<CapturedCompile> DependenciesFirst(Dictionary<string, CapturedCompile> byPath)
    {
        var ordered = new List<CapturedCompile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in byPath.Keys.Order(StringComparer.Ordinal))
        {
            Visit(path);
        }

        return ordered;

        void Visit(string path)
        {
            if (!byPath.TryGetValue(path, out var capture) || !visited.Add(path))
            {
                return;
            }

            foreach (var reference in capture.ProjectReferences)
            {
                Visit(reference);
            }

            ordered.Add(capture);
        }
    }

    /// <summary>
    /// Best of <paramref name="runs"/>; a compile with errors is an error unless <paramref name="compileErrors"/> says
    /// how many are expected (a partial project, timed apart).
    /// </summary>
    private async Task<(ProjectResult? Result, string? Error)> MeasureAsync(RealProject project, int runs, List<Finding> findings, List<AnalyzerFailure> failures, CancellationToken cancellationToken, int? compileErrors = null)
    {
        var compileMs = double.MaxValue;
        var generatorMs = double.MaxValue;
        var catalogWritten = false;
        var passMs = double.MaxValue;
        var mariachiMs = double.MaxValue;
        var best = analyzers.ToDictionary(a => a.Label, _ => double.MaxValue, StringComparer.Ordinal);
        IReadOnlyDictionary<string, int>? counts = null;
        for (var run = 1; run <= runs; run++)
        {
            var (thisCompileMs, emitErrors, pass) = await MeasureOnceAsync(project, cancellationToken);
            if (emitErrors.Count > 0 && compileErrors is null)
            {
                return (null, $"does not compile in the bench ({emitErrors.Count} errors): {string.Join(" | ", emitErrors.Take(3))}");
            }

            compileMs = Math.Min(compileMs, thisCompileMs);
            passMs = Math.Min(passMs, pass.WallMs);
            foreach (var analyzer in analyzers)
            {
                best[analyzer.Label] = Math.Min(best[analyzer.Label], pass.AnalyzerMs[analyzer.Label]);
            }

            var thisMariachiMs = analyzers.Where(a => a.IsMariachi).Sum(a => pass.AnalyzerMs[a.Label]);
            mariachiMs = Math.Min(mariachiMs, thisMariachiMs);
            var thisGeneratorMs = GeneratorTiming.Run(generators, project.Compile(project.Parse()), cancellationToken, result => catalogWritten = result.GeneratedTrees.Length > 0);
            generatorMs = Math.Min(generatorMs, thisGeneratorMs);
            if (counts is null)
            {
                counts = pass.Diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                findings.AddRange(pass.Diagnostics.Where(IsMariachi).Select(d => ToFinding(project, d)));
                failures.AddRange(pass.Failures.Select(f => f with { Analyzer = $"{project.Name}: {f.Analyzer}" }));
            }

            log.WriteLine(
                $"  {project.Name} ({project.Files} files) run {run}/{runs}: compile {thisCompileMs:0} ms, analysis pass {pass.WallMs:0} ms; " +
                $"Mariachi {thisMariachiMs:0.0} ms, catalog generator {thisGeneratorMs:0.0} ms, CA2016 {Group(pass.AnalyzerMs, AnalyzerSet.Ca2016):0.0} ms, RS0030 {Group(pass.AnalyzerMs, AnalyzerSet.Rs0030):0.0} ms; pass {pass.Gc}");
        }

        return (new ProjectResult(
            Relative(project.Capture.ProjectPath), project.Capture.TargetFramework, project.Files, project.Lines, project.GeneratedFiles,
            compileMs, passMs, mariachiMs, best, counts!)
        {
            GeneratorMs = generators.Count == 0 ? 0 : generatorMs,
            CatalogWritten = catalogWritten,
            CompileErrors = compileErrors ?? 0,
        }, null);
    }

    /// <summary>One compile without analyzers (timed from parse to the end of Emit) and one analyzer pass on a fresh compilation.</summary>
    private async Task<(double CompileMs, IReadOnlyList<Diagnostic> Errors, AnalyzerPassResult Pass)> MeasureOnceAsync(RealProject project, CancellationToken cancellationToken)
    {
        AnalyzerPass.Settle();
        var watch = Stopwatch.StartNew();
        var emit = project.Emit(project.Compile(project.Parse()), cancellationToken);
        watch.Stop();
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var pass = await AnalyzerPass.RunAsync(project.Compile(project.Parse()), analyzers, project.AnalyzerOptions, cancellationToken).ConfigureAwait(false);
        return (watch.Elapsed.TotalMilliseconds, errors, pass);
    }

    private bool IsMariachi(Diagnostic diagnostic) => analyzers.Any(a => a.IsMariachi && a.Ids.Contains(diagnostic.Id));

    private Finding ToFinding(RealProject project, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new Finding(diagnostic.Id, project.Name, span.Path is { Length: > 0 } path ? Relative(path) : string.Empty, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private double Group(IReadOnlyDictionary<string, double> times, string group) => analyzers.Where(a => a.Group == group).Sum(a => times[a.Label]);

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>One compile per project: a multi-targeting project is measured for its newest target framework.</summary>
    private static IEnumerable<CapturedCompile> OnePerProject(IReadOnlyList<CapturedCompile> captures) =>
        captures
            .GroupBy(c => c.ProjectPath, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => FrameworkVersion(c.TargetFramework)).ThenBy(c => c.TargetFramework, StringComparer.Ordinal).First());

    /// <summary>The version of a netX.Y target framework (0.0 for any other).</summary>
    public static Version FrameworkVersion(string tfm) =>
        tfm.StartsWith("net", StringComparison.Ordinal) && Version.TryParse(new string([.. tfm[3..].TakeWhile(c => char.IsDigit(c) || c == '.')]), out var v) ? v : new Version(0, 0);
}
