using System.Diagnostics;
using Mariachi.Cli.Analysis.SolutionWide;
using Mariachi.Cli.Baselines;
using Mariachi.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Analysis;

/// <summary>
/// A whole `mariachi check`: load, analyze every project, add the solution-wide checks, and sort the findings.
/// `baseline` and `check --baseline` start from the same <see cref="CheckResult"/>.
/// </summary>
internal static class SolutionCheck
{
    public static async Task<CheckResult> RunAsync(SolutionPath path, CheckSettings settings, IProgressDisplay progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var loaded = await SolutionLoader.LoadAsync(path, settings.Restore, progress, cancellationToken);
        var analyzed = await ProjectAnalyzer.AnalyzeAsync(loaded.Solution, loaded.AllFrameworks, progress, cancellationToken);
        var findings = new List<Finding>();
        foreach (var file in loaded.AllFrameworks.Select(id => analyzed[id]).GroupBy(a => a.Project.FilePath))
        {
            findings.AddRange(TargetFrameworkFindings.Merge([.. file.Select(a => (a.Project, a.Diagnostics.Select(d => Finding.From(d, a.Project))))]));
        }

        // What the build reports stays as it is; a solution-wide finding at the same place and rule is not repeated.
        // The solution-wide checks see one target framework of each project, so a name it registers counts once.
        var reported = findings.Select(f => (f.Id, f.FilePath, f.Line, f.Column)).ToHashSet();
        var solutionWide = await SolutionWideChecks.RunAsync(loaded.Solution, loaded.Projects.Select(id => analyzed[id]), cancellationToken);
        findings.AddRange(solutionWide.Select(e => Finding.From(e.Diagnostic, e.Project)).Where(f => !reported.Contains((f.Id, f.FilePath, f.Line, f.Column))));

        progress.Done();
        return new CheckResult(
            path.Display,
            path.BaseDirectory(),
            findings.Distinct().Order(Finding.Order).ToList(),
            loaded.Projects.Select(p => Finding.ProjectName(loaded.Solution.GetProject(p)!)).Order(StringComparer.Ordinal).ToList(),
            loaded.Failures,
            loaded.Warnings,
            clock.Elapsed)
        {
            Baselines = ProjectBaselines.Find(loaded),
        };
    }
}
