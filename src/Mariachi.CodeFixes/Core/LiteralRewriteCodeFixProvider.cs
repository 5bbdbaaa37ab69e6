using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.CodeFixes.Core;

/// <summary>
/// The base of the fixes that rewrite a string literal where a name is declared, which may be another document
/// than the diagnostic's (the <c>const</c> or the <c>Procedure</c> handle a call reads): <see cref="FindEditAsync"/>
/// gives the literal and its new text (by default the diagnostic's one additional location and
/// <see cref="NewValue"/>). Single fixes and FixAll (document, project, solution) edit the solution; FixAll rewrites
/// each literal once however many diagnostics share it. The per-document <see cref="EditorCodeFixProvider"/> cannot
/// edit another document.
/// </summary>
public abstract class LiteralRewriteCodeFixProvider : CodeFixProvider
{
    /// <summary>The title of a single fix.</summary>
    protected abstract string Title(string newValue);

    /// <summary>The title of FixAll.</summary>
    protected abstract string FixAllTitle { get; }

    /// <summary>The one equivalence key of the fix.</summary>
    protected abstract string EquivalenceKey { get; }

    /// <summary>The literal's new value for <paramref name="diagnostic"/>, or null when it has none (for the default <see cref="FindEditAsync"/>).</summary>
    protected virtual string? NewValue(Diagnostic diagnostic) => null;

    /// <summary>
    /// The string literal to rewrite for <paramref name="diagnostic"/> (reported in <paramref name="document"/>) and
    /// its new value; null when the diagnostic cannot be fixed. By default the diagnostic's one additional location.
    /// </summary>
    protected virtual Task<(Location Literal, string Value)?> FindEditAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Task.FromResult(
            diagnostic.AdditionalLocations.Count == 1
            && diagnostic.AdditionalLocations[0].IsInSource
            && NewValue(diagnostic) is { } value
                ? ((Location, string)?)(diagnostic.AdditionalLocations[0], value)
                : null);

    public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await FindEditAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } edit)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title(edit.Value), cancellationToken => ApplyAsync(solution, new[] { edit }, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<(Location Literal, string Value)> edits, CancellationToken cancellationToken)
    {
        foreach (var byFile in edits.GroupBy(e => e.Literal.SourceTree!.FilePath))
        {
            foreach (var documentId in solution.GetDocumentIdsWithFilePath(byFile.Key))
            {
                var document = solution.GetDocument(documentId)!;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    continue;
                }

                var changes = new List<TextChange>();
                foreach (var edit in byFile.GroupBy(e => e.Literal.SourceSpan).Select(g => g.First()))
                {
                    // Only a string literal is rewritten: the document may have changed since the analysis.
                    if (root.FindNode(edit.Literal.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
                        && literal.IsKind(SyntaxKind.StringLiteralExpression)
                        && literal.Span == edit.Literal.SourceSpan)
                    {
                        changes.Add(new TextChange(literal.Span, SymbolDisplay.FormatLiteral(edit.Value, quote: true)));
                    }
                }

                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                solution = solution.WithDocumentText(documentId, text.WithChanges(changes));
            }
        }

        return solution;
    }

    private sealed class FixAll(LiteralRewriteCodeFixProvider owner) : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
        {
            var diagnostics = new List<Diagnostic>();
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is not null:
                    diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                    break;
                case FixAllScope.Project:
                    diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in context.Solution.Projects)
                    {
                        diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
            }

            var solution = context.Solution;
            var edits = new List<(Location Literal, string Value)>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree is { } tree
                    && solution.GetDocument(tree) is { } document
                    && await owner.FindEditAsync(document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } edit)
                {
                    edits.Add(edit);
                }
            }

            return edits.Count == 0
                ? null
                : CodeAction.Create(owner.FixAllTitle, cancellationToken => ApplyAsync(solution, edits, cancellationToken), owner.EquivalenceKey);
        }
    }
}
