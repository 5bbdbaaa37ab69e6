using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Rules;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0011: writes the proposed name where the constant is declared: the string literal passed, or the literal
/// that initializes the <c>const</c> (field or local, through a chain of consts, in any document) it comes from.
/// No fix when there is no proposal, or when the name is built (concatenation, interpolation, <c>nameof</c>) or
/// declared in metadata.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidProcedureOrEventNameCodeFix))]
[Shared]
public sealed class InvalidProcedureOrEventNameCodeFix : EditorCodeFixProvider
{
    private const string Title = "Use name '{0}'";
    private const string EquivalenceKey = DiagnosticIds.InvalidProcedureOrEventName + ":proposal";
    private const int MaxDepth = 8;

    /// <summary>The literals each editor has rewritten; an entry lives as long as its editor (one fix or FixAll).</summary>
    private static readonly ConditionalWeakTable<DocumentEditor, HashSet<SyntaxNode>> Rewritten = new ConditionalWeakTable<DocumentEditor, HashSet<SyntaxNode>>();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidProcedureOrEventName);

    protected override bool EditsOtherDocuments => true;

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return target is null
            ? new FixOption[0]
            : new[] { new FixOption(string.Format(CultureInfo.InvariantCulture, Title, target.Value.Proposal), EquivalenceKey) };
    }

    /// <summary>A rewrite within the diagnostic's own document (FixAll and single fixes use the solution overload).</summary>
    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey == EquivalenceKey
            && await FindAsync(editor.OriginalDocument, diagnostic, cancellationToken).ConfigureAwait(false) is { } target
            && target.Document.Id == editor.OriginalDocument.Id)
        {
            Rewrite(editor, target.Literal, target.Proposal);
        }
    }

    protected override async Task ApplyAsync(SolutionEditor editor, Document document, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey == EquivalenceKey
            && await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } target)
        {
            Rewrite(await editor.GetDocumentEditorAsync(target.Document.Id, cancellationToken).ConfigureAwait(false), target.Literal, target.Proposal);
        }
    }

    /// <summary>
    /// Once per literal and editor: several diagnostics may name the same const and FixAll applies each of them,
    /// but an editor cannot replace a node it already replaced.
    /// </summary>
    private static void Rewrite(DocumentEditor editor, LiteralExpressionSyntax literal, string proposal)
    {
        var rewritten = Rewritten.GetValue(editor, _ => new HashSet<SyntaxNode>());
        lock (rewritten)
        {
            if (!rewritten.Add(literal))
            {
                return;
            }
        }

        editor.ReplaceNode(
            literal,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(proposal)).WithTriviaFrom(literal));
    }

    /// <summary>The literal to rewrite, its document and the proposal; null when the diagnostic cannot be fixed.</summary>
    private static async Task<(Document Document, LiteralExpressionSyntax Literal, string Proposal)?> FindAsync(
        Document document,
        Diagnostic diagnostic,
        CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(InvalidNames.ProposalProperty, out var proposal) || proposal is null)
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression)
        {
            return null;
        }

        for (var depth = 0; depth <= MaxDepth; depth++)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is LiteralExpressionSyntax literal)
            {
                return literal.IsKind(SyntaxKind.StringLiteralExpression) ? (document, literal, proposal) : null;
            }

            // A const: continue at the literal (or const) that initializes it, in whichever document declares it.
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var symbol = model?.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is not (IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true })
                || symbol.DeclaringSyntaxReferences.Length != 1
                || await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || document.Project.Solution.GetDocument(value.SyntaxTree) is not { } declaring)
            {
                return null;
            }

            document = declaring;
            expression = value;
        }

        return null;
    }
}
