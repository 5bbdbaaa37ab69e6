using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0003: passes the Context in scope at the Context parameter's position: switches to the Context overload by
/// inserting the argument, replaces null/default, or adds the omitted optional one (named when the arguments
/// around it require it). One action per candidate, innermost first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ContextNotForwardedCodeFix))]
[Shared]
public sealed class ContextNotForwardedCodeFix : EditorCodeFixProvider
{
    private const string Title = "Pass Context '{0}'";

    /// <summary>One analysis state per compilation, shared by the single fixes and FixAll.</summary>
    private static readonly ConditionalWeakTable<Compilation, ContextForwardingState> States =
        new ConditionalWeakTable<Compilation, ContextForwardingState>();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ContextNotForwarded);

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var finding = await FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return finding is null
            ? new FixOption[0]
            : ContextFixOptions.For(DiagnosticIds.ContextNotForwarded, finding.Candidates, Title);
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var finding = await FindAsync(editor.OriginalDocument, diagnostic, cancellationToken).ConfigureAwait(false);
        if (finding is null
            || ContextFixOptions.Choose(DiagnosticIds.ContextNotForwarded, finding.Candidates, equivalenceKey) is not { } chosen)
        {
            return;
        }

        var edits = finding.Edits;
        var expectedCount = ContextForwarding.ArgumentList(finding.Node)?.Arguments.Count ?? 0;
        editor.ReplaceNode(finding.Node, (current, _) => Apply(current, edits, expectedCount, chosen.Name));
    }

    private static async Task<ContextForwardingFinding?> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var operation = model.GetOperation(node, cancellationToken);
        if (operation is null)
        {
            return null;
        }

        var state = States.GetValue(model.Compilation, compilation => new ContextForwardingState(KnownSymbols.Create(compilation)));
        return state.Symbols.HasMariachi ? ContextForwarding.Analyze(operation, state) : null;
    }

    /// <summary>Applies the edits to the current call (which may already hold the fixes of nested calls).</summary>
    private static SyntaxNode Apply(SyntaxNode current, ImmutableArray<ContextForwardingEdit> edits, int expectedCount, string contextName)
    {
        var list = ContextForwarding.ArgumentList(current) ?? SyntaxFactory.ArgumentList();
        if (list.Arguments.Count != expectedCount)
        {
            return current;
        }

        var contextExpression = SyntaxFactory.IdentifierName(Escape(contextName));
        var arguments = list.Arguments;
        foreach (var edit in edits.Where(e => !e.IsInsert))
        {
            if (edit.ArgumentIndex >= 0 && edit.ArgumentIndex < arguments.Count)
            {
                var argument = arguments[edit.ArgumentIndex];
                arguments = arguments.Replace(argument, argument.WithExpression(contextExpression.WithTriviaFrom(argument.Expression)));
            }
        }

        list = list.WithArguments(arguments);
        var inserts = edits.Where(e => e.IsInsert).ToList();
        foreach (var insert in inserts)
        {
            list = Insert(list, insert, contextExpression, forceNamed: inserts.Count > 1);
        }

        return WithArgumentList(current, list);
    }

    /// <summary>
    /// Inserts the Context for the parameter at <see cref="ContextForwardingEdit.ParameterPosition"/>: positionally
    /// when every earlier parameter has a positional argument, else as a named argument (placed
    /// last, where a named argument is always valid).
    /// </summary>
    private static ArgumentListSyntax Insert(ArgumentListSyntax list, ContextForwardingEdit edit, IdentifierNameSyntax contextExpression, bool forceNamed)
    {
        var arguments = list.Arguments;
        var leadingPositional = 0;
        while (leadingPositional < arguments.Count && arguments[leadingPositional].NameColon is null)
        {
            leadingPositional++;
        }

        var argument = SyntaxFactory.Argument(contextExpression);
        int index;
        if (!forceNamed && leadingPositional >= edit.ParameterPosition)
        {
            index = edit.ParameterPosition;
        }
        else
        {
            argument = argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(Escape(edit.ParameterName))));
            index = arguments.Count;
        }

        return list.WithArguments(InsertArgument(list, index, argument));
    }

    /// <summary>Inserts with a separator laid out like its neighbours (one space, or the line break of a multi-line list).</summary>
    private static SeparatedSyntaxList<ArgumentSyntax> InsertArgument(ArgumentListSyntax list, int index, ArgumentSyntax argument)
    {
        var arguments = list.Arguments;
        if (arguments.Count == 0)
        {
            return SyntaxFactory.SingletonSeparatedList(argument);
        }

        var nodes = arguments.ToList();
        var separators = arguments.GetSeparators().ToList();
        var neighbourIndex = index < nodes.Count ? index : nodes.Count - 1;
        var neighbour = nodes[neighbourIndex];
        var previousBreak = neighbourIndex == 0 || neighbourIndex - 1 >= separators.Count ? list.OpenParenToken : separators[neighbourIndex - 1];
        var separatorTrailing = neighbour.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.WhitespaceTrivia))
            && previousBreak.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
                ? previousBreak.TrailingTrivia
                : SyntaxFactory.TriviaList(SyntaxFactory.Space);
        argument = argument.WithLeadingTrivia(neighbour.GetLeadingTrivia());
        var separator = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrailing);

        if (index >= nodes.Count)
        {
            // Appending: the last argument keeps its trailing trivia before the new comma.
            var last = nodes[nodes.Count - 1];
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            argument = argument.WithTrailingTrivia(last.GetTrailingTrivia());
            nodes.Add(argument);
            separators.Insert(separators.Count, separator);
        }
        else
        {
            nodes.Insert(index, argument);
            separators.Insert(index, separator);
        }

        return SyntaxFactory.SeparatedList(nodes, separators);
    }

    private static SyntaxNode WithArgumentList(SyntaxNode node, ArgumentListSyntax list) => node switch
    {
        InvocationExpressionSyntax invocation => invocation.WithArgumentList(list),
        ObjectCreationExpressionSyntax { ArgumentList: null } creation => creation
            .WithType(creation.Type.WithoutTrailingTrivia())
            .WithArgumentList(list.WithTrailingTrivia(creation.Type.GetTrailingTrivia())),
        ObjectCreationExpressionSyntax creation => creation.WithArgumentList(list),
        ImplicitObjectCreationExpressionSyntax creation => creation.WithArgumentList(list),
        ConstructorInitializerSyntax initializer => initializer.WithArgumentList(list),
        PrimaryConstructorBaseTypeSyntax primary => primary.WithArgumentList(list),
        _ => node,
    };

    private static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
