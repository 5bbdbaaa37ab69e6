using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// What the layer rules (MAR0001, MAR0006, MAR0007, MAR0009) read from one syntax tree alone, in one pass, kept with
/// the tree: its using aliases, its minimal-API <c>Map*</c> calls and their name arguments (possible method groups),
/// the lambdas passed to <c>Use</c>/<c>Run</c> and its <c>Register</c> calls. Each rule used to scan and cache the
/// tree on its own; on bitwarden's Core (1,659 files) the four scans and their four cache entries per tree were a
/// sixth of what MAR0001, MAR0006 and MAR0007 spent. The text is searched first for each name as a whole word (a
/// hit in a comment or string is a needless walk, never a missed call); a Unicode escape, which can spell a letter
/// of an identifier, makes the tree walked whatever the text says.
/// </summary>
internal sealed class LayerSyntax
{
    private static readonly LayerSyntax Empty = new LayerSyntax(
        ImmutableArray<string>.Empty, ImmutableArray<TextSpan>.Empty, ImmutableArray<ArgumentSyntax>.Empty, ImmutableArray<TextSpan>.Empty, ImmutableArray<TextSpan>.Empty);

    private static readonly PerTreeCache<LayerSyntax> PerTree = new PerTreeCache<LayerSyntax>(Scan);

    private LayerSyntax(
        ImmutableArray<string> aliases,
        ImmutableArray<TextSpan> mapCalls,
        ImmutableArray<ArgumentSyntax> mapArguments,
        ImmutableArray<TextSpan> pipelineLambdas,
        ImmutableArray<TextSpan> registerCalls)
    {
        Aliases = aliases;
        MapCalls = mapCalls;
        MapArguments = mapArguments;
        PipelineLambdas = pipelineLambdas;
        RegisterCalls = registerCalls;
    }

    /// <summary>The names declared as using aliases in the tree (compilation unit and namespace usings).</summary>
    public ImmutableArray<string> Aliases { get; }

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
        var aliases = ImmutableArray.CreateBuilder<string>();
        if (root is CompilationUnitSyntax unit)
        {
            AddAliases(aliases, unit.Usings);
            AddAliasesFromMembers(aliases, unit.Members);
        }

        var text = tree.GetText(cancellationToken).ToString();
        var escaped = text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0;
        var maps = escaped || MentionsAny(text, ControllerCode.MapMethodNames);
        var pipelines = escaped || MentionsWord(text, "Use") || MentionsWord(text, "Run");
        var registers = escaped || MentionsWord(text, ProcedureModel.RegisterName);
        if (!maps && !pipelines && !registers)
        {
            return aliases.Count == 0 ? Empty : new LayerSyntax(aliases.ToImmutable(), Empty.MapCalls, Empty.MapArguments, Empty.PipelineLambdas, Empty.RegisterCalls);
        }

        var mapCalls = ImmutableArray.CreateBuilder<TextSpan>();
        var mapArguments = ImmutableArray.CreateBuilder<ArgumentSyntax>();
        var lambdas = ImmutableArray.CreateBuilder<TextSpan>();
        var registerCalls = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation)
            {
                if (maps && ControllerCode.MapMethodNames.Contains(ControllerCode.SimpleName(invocation.Expression) ?? string.Empty))
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

                if (registers && ServiceCode.IsRegisterName(invocation))
                {
                    registerCalls.Add(invocation.Span);
                }
            }
            else if (pipelines && node is AnonymousFunctionExpressionSyntax lambda && FacadeCode.PipelineCall(lambda) is not null)
            {
                lambdas.Add(lambda.Span);
            }
        }

        return new LayerSyntax(aliases.ToImmutable(), mapCalls.ToImmutable(), mapArguments.ToImmutable(), lambdas.ToImmutable(), registerCalls.ToImmutable());
    }

    private static bool MentionsAny(string text, ImmutableHashSet<string> words)
    {
        foreach (var word in words)
        {
            if (MentionsWord(text, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> spells <paramref name="word"/> where it can be a whole identifier: not
    /// preceded or followed by a letter or underscore (<c>User</c>, <c>TaskRun</c> are other identifiers). A digit
    /// before it is let through, as a number's suffix letters can end a token.
    /// </summary>
    internal static bool MentionsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || char.IsDigit(text[at - 1]) || !SyntaxFacts.IsIdentifierPartCharacter(text[at - 1]))
                && (end == text.Length || !SyntaxFacts.IsIdentifierPartCharacter(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAliasesFromMembers(ImmutableArray<string>.Builder names, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                AddAliases(names, ns.Usings);
                AddAliasesFromMembers(names, ns.Members);
            }
        }
    }

    private static void AddAliases(ImmutableArray<string>.Builder names, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                names.Add(alias.Name.Identifier.ValueText);
            }
        }
    }
}
