using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Cli.Fixing;

/// <summary>
/// Applies every available Mariachi code fix to a solution through each fix's own FixAllProvider, the code actions
/// the IDE runs, chosen as <c>dotnet format analyzers</c> chooses them: the first diagnostic's preferred action
/// sets the equivalence key (none when that diagnostic has no fix, and then each diagnostic gets its own
/// preferred fix). A fix can leave or uncover findings of another rule, so passes repeat until nothing changes.
/// </summary>
internal static class SolutionFixer
{
    private const int MaxPasses = 3;

    /// <param name="projects">The projects whose findings are fixed (a fix may still edit other documents of the solution).</param>
    /// <param name="ruleIds">The rules to fix; empty for every rule that has a fix.</param>
    public static async Task<FixOutcome> FixAsync(
        Solution solution,
        IReadOnlyList<ProjectId> projects,
        IReadOnlyCollection<string> ruleIds,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken)
    {
        var wanted = ruleIds.Count == 0 ? null : ruleIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Requested(string id) => wanted is null || wanted.Contains(id);
        var fixers = MariachiCodeFixes.All.Where(f => f.FixableDiagnosticIds.Any(Requested)).ToList();

        var scope = projects.ToHashSet();
        var original = solution;
        var before = await FindingsAsync(original, projects, new FixDiagnostics(analyzers, scope), Requested, cancellationToken);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var changedInPass = false;
            foreach (var fixer in fixers)
            {
                foreach (var id in fixer.FixableDiagnosticIds.Where(Requested).Order(StringComparer.Ordinal))
                {
                    var next = await FixAllAsync(solution, projects, fixer, id, new FixDiagnostics(analyzers, scope), cancellationToken);
                    if (next is not null && next != solution)
                    {
                        solution = next;
                        changedInPass = true;
                    }
                }
            }

            if (!changedInPass)
            {
                break;
            }
        }

        var after = await FindingsAsync(solution, projects, new FixDiagnostics(analyzers, scope), Requested, cancellationToken);
        var fixedCounts = before.GroupBy(d => d.Id)
            .Select(g => (g.Key, Count: g.Count() - after.Count(d => d.Id == g.Key)))
            .Where(x => x.Count > 0)
            .ToDictionary(x => x.Key, x => x.Count, StringComparer.Ordinal);
        return new FixOutcome(solution, await ChangesAsync(original, solution, scope, cancellationToken), fixedCounts, after);
    }

    /// <summary>One FixAll of <paramref name="id"/> over the solution; null when there is nothing to fix.</summary>
    private static async Task<Solution?> FixAllAsync(
        Solution solution, IReadOnlyList<ProjectId> projects, CodeFixProvider fixer, string id, FixDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        if (fixer.GetFixAllProvider() is not { } fixAll)
        {
            return null;
        }

        foreach (var projectId in projects)
        {
            var project = solution.GetProject(projectId)!;
            var first = (await diagnostics.OfProjectAsync(project, cancellationToken))
                .Where(d => d.Id == id && d.Location.IsInSource)
                .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .FirstOrDefault();
            if (first is null || solution.GetDocument(first.Location.SourceTree) is not { } document)
            {
                continue;
            }

            var key = await PreferredKeyAsync(fixer, document, first, cancellationToken);
            var fixAllScope = fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Solution) ? FixAllScope.Solution : FixAllScope.Project;
            var context = new FixAllContext(document, fixer, fixAllScope, key, [id], diagnostics, cancellationToken);
            var action = await fixAll.GetFixAsync(context);
            if (action is null)
            {
                continue;
            }

            var operations = await action.GetOperationsAsync(cancellationToken);
            var applied = operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution;
            if (applied is not null)
            {
                // A solution-wide FixAll covered every project; the others are fixed on the next snapshot's diagnostics.
                return applied;
            }
        }

        return null;
    }

    private static async Task<string?> PreferredKeyAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
        return actions.FirstOrDefault()?.EquivalenceKey;
    }

    private static async Task<List<Diagnostic>> FindingsAsync(
        Solution solution, IReadOnlyList<ProjectId> projects, FixDiagnostics diagnostics, Func<string, bool> requested, CancellationToken cancellationToken)
    {
        var result = new List<Diagnostic>();
        foreach (var id in projects)
        {
            result.AddRange((await diagnostics.OfProjectAsync(solution.GetProject(id)!, cancellationToken)).Where(d => requested(d.Id)));
        }

        return result
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The changed documents of the projects being fixed; nothing outside them is ever written.</summary>
    private static async Task<IReadOnlyList<ChangedDocument>> ChangesAsync(Solution original, Solution solution, IReadOnlySet<ProjectId> scope, CancellationToken cancellationToken)
    {
        var result = new List<ChangedDocument>();
        foreach (var project in solution.GetChanges(original).GetProjectChanges().Where(p => scope.Contains(p.ProjectId)))
        {
            foreach (var id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var oldText = await original.GetDocument(id)!.GetTextAsync(cancellationToken);
                var newText = await solution.GetDocument(id)!.GetTextAsync(cancellationToken);
                var lines = newText.GetTextChanges(oldText).Sum(change => LinesOf(oldText, change.Span));
                result.Add(new ChangedDocument(id, solution.GetDocument(id)!.FilePath ?? solution.GetDocument(id)!.Name, Math.Max(1, lines)));
            }
        }

        return result.OrderBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    private static int LinesOf(SourceText text, TextSpan span)
    {
        var lines = text.Lines.GetLinePositionSpan(span);
        return lines.End.Line - lines.Start.Line + 1;
    }
}
