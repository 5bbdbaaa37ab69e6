using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// What the layer rules (MAR0001, MAR0006, MAR0007, MAR0009) read from one syntax tree alone, in one pass, kept with
/// the tree: its minimal-API <c>Map*</c> calls and their name arguments (possible method groups),
/// the lambdas passed to <c>Use</c>/<c>Run</c> and its <c>Register</c> calls. Each rule used to scan and cache the
/// tree on its own; on bitwarden's Core (1,659 files) the four scans and their four cache entries per tree were a
/// sixth of what MAR0001, MAR0006 and MAR0007 spent, most of it walking every node of the files whose text said
/// "Map", "Use(" or "Register" somewhere. Now no tree is walked: the text is searched for each called name as a whole
/// word, and only the token at each hit is looked at (the call it names, if any). A Unicode escape, which can spell a
/// letter of an identifier, has its token looked at too, so a call whose name is written with one is still found.
/// </summary>
internal sealed class LayerSyntax
{
    private static readonly LayerSyntax Empty = new LayerSyntax(
        ImmutableArray<TextSpan>.Empty, ImmutableArray<ArgumentSyntax>.Empty, ImmutableArray<TextSpan>.Empty, ImmutableArray<TextSpan>.Empty);

    private static readonly PerTreeCache<LayerSyntax> PerTree = new PerTreeCache<LayerSyntax>(Scan);

    private static readonly string[] Escapes = { "\\u", "\\U" };

    /// <summary>Every word the scan looks for: a tree that spells none (an EF Core migration) is not copied into a string.</summary>
    private static readonly string[] ScanWords = [.. ControllerCode.MapMethodNames, "Use", "Run", ProcedureModel.RegisterName, .. Escapes];

    private LayerSyntax(
        ImmutableArray<TextSpan> mapCalls,
        ImmutableArray<ArgumentSyntax> mapArguments,
        ImmutableArray<TextSpan> pipelineLambdas,
        ImmutableArray<TextSpan> registerCalls)
    {
        MapCalls = mapCalls;
        MapArguments = mapArguments;
        PipelineLambdas = pipelineLambdas;
        RegisterCalls = registerCalls;
    }

    /// <summary>The spans of the tree's <c>MapGet/MapPost/...</c> invocations (<see cref="ControllerCode.MapMethodNames"/>).</summary>
    public ImmutableArray<TextSpan> MapCalls { get; }

    /// <summary>The arguments of those invocations that are names (possible method groups).</summary>
    public ImmutableArray<ArgumentSyntax> MapArguments { get; }

    /// <summary>The spans of the lambdas written as arguments of <c>Use(...)</c>/<c>Run(...)</c> calls.</summary>
    public ImmutableArray<TextSpan> PipelineLambdas { get; }

    /// <summary>The spans of the tree's calls named <c>Register</c>.</summary>
    public ImmutableArray<TextSpan> RegisterCalls { get; }

    /// <summary>The facts of <paramref name="tree"/>, read on first need and kept while the tree lives.</summary>
    public static LayerSyntax Of(SyntaxTree tree, CancellationToken cancellationToken) => PerTree.Get(tree, cancellationToken);

    /// <summary>True when <paramref name="span"/> contains one of <paramref name="spans"/>.</summary>
    public static bool AnyWithin(ImmutableArray<TextSpan> spans, TextSpan span)
    {
        foreach (var inner in spans)
        {
            if (span.Contains(inner))
            {
                return true;
            }
        }

        return false;
    }

    private static LayerSyntax Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var source = tree.GetText(cancellationToken);
        var text = SourceTextSearch.ContainsAny(source, ScanWords, wholeWords: true, cancellationToken) ? source.ToString() : string.Empty;
        var calls = new Dictionary<TextSpan, InvocationExpressionSyntax>();
        foreach (var word in ControllerCode.MapMethodNames)
        {
            AddCalls(text, word, root, calls);
        }

