using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace Mariachi.CodeFixes;

/// <summary>
/// Writes the MAR0008 fix of several targets as one solution change: each declaration's parameter list and each
/// call's argument list is edited once, innermost first, so calls nested in calls and calls from a declaration
/// that changes too compose. Moved items keep the layout of the place they move to.
/// </summary>
internal static class ContextFirstEdits
{
    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyCollection<ContextFirstTarget> targets, CancellationToken cancellationToken)
    {
        var edits = new List<(SyntaxNode Node, Func<SyntaxNode, SyntaxGenerator, SyntaxNode> Change)>();
        foreach (var target in targets)
        {
            foreach (var declaration in target.Declarations)
            {
                edits.Add((declaration, target.Move
                    ? (node, _) => MoveParameter((ParameterListSyntax)node, target.ContextIndex)
                    : (node, generator) => InsertParameter((ParameterListSyntax)node, generator.TypeExpression(target.ContextType), target.ParameterName)));
            }

            foreach (var call in target.Calls)
            {
                var index = call.ContextArgument;
                var name = target.Move ? null : ContextFirstPlanner.NameToPass(call, targets);
                edits.Add((call.Arguments, target.Move
                    ? (node, _) => MoveArgument((ArgumentListSyntax)node, index)
                    : (node, _) => InsertArgument((ArgumentListSyntax)node, name!)));
            }
        }

        // Every editor starts from the original solution's document, whose tree the nodes belong to.
        var changed = solution;
        foreach (var group in edits.GroupBy(edit => edit.Node.SyntaxTree))
        {
            var document = solution.GetDocument(group.Key);
            if (document is null)
            {
                continue;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var (node, change) in group.OrderByDescending(e => e.Node.SpanStart).ThenBy(e => e.Node.Span.Length))
            {
                editor.ReplaceNode(node, change);
            }

            changed = changed.WithDocumentSyntaxRoot(document.Id, editor.GetChangedRoot());
        }

        return changed;
    }

    private static ParameterListSyntax MoveParameter(ParameterListSyntax list, int index) =>
        index < list.Parameters.Count ? list.WithParameters(MoveToFront(list.Parameters, index)) : list;

    private static ArgumentListSyntax MoveArgument(ArgumentListSyntax list, int index) =>
        index >= 0 && index < list.Arguments.Count ? list.WithArguments(MoveToFront(list.Arguments, index)) : list;

    private static ParameterListSyntax InsertParameter(ParameterListSyntax list, SyntaxNode context, string name)
    {
        var type = ((TypeSyntax)context)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
            .WithTrailingTrivia(SyntaxFactory.Space);
        return list.WithParameters(InsertFirst(list.Parameters, SyntaxFactory.Parameter(SyntaxFactory.Identifier(name)).WithType(type)));
    }

    private static ArgumentListSyntax InsertArgument(ArgumentListSyntax list, string name) =>
        list.WithArguments(InsertFirst(list.Arguments, SyntaxFactory.Argument(SyntaxFactory.IdentifierName(name))));

    /// <summary>The item at <paramref name="index"/> first, the others after it in their order; each position keeps its trivia.</summary>
    private static SeparatedSyntaxList<T> MoveToFront<T>(SeparatedSyntaxList<T> list, int index)
        where T : SyntaxNode
    {
        var items = list.ToList();
        var moved = items[index];
        items.RemoveAt(index);
        items.Insert(0, moved);
        var placed = items.Select((item, i) => item.WithLeadingTrivia(list[i].GetLeadingTrivia()).WithTrailingTrivia(list[i].GetTrailingTrivia()));
        return SyntaxFactory.SeparatedList(placed, list.GetSeparators());
    }

    /// <summary><paramref name="item"/> first, where the first item was, the list's first separator after it.</summary>
    private static SeparatedSyntaxList<T> InsertFirst<T>(SeparatedSyntaxList<T> list, T item)
        where T : SyntaxNode
    {
        if (list.Count == 0)
        {
            return SyntaxFactory.SingletonSeparatedList(item);
        }

        var first = list[0];
        var separator = list.SeparatorCount > 0
            ? list.GetSeparator(0)
            : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
        var items = new List<T> { item.WithLeadingTrivia(first.GetLeadingTrivia()) };
        items.Add(list.SeparatorCount > 0 ? first : first.WithLeadingTrivia());
        items.AddRange(list.Skip(1));
        var separators = new List<SyntaxToken> { separator };
        separators.AddRange(list.GetSeparators());
        return SyntaxFactory.SeparatedList(items, separators);
    }
}
