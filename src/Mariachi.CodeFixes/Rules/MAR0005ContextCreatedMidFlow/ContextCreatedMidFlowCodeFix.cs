using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;

namespace Mariachi.CodeFixes;

/// <summary>MAR0005: replaces the new Context with the one in scope (one action per candidate, innermost first).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContextCreatedMidFlowCodeFix))]
[Shared]
public sealed class ContextCreatedMidFlowCodeFix : EditorCodeFixProvider
{
    private const string Title = "Use Context '{0}'";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ContextCreatedMidFlow);

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var found = await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return found is null
            ? new FixOption[0]
            : ContextFixOptions.For(DiagnosticIds.ContextCreatedMidFlow, found.Value.Candidates, Title);
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var found = await FindAsync(editor.OriginalDocument, diagnostic, cancellationToken).ConfigureAwait(false);
        if (found is null
            || ContextFixOptions.Choose(DiagnosticIds.ContextCreatedMidFlow, found.Value.Candidates, equivalenceKey) is not { } chosen)
        {
            return;
        }

        editor.ReplaceNode(found.Value.Node, (current, _) => SyntaxFactory.IdentifierName(chosen.Name).WithTriviaFrom(current));
    }

    private static async Task<(SyntaxNode Node, ImmutableArray<ContextCandidate> Candidates)?> FindAsync(
        Document document,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var symbols = KnownSymbols.Create(model.Compilation);
        var operation = model.GetOperation(node, cancellationToken);
        if (operation is null || !ContextCreation.IsNewFlow(operation, symbols))
        {
            return null;
        }

        return (node, ContextCreation.Competitors(operation, symbols));
    }
}