        AddCalls(text, "Use", root, calls);
        AddCalls(text, "Run", root, calls);
        AddCalls(text, ProcedureModel.RegisterName, root, calls);
        foreach (var escape in Escapes)
        {
            for (var at = text.IndexOf(escape, StringComparison.Ordinal); at >= 0; at = text.IndexOf(escape, at + escape.Length, StringComparison.Ordinal))
            {
                AddCall(root, at, calls);
            }
        }

        if (calls.Count == 0)
        {
            return Empty;
        }

        // The same tests as a walk of every node would make, on the calls whose name the text spells.
        var mapCalls = ImmutableArray.CreateBuilder<TextSpan>();
        var mapArguments = ImmutableArray.CreateBuilder<ArgumentSyntax>();
        var lambdas = ImmutableArray.CreateBuilder<TextSpan>();
        var registerCalls = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var invocation in calls.Values)
        {
            if (ControllerCode.MapMethodNames.Contains(ControllerCode.SimpleName(invocation.Expression) ?? string.Empty))
            {
                mapCalls.Add(invocation.Span);
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is SimpleNameSyntax or MemberAccessExpressionSyntax
                        && ControllerCode.SimpleName(argument.Expression) is { Length: > 0 })
                    {
                        mapArguments.Add(argument);
                    }
                }
            }

            if (ServiceCode.IsRegisterName(invocation))
            {
                registerCalls.Add(invocation.Span);
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is AnonymousFunctionExpressionSyntax lambda && FacadeCode.PipelineCall(lambda) is not null)
                {
                    lambdas.Add(lambda.Span);
                }
            }
        }

        return new LayerSyntax(mapCalls.ToImmutable(), mapArguments.ToImmutable(), lambdas.ToImmutable(), registerCalls.ToImmutable());
    }

    /// <summary>Adds the invocations whose name is <paramref name="word"/> where the text spells it as a whole word.</summary>
    private static void AddCalls(string text, string word, SyntaxNode root, Dictionary<TextSpan, InvocationExpressionSyntax> calls)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (IsWholeWord(text, at, word.Length))
            {
                AddCall(root, at, calls);
            }
        }
    }

    /// <summary>
    /// Adds the invocation whose called name is the identifier at <paramref name="position"/> (<c>Use(...)</c>,
    /// <c>app.Use(...)</c>, <c>app?.Use(...)</c>, <c>Register&lt;T&gt;(...)</c>, <c>alias::Use(...)</c>), if any.
    /// </summary>
    private static void AddCall(SyntaxNode root, int position, Dictionary<TextSpan, InvocationExpressionSyntax> calls)
    {
        var token = root.FindToken(position);
        if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || token.Parent is not SimpleNameSyntax name)
        {
            return;
        }

        SyntaxNode called = name;
        switch (name.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == name:
                called = access;
                break;
            case MemberBindingExpressionSyntax binding when binding.Name == name:
                called = binding;
                break;
            case AliasQualifiedNameSyntax alias when alias.Name == name:
                called = alias;
                break;
        }

        if (called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called)
        {
            calls[invocation.Span] = invocation;
        }
    }

    /// <summary>
    /// True when <paramref name="text"/> spells <paramref name="word"/> where it can be a whole identifier (see
    /// <see cref="IsWholeWord"/>).
    /// </summary>
    internal static bool MentionsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (IsWholeWord(text, at, word.Length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the <paramref name="length"/> characters at <paramref name="at"/> are not preceded or followed by a
    /// letter or underscore (<c>User</c>, <c>TaskRun</c> are other identifiers). A digit before is let through, as a
    /// number's suffix letters can end a token.
    /// </summary>
    private static bool IsWholeWord(string text, int at, int length)
    {
        var end = at + length;
        return (at == 0 || char.IsDigit(text[at - 1]) || !SyntaxFacts.IsIdentifierPartCharacter(text[at - 1]))
            && (end == text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[end]));
    }
}
