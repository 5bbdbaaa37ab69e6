using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Cli.Analysis;

/// <summary>
/// Runs every Mariachi analyzer on each project's compilation (generators included) with the project's own
/// analyzer options (.editorconfig, .globalconfig, additional files) and its severity settings, as a build would.
/// </summary>
internal static class ProjectAnalyzer
{
    /// <summary>The Mariachi diagnostics of each project, keyed by project id; projects run in parallel.</summary>
    public static async Task<IReadOnlyDictionary<ProjectId, ProjectDiagnostics>> AnalyzeAsync(
        Solution solution, IReadOnlyList<ProjectId> projects, IProgressDisplay progress, CancellationToken cancellationToken)
    {
        var results = new ConcurrentDictionary<ProjectId, ProjectDiagnostics>();
        var done = 0;
        await Parallel.ForEachAsync(
            projects,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                var project = solution.GetProject(id)!;
                progress.Analyzing(project.Name, Volatile.Read(ref done), projects.Count, finished: false);
                results[id] = await AnalyzeAsync(project, token);
                progress.Analyzing(project.Name, Interlocked.Increment(ref done), projects.Count, finished: true);
            });
        return results;
    }

    private static async Task<ProjectDiagnostics> AnalyzeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken);
        if (compilation is null)
        {
            return new ProjectDiagnostics(project, null, []);
        }

        if (Environment.GetEnvironmentVariable("MARIACHI_DEBUG") == "1")
        {
            foreach (var error in compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Take(10))
            {
                Console.Error.WriteLine($"{project.Name}: {error}");
            }
        }

        var crashes = new ConcurrentBag<Diagnostic>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            (exception, analyzer, diagnostic) => crashes.Add(diagnostic),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(MariachiAnalyzerReferences.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return new ProjectDiagnostics(project, compilation, [.. diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden), .. crashes]);
    }
}

/// <summary>One project's compilation (null when it has none) and the Mariachi diagnostics reported on it.</summary>
internal sealed record ProjectDiagnostics(Project Project, Compilation? Compilation, ImmutableArray<Diagnostic> Diagnostics);
