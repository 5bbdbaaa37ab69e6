using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0008: (a) moves the Context parameter first, (b) inserts <c>Context context</c> first, in every declaration of
/// the member's family and at every call site of the solution (see <see cref="ContextFirstPlanner"/>). FixAll fixes
/// every diagnostic of its scope in one solution change, so operations that call each other get their Contexts
/// together.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContextNotFirstCodeFix))]
[Shared]
public sealed class ContextNotFirstCodeFix : CodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.ContextNotFirst + ".ContextFirst";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ContextNotFirst);

    public override FixAllProvider GetFixAllProvider() => ContextFirstFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var target = await ContextFirstPlanner.PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (target is null || ContextFirstPlanner.Select(new[] { target }).Count == 0)
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(
                    target.Move ? "Move the Context first" : "Take the Context first",
                    cancellationToken => ContextFirstEdits.ApplyAsync(solution, new[] { target }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>FixAll as one solution change over every diagnostic of the scope (document, project or solution).</summary>
    private sealed class ContextFirstFixAll : FixAllProvider
    {
        public static readonly ContextFirstFixAll Instance = new ContextFirstFixAll();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(
                "Take the Context first everywhere",
                cancellationToken => FixAllAsync(fixAllContext, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey));

        private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var solution = context.Solution;
            var diagnostics = new List<(Document Document, Diagnostic Diagnostic)>();
            foreach (var project in Projects(context))
            {
                var found = context.Scope == FixAllScope.Document && context.Document is { } only
                    ? await context.GetDocumentDiagnosticsAsync(only).ConfigureAwait(false)
                    : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var diagnostic in found)
                {
                    if (diagnostic.Location.SourceTree is { } tree && solution.GetDocument(tree) is { } document)
                    {
                        diagnostics.Add((document, diagnostic));
                    }
                }
            }

            var targets = new List<ContextFirstTarget>();
            var declared = new HashSet<SourceSpot>();
            foreach (var (document, diagnostic) in diagnostics.OrderBy(d => d.Diagnostic.Location.SourceTree!.FilePath).ThenBy(d => d.Diagnostic.Location.SourceSpan.Start))
            {
                var target = await ContextFirstPlanner.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);

                // Two diagnostics of one family (an interface reported once, its implementation in another
                // compilation) are one target: the first declaration decides.
                if (target is not null && !target.DeclarationSpots.Any(declared.Contains))
                {
                    declared.UnionWith(target.DeclarationSpots);
                    targets.Add(target);
                }
            }

            var kept = ContextFirstPlanner.Select(targets);
            return kept.Count == 0 ? solution : await ContextFirstEdits.ApplyAsync(solution, kept, cancellationToken).ConfigureAwait(false);
        }

        private static IEnumerable<Project> Projects(FixAllContext context) => context.Scope switch
        {
            FixAllScope.Solution => context.Solution.Projects,
            _ => new[] { context.Project },
        };
    }
}
