using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Cli.Fixing;

/// <summary>
/// The Mariachi diagnostics of one solution snapshot, computed per project once and shared by every FixAll run on
/// that snapshot (a fix's FixAll asks for them by document, by project or for the whole solution). Only the projects
/// being fixed have any: a solution loaded from disk also holds the projects they reference from elsewhere (a
/// library's own source), which a fix must never touch.
/// </summary>
internal sealed class FixDiagnostics(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlySet<ProjectId> scope) : FixAllContext.DiagnosticProvider
{
    private readonly ConcurrentDictionary<ProjectId, Task<ImmutableArray<Diagnostic>>> _byProject = new();

    /// <summary>The project's unsuppressed Mariachi diagnostics in source.</summary>
    public Task<ImmutableArray<Diagnostic>> OfProjectAsync(Project project, CancellationToken cancellationToken) =>
        scope.Contains(project.Id) ? _byProject.GetOrAdd(project.Id, _ => ComputeAsync(project, cancellationToken)) : Task.FromResult(ImmutableArray<Diagnostic>.Empty);

    public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken);
        return (await OfProjectAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
    }

    public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
        (await OfProjectAsync(project, cancellationToken)).Where(d => !d.Location.IsInSource);

    public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
        await OfProjectAsync(project, cancellationToken);

    private async Task<ImmutableArray<Diagnostic>> ComputeAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken);
        if (compilation is null)
        {
            return [];
        }

        var options = new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return [.. diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden && !d.IsSuppressed)];
    }
}
