using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Rules;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0011: writes the proposed name where the constant is declared: the string literal passed, or the literal
/// that initializes the <c>const</c> (field or local, through a chain of consts, in any document) it comes from.
/// No fix when there is no proposal, or when the name is built (concatenation, interpolation, <c>nameof</c>) or
/// declared in metadata.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidProcedureOrEventNameCodeFix))]
[Shared]
public sealed class InvalidProcedureOrEventNameCodeFix : LiteralRewriteCodeFixProvider
{
    private const int MaxDepth = 8;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidProcedureOrEventName);

    protected override string FixAllTitle => "Use the proposed names";

    protected override string EquivalenceKey => DiagnosticIds.InvalidProcedureOrEventName + ":proposal";

    protected override string Title(string newValue) => string.Format(CultureInfo.InvariantCulture, "Use name '{0}'", newValue);

    protected override async Task<(Location Literal, string Value)?> FindEditAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is { } target
            ? (target.Literal.GetLocation(), target.Proposal)
            : null;

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
