using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies a code fix the way <c>dotnet format analyzers</c> does (SolutionCodeFixApplier in dotnet/sdk): only the
/// FIRST diagnostic of the id is asked for its actions, and FixAll runs over the scope with the first action's
/// equivalence key, or with none when that diagnostic has no fix. (The Testing library's FixAll starts from the first
/// diagnostic that HAS a fix, so it cannot show what happens when the first one has none.)
/// </summary>
internal static class FormatFixAll
{
    /// <summary>
    /// The texts of <paramref name="sources"/> (Test0.cs, Test1.cs...) after the fix, and whether the first diagnostic,
    /// in file and position order, had a fix.
    /// </summary>
    public static async Task<(ImmutableArray<string> Sources, bool FirstHadFix)> ApplyAsync(
        IEnumerable<DiagnosticAnalyzer> analyzers,
        CodeFixProvider fix,
        FixAllScope scope,
        params string[] sources)
    {
        var project = AllCodeFixes.CreateProject(sources);
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers([.. analyzers]).GetAnalyzerDiagnosticsAsync())
            .Where(d => fix.FixableDiagnosticIds.Contains(d.Id))
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        var first = diagnostics[0];
        var document = project.GetDocument(first.Location.SourceTree)!;

        CodeAction? action = null;
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, first, (registered, _) => action ??= registered, CancellationToken.None));
        var context = new FixAllContext(document, fix, scope, action?.EquivalenceKey, [first.Id], new DiagnosticList(diagnostics), CancellationToken.None);
        var fixAll = await fix.GetFixAllProvider()!.GetFixAsync(context);
        var solution = fixAll is null
            ? project.Solution
            : (await fixAll.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;

        var texts = ImmutableArray.CreateBuilder<string>();
        foreach (var id in project.DocumentIds)
        {
            texts.Add((await solution.GetDocument(id)!.GetTextAsync()).ToString());
        }

        return (texts.ToImmutable(), action is not null);
    }
}
