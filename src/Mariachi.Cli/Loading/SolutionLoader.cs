using Mariachi.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace Mariachi.Cli.Loading;

/// <summary>
/// Loads a <see cref="SolutionPath"/> with MSBuildWorkspace (design-time builds in its BuildHost process): every
/// project's documents, references, analyzer config files and generators. A project MSBuild cannot load is
/// recorded with MSBuild's message, never thrown.
/// </summary>
internal static class SolutionLoader
{
    public static async Task<LoadedSolution> LoadAsync(SolutionPath path, bool restore, IProgressDisplay progress, CancellationToken cancellationToken)
    {
        var failures = new List<LoadFailure>();
        if (restore)
        {
            progress.Loading(path.SolutionFile ?? path.Display, "Restore", null);
            failures.AddRange(await Restore.RunAsync(path, cancellationToken));
        }

        if (MsBuildInstance.Ensure(Path.GetDirectoryName(path.SolutionFile ?? path.ProjectFiles[0])!, out var noSdk) is null && noSdk is not null)
        {
            return new LoadedSolution(path, new AdhocWorkspace().CurrentSolution, [], [], [new LoadFailure(path.Display, noSdk)], []);
        }

        // Design-time builds, run by MSBuildWorkspace's BuildHost in a process of its own.
        using var workspace = MSBuildWorkspace.Create();
        using var _ = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(LoadFailures.FromWorkspace(e.Diagnostic.Message));
                }
            }
        });

        var reporter = new Progress<ProjectLoadProgress>(p => progress.Loading(p.FilePath, p.Operation.ToString(), p.TargetFramework));
        try
        {
            if (path.SolutionFile is not null)
            {
                await workspace.OpenSolutionAsync(path.SolutionFile, reporter, cancellationToken);
            }
            else
            {
                foreach (var project in path.ProjectFiles.Where(p => !workspace.CurrentSolution.Projects.Any(loaded => PathsEqual(loaded.FilePath, p))))
                {
                    await workspace.OpenProjectAsync(project, reporter, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The solution file could not be read or evaluated, or the BuildHost failed: what loaded is checked,
            // the rest is named with the reason (never a stack trace).
            failures.Add(new LoadFailure(path.SolutionFile ?? path.Display, e.Message));
        }

        var solution = MariachiAnalyzerReferences.Prepare(workspace.CurrentSolution);
        var named = path.SolutionFile is { } file ? SolutionProjects.Read(file) : path.ProjectFiles.Select(p => Path.GetFullPath(p)).ToHashSet(StringComparer.Ordinal);
        // A project MSBuild complained about but that loaded with its documents is checked, its complaint a warning.
        var loadedFiles = solution.Projects.Where(p => p.FilePath is not null && p.DocumentIds.Count > 0).Select(p => p.FilePath!).ToHashSet(StringComparer.Ordinal);
        var distinct = LoadFailures.Distinct(failures);
        string FullPath(LoadFailure f) => f.Path.Length == 0 ? "" : Path.GetFullPath(f.Path, path.BaseDirectory());
        // A complaint that names no project (the BuildHost slow to answer) fails the load only when nothing loaded.
        var failed = distinct.Where(f => f.Path.Length == 0 ? loadedFiles.Count == 0 : !loadedFiles.Contains(FullPath(f))).ToList();
        var warnings = distinct.Except(failed).ToList();
        var failedFiles = failed.Select(FullPath).ToHashSet(StringComparer.Ordinal);
        var checkedFiles = CheckedProjects(solution, named, failedFiles);
        return new LoadedSolution(path, solution, [.. checkedFiles.Select(g => g.First().Id)], [.. checkedFiles.SelectMany(g => g.Select(p => p.Id))], failed, warnings);
    }

    /// <summary>
    /// The C# projects PATH names (a solution's, or the project files given; all loaded when the solution file could
    /// not be read), less those that failed to load, grouped by project file: one project per target framework, in
    /// the order of TargetFrameworks. The projects they reference from elsewhere are loaded for their compilations
    /// but not checked.
    /// </summary>
    private static List<IGrouping<string, Project>> CheckedProjects(Solution solution, IReadOnlySet<string>? named, HashSet<string> failed) =>
        solution.Projects
            .Where(p => p.Language == LanguageNames.CSharp && p.FilePath is not null && !failed.Contains(p.FilePath))
            .Where(p => named is null || named.Contains(Path.GetFullPath(p.FilePath!)))
            .GroupBy(p => p.FilePath!, StringComparer.Ordinal)
            .ToList();

    private static bool PathsEqual(string? a, string b) =>
        a is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
