using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Infrastructure;

/// <summary>
/// Offers and applies every Mariachi code fix, one diagnostic at a time and as FixAll in the document, the way an IDE
/// or <c>dotnet format</c> would, and collects what they throw.
/// </summary>
internal static class AllCodeFixes
{
    /// <summary>A one-document project referencing what <see cref="AllAnalyzers.EmptyCompilation"/> references.</summary>
    public static Document CreateDocument(string text) => CreateProject(text).Documents.Single();

    /// <summary>
    /// A project with one document per text (Test0.cs, Test1.cs... under /0/, in that order) referencing what
    /// <see cref="AllAnalyzers.EmptyCompilation"/> references.
    /// </summary>
    public static Project CreateProject(params string[] texts)
    {
        var workspace = new AdhocWorkspace();
        var compilation = AllAnalyzers.EmptyCompilation();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "UnderTest",
            "UnderTest",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: CSharpParseOptions.Default,
            metadataReferences: compilation.References));
        var solution = project.Solution;
        for (var i = 0; i < texts.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), $"Test{i}.cs", SourceText.From(texts[i]), filePath: $"/0/Test{i}.cs");
        }

        return solution.GetProject(project.Id)!;
    }

    /// <summary>
    /// What the fixes for <paramref name="document"/>'s Mariachi diagnostics threw, each fix alone and each FixAll, and
    /// how many fixes were applied.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Exceptions, int Applied)> ApplyAllAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var (diagnostics, _) = await AllAnalyzers.AnalyzeAsync(compilation, concurrentAnalysis: false);
        var fixable = diagnostics.Where(d => d.Id.StartsWith("MAR", StringComparison.Ordinal) && d.Location.IsInSource).ToImmutableArray();
        var exceptions = new List<string>();
        var applied = 0;
        foreach (var provider in Shipped.CodeFixes)
        {
            var mine = fixable.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();

            // No key too: dotnet format runs FixAll without one when the first diagnostic has no fix.
            var keys = new HashSet<string?>(StringComparer.Ordinal);
            if (!mine.IsEmpty)
            {
                keys.Add(null);
            }

            foreach (var diagnostic in mine)
            {
                await Catch(exceptions, $"{provider.GetType().Name} on {diagnostic}", async () =>
                {
                    var actions = new List<CodeAction>();
                    await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                    foreach (var action in actions)
                    {
                        keys.Add(action.EquivalenceKey);
                        await action.GetOperationsAsync(CancellationToken.None);
                        applied++;
                    }
                });
            }

            foreach (var key in keys)
            {
                await Catch(exceptions, $"{provider.GetType().Name} FixAll '{key ?? "(no key)"}'", async () =>
                {
                    var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, new DiagnosticList(mine), CancellationToken.None);
                    if (await provider.GetFixAllProvider()!.GetFixAsync(context) is { } fixAll)
                    {
                        await fixAll.GetOperationsAsync(CancellationToken.None);
                        applied++;
                    }
                });
            }
        }

        return (exceptions, applied);
    }

    private static async Task Catch(List<string> exceptions, string what, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception exception)
        {
            exceptions.Add($"{what}: {exception}");
        }
    }
}
