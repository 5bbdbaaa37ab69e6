using System.Globalization;
using System.Text;

namespace Mariachi.Bench.AnalyzerCost.RealCode;

/// <summary>What a real-code run was pointed at and how it built it, for the report's header.</summary>
internal sealed record RealTarget(string Name, string Path, string? Commit, string BuildCommand, IReadOnlyList<BuildFailure> BuildFailures);

/// <summary>The real-code report: the synthetic mode's table summed over the measured projects, per rule and per project, and everything that was not measured.</summary>
internal sealed class RealReport(IReadOnlyList<MeasuredAnalyzer> analyzers, RealTarget target, RealResult result, int runs, string machine)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private IReadOnlyList<ProjectResult> Projects => result.Projects;

    /// <summary>The partial projects timed with <c>--time-partial</c> (compiles with errors), kept apart from <see cref="Projects"/>.</summary>
    private IReadOnlyList<ProjectResult> TimedPartial => [.. result.PartialProjects.Select(p => p.Timing).OfType<ProjectResult>()];

    public double CompileMs => Projects.Sum(p => p.CompileMs);

    public double MariachiMs => Projects.Sum(p => p.MariachiTotalMs);

    /// <summary>The catalog generator summed over the measured projects (each project's best run).</summary>
    public double GeneratorMs => Projects.Sum(p => p.GeneratorMs);

    /// <summary>A rule's (or a group's) time summed over the projects, each project's best run.</summary>
    public double Ms(Func<MeasuredAnalyzer, bool> which) => Ms(Projects, which);

    private double Ms(IReadOnlyList<ProjectResult> projects, Func<MeasuredAnalyzer, bool> which) => projects.Sum(p => analyzers.Where(which).Sum(a => p.AnalyzerMs[a.Label]));

    /// <summary>Per rule id (MAR0004's two analyzers summed), then CA2016 and RS0030, each with its time.</summary>
    public IReadOnlyList<(string Name, double Ms)> Rules() => Rules(Projects);

    private IReadOnlyList<(string Name, double Ms)> Rules(IReadOnlyList<ProjectResult> projects) =>
    [
        .. analyzers.Where(a => a.IsMariachi).GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Ms(projects, a => g.Contains(a)))),
        (AnalyzerSet.Ca2016, Ms(projects, a => a.Group == AnalyzerSet.Ca2016)),
        (AnalyzerSet.Rs0030, Ms(projects, a => a.Group == AnalyzerSet.Rs0030)),
    ];

    public IReadOnlyDictionary<string, int> DiagnosticCounts() => DiagnosticCounts(Projects);

    private static IReadOnlyDictionary<string, int> DiagnosticCounts(IReadOnlyList<ProjectResult> projects) =>
        projects.SelectMany(p => p.DiagnosticCounts)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"<!-- Written by bench/AnalyzerCost --real on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. {machine} -->");
        md.AppendLine();
        md.AppendLine(Invariant, $"**{target.Name}**: `{target.Path}`{(target.Commit is null ? string.Empty : $" at commit `{target.Commit}`")}. Built with `{target.BuildCommand}`; {Projects.Count} projects measured, {result.NotMeasured.Count + target.BuildFailures.Count} not (listed below).");
        md.AppendLine();
        md.AppendLine(Invariant, $"Each project compiled with the references, sources, parse and compilation options and .editorconfig/.globalconfig files of its real build (its csc command line), plus Mariachi.Abstractions; its source generators run once beforehand (their time is excluded; their files are compiled and analyzed). Best of {runs} runs per project, summed over projects, single-threaded (compile: concurrentBuild off; analyzers: concurrentAnalysis off), times in ms. The compile is parse + one Emit (assembly, PDB, reference assembly, XML docs as the build asks). The Mariachi catalog generator is timed on its own fresh compilation after that compilation's references are bound (work the compile shares with the generator, as csc runs it on the compilation it compiles), by the generator driver's own account; it is in the \"+ generator\" figures only.");
        md.AppendLine();
        AppendCostTables(md, Projects);
        md.AppendLine();
        md.AppendLine("Targets of issues 18 and 20:");
        md.AppendLine();
        foreach (var (met, text) in Targets())
        {
            md.AppendLine(Invariant, $"- {(met ? "met" : "**missed**")}: {text}");
        }

        md.AppendLine();
        md.AppendLine("Every analyzer measured (summed over projects, ms):");
        md.AppendLine();
        md.AppendLine("| Analyzer | Reports | ms |");
        md.AppendLine("|---|---|---:|");
        foreach (var a in analyzers)
        {
            md.AppendLine(Invariant, $"| {a.Label} | {a.Reports} | {Projects.Sum(p => p.AnalyzerMs[a.Label]):0.0} |");
        }

        md.AppendLine();
        var counts = DiagnosticCounts();
        md.AppendLine("Diagnostics reported: " + (counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))) + ".");
        md.AppendLine();
        md.AppendLine("Per project:");
        md.AppendLine();
        AppendProjectRows(md, Projects, withErrors: false);

        if (result.PartialProjects.Count > 0)
        {
            var partial = result.PartialProjects;
            md.AppendLine();
            var partialCounts = string.Join(", ", partial.SelectMany(p => p.DiagnosticCounts).Where(c => c.Key.StartsWith("MAR", StringComparison.Ordinal))
                .GroupBy(c => c.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(c => c.Value)}"));
            var timed = TimedPartial.Count > 0 ? "timed apart below (`--time-partial`)" : "not timed (`--partial`)";
            md.AppendLine(Invariant, $"Analyzed for findings, {timed}: {partial.Count} projects that did not build, compiled with the references that resolved (missing packages left out, the other projects' compilations referenced), so with compile errors; their Mariachi findings: {partialCounts}.");
            md.AppendLine();
            md.AppendLine("| Project | TFM | Files | Lines | Compile errors | Mariachi findings | First errors |");
            md.AppendLine("|---|---|---:|---:|---:|---|---|");
            foreach (var p in partial)
            {
                var mariachi = p.DiagnosticCounts.Where(c => c.Key.StartsWith("MAR", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}");
                md.AppendLine(Invariant, $"| {p.Project} | {p.TargetFramework} | {p.Files} | {p.Lines} | {p.Errors} | {string.Join(", ", mariachi)} | {Shorten(string.Join(" / ", p.FirstErrors))} |");
            }
        }

        if (TimedPartial.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"**Projects that did not build, timed apart (`--time-partial`)**: {TimedPartial.Count} projects, {TimedPartial.Sum(p => p.CompileErrors)} compile errors in all (unresolved packages). Measured as the built projects are (best of {runs} runs), but their compiles have errors: the Emit binds and checks every method body and stops before writing the assembly, and the binder gives up on what the missing references would declare, so these figures are indicative of the rules' share on real-size code, not a build's. Never summed with the table above.");
            md.AppendLine();
            AppendCostTables(md, TimedPartial);
            md.AppendLine();
            md.AppendLine("Per project (timed apart, with compile errors):");
            md.AppendLine();
            AppendProjectRows(md, TimedPartial, withErrors: true);
        }

        md.AppendLine();
        md.AppendLine("Not measured:");
        md.AppendLine();
        if (target.BuildFailures.Count == 0 && result.NotMeasured.Count == 0)
        {
            md.AppendLine("- none");
        }

        foreach (var failure in target.BuildFailures)
        {
            md.AppendLine(Invariant, $"- {failure.ProjectPath}: the build did not compile it: {string.Join(" | ", failure.Errors.Take(3).Select(Shorten))}{(failure.Errors.Count > 3 ? $" (+{failure.Errors.Count - 3} more)" : string.Empty)}");
        }

        foreach (var skipped in result.NotMeasured)
        {
            md.AppendLine(Invariant, $"- {skipped.Project}: {Shorten(skipped.Reason)}");
        }

        md.AppendLine();
        md.AppendLine(Invariant, $"Source generators loaded: {(result.GeneratorAssemblies.Count == 0 ? "none" : string.Join(", ", result.GeneratorAssemblies.Select(Path.GetFileName)))}. Generator problems: {(result.GeneratorProblems.Count == 0 ? "none" : string.Join("; ", result.GeneratorProblems.Select(Shorten)))}.");
        if (result.CatalogGenerator is { } catalog)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"Mariachi catalog generator: {catalog.TotalMs:0.0} ms over {catalog.Projects} projects (best of {runs} runs each, references bound first; in the \"+ generator\" figures above). Catalog written for: {(catalog.ProjectsWithOutput.Count == 0 ? "none" : string.Join(", ", catalog.ProjectsWithOutput))}.");
        }

        md.AppendLine();
        md.AppendLine(result.AnalyzerFailures.Count == 0
            ? "Analyzer exceptions (AD0001): none."
            : "Analyzer exceptions (AD0001): " + string.Join(Environment.NewLine, result.AnalyzerFailures.Select(f => $"{Environment.NewLine}- {f.Analyzer}:{Environment.NewLine}  ```{Environment.NewLine}  {f.Exception.Replace(Environment.NewLine, Environment.NewLine + "  ", StringComparison.Ordinal)}{Environment.NewLine}  ```")));
        return md.ToString();
    }

    /// <summary>
    /// The summary row and the per-rule table of <paramref name="projects"/>: the rules alone (issue 18's total) and
    /// with the catalog generator (issue 20's total, "generator included").
    /// </summary>
    private void AppendCostTables(StringBuilder md, IReadOnlyList<ProjectResult> projects)
    {
        var compile = projects.Sum(p => p.CompileMs);
        var rules = projects.Sum(p => p.MariachiTotalMs);
        var generator = projects.Sum(p => p.GeneratorMs);
        var ca2016 = Ms(projects, a => a.Group == AnalyzerSet.Ca2016);
        md.AppendLine("| Projects | Files | Lines | Generated files | Compile, no analyzers | Mariachi, all rules | Share of compile | Catalog generator | Mariachi, all rules + generator | Share of compile | CA2016 | RS0030 | Analysis pass (wall, all analyzers, incl. binding) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant,
            $"| {projects.Count} | {projects.Sum(p => p.Files)} | {projects.Sum(p => p.Lines)} | {projects.Sum(p => p.GeneratedFiles)} | {compile:0} | {rules:0.0} | {Share(rules, compile):0.00}% | {generator:0.0} | {rules + generator:0.0} | {Share(rules + generator, compile):0.00}% | {ca2016:0.0} | {Ms(projects, a => a.Group == AnalyzerSet.Rs0030):0.0} | {projects.Sum(p => p.AnalysisPassMs):0} |");
        md.AppendLine();
        md.AppendLine("| Rule | ms | Share of compile | x CA2016 | Diagnostics |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        var counts = DiagnosticCounts(projects);
        foreach (var (name, ms) in Rules(projects))
        {
            var reported = name.Split('+').Sum(id => counts.GetValueOrDefault(id));
            md.AppendLine(Invariant, $"| {name} | {ms:0.0} | {Share(ms, compile):0.00}% | {Ratio(ms, ca2016):0.00} | {reported} |");
        }

        var findings = counts.Where(c => c.Key.StartsWith("MAR", StringComparison.Ordinal)).Sum(c => c.Value);
        md.AppendLine(Invariant, $"| **Mariachi, all rules** | {rules:0.0} | {Share(rules, compile):0.00}% | {Ratio(rules, ca2016):0.00} | {findings} |");
        md.AppendLine(Invariant, $"| catalog generator | {generator:0.0} | {Share(generator, compile):0.00}% | {Ratio(generator, ca2016):0.00} | |");
        md.AppendLine(Invariant, $"| **Mariachi, all rules + catalog generator** | {rules + generator:0.0} | {Share(rules + generator, compile):0.00}% | {Ratio(rules + generator, ca2016):0.00} | {findings} |");
    }

    /// <summary>One row per project: its compile, rules, generator and the reference analyzers (and its compile errors when timed apart).</summary>
    private void AppendProjectRows(StringBuilder md, IReadOnlyList<ProjectResult> projects, bool withErrors)
    {
        var errorsHeader = withErrors ? " Compile errors |" : string.Empty;
        md.AppendLine($"| Project | TFM | Files | Lines | Generated |{errorsHeader} Compile | Mariachi | Catalog generator | CA2016 | RS0030 | Mariachi findings |");
        md.AppendLine($"|---|---|---:|---:|---:|{(withErrors ? "---:|" : string.Empty)}---:|---:|---:|---:|---:|---|");
        foreach (var p in projects)
        {
            var mariachi = p.DiagnosticCounts.Where(c => c.Key.StartsWith("MAR", StringComparison.Ordinal)).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}");
            var errors = withErrors ? string.Create(Invariant, $" {p.CompileErrors} |") : string.Empty;
            md.AppendLine(Invariant,
                $"| {p.Project} | {p.TargetFramework} | {p.Files} | {p.Lines} | {p.GeneratedFiles} |{errors} {p.CompileMs:0} | {p.MariachiTotalMs:0.0} | {p.GeneratorMs:0.0} | {analyzers.Where(a => a.Group == AnalyzerSet.Ca2016).Sum(a => p.AnalyzerMs[a.Label]):0.0} | {analyzers.Where(a => a.Group == AnalyzerSet.Rs0030).Sum(a => p.AnalyzerMs[a.Label]):0.0} | {string.Join(", ", mariachi)} |");
        }
    }

    /// <summary>
    /// The cost targets on this code: all rules at most 1% of the compile (issue 18), the same with the catalog
    /// generator included (issue 20), MAR0003 cheaper than CA2016, MAR0001 no costlier.
    /// </summary>
    public IReadOnlyList<(bool Met, string Text)> Targets()
    {
        var ca2016 = Ms(a => a.Group == AnalyzerSet.Ca2016);
        var rules = Rules().ToDictionary(r => r.Name, r => r.Ms, StringComparer.Ordinal);
        var mar0003 = rules.GetValueOrDefault("MAR0003");
        var mar0001 = rules.GetValueOrDefault("MAR0001");
        var withGenerator = MariachiMs + GeneratorMs;
        return
        [
            (Share(MariachiMs) <= 1.0, string.Create(Invariant, $"all Mariachi rules together at most 1% of the no-analyzer compile (issue 18): {MariachiMs:0.0} ms of {CompileMs:0} ms = {Share(MariachiMs):0.00}%")),
            (Share(withGenerator) <= 1.0, string.Create(Invariant, $"all Mariachi rules together, catalog generator included, at most 1% of the no-analyzer compile (issue 20): {MariachiMs:0.0} + {GeneratorMs:0.0} ms of {CompileMs:0} ms = {Share(withGenerator):0.00}%")),
            (mar0003 < ca2016, string.Create(Invariant, $"MAR0003 cheaper than CA2016: {mar0003:0.0} vs {ca2016:0.0} ms")),
            (mar0001 <= ca2016, string.Create(Invariant, $"MAR0001 no costlier than CA2016: {mar0001:0.0} vs {ca2016:0.0} ms")),
        ];
    }

    /// <summary>The figures and findings as data, for docs/benchmarks and the hand review.</summary>
    public object Json() => new
    {
        machine,
        target,
        runs,
        totals = new
        {
            projects = Projects.Count,
            files = Projects.Sum(p => p.Files),
            lines = Projects.Sum(p => p.Lines),
            generatedFiles = Projects.Sum(p => p.GeneratedFiles),
            compileMs = CompileMs,
            mariachiMs = MariachiMs,
            sharePercent = Share(MariachiMs),
            catalogGeneratorMs = GeneratorMs,
            mariachiWithGeneratorMs = MariachiMs + GeneratorMs,
            sharePercentWithGenerator = Share(MariachiMs + GeneratorMs),
            rules = Rules().ToDictionary(r => r.Name, r => r.Ms, StringComparer.Ordinal),
            diagnostics = DiagnosticCounts(),
        },
        targets = Targets().Select(t => new { t.Met, t.Text }),
        projects = Projects,
        notMeasured = result.NotMeasured,
        partialProjects = result.PartialProjects,
        result.GeneratorAssemblies,
        result.GeneratorProblems,
        result.CatalogGenerator,
        result.AnalyzerFailures,
        findings = result.Findings,
    };

    private double Share(double ms) => Share(ms, CompileMs);

    private static double Share(double ms, double compileMs) => compileMs > 0 ? 100 * ms / compileMs : 0;

    private static double Ratio(double ms, double ca2016) => ca2016 > 0 ? ms / ca2016 : double.NaN;

    private static string Shorten(string text) => (text.Length > 300 ? text[..300] + "…" : text).Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
