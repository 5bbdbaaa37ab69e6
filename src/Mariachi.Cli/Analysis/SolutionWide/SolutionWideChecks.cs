using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// The checks no single compilation can make, over every analyzed project at once: MAR0004 across projects,
/// MAR0012/MAR0013 for pure clients, MAR0015. Each project's configuration applies to what is reported in it.
/// </summary>
internal static class SolutionWideChecks
{
    public static async Task<List<(Project Project, Diagnostic Diagnostic)>> RunAsync(
        Solution solution, IEnumerable<ProjectDiagnostics> analyzed, CancellationToken cancellationToken)
    {
        var projects = analyzed.Select(a => ProjectFacts.Read(a, cancellationToken)).OfType<ProjectFacts>().ToList();
        var pending = CrossProjectDuplicates.Find(projects);
        foreach (var (project, diagnostics) in ServicesWithoutTests.Find(projects, solution, cancellationToken))
        {
            if (!pending.TryGetValue(project, out var list))
            {
                pending[project] = list = [];
            }

            list.AddRange(diagnostics);
        }

        var results = new List<(Project, Diagnostic)>();
        foreach (var (project, diagnostics) in pending)
        {
            var kept = await PrecomputedAnalyzer.FilterAsync(project.Compilation, project.Options, diagnostics, cancellationToken);
            results.AddRange(kept.Select(d => (project.Project, d)));
        }

        foreach (var (client, diagnostics) in await PureClientCalls.CheckAsync(projects, cancellationToken))
        {
            results.AddRange(diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => (client.Project, d)));
        }

        return results;
    }
}
