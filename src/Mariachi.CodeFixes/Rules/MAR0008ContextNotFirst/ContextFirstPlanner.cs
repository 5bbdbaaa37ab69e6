using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.CodeFixes;

/// <summary>
/// Finds, for a MAR0008 diagnostic, every declaration and call site the fix changes across the solution, and
/// decides whether the fix applies: never when a member of the family is declared outside the source, when the
/// method is used other than by calling it (a method group, a cref with parameters), when a call cannot be read,
/// or (case a) when the Context parameter is optional. Whether each call of case (b) has a Context to pass is
/// decided by <see cref="Select"/>, over all the targets fixed together.
/// </summary>
internal static class ContextFirstPlanner
{
    private static readonly string[] Names = { "context", "ctx" };

    public static async Task<ContextFirstTarget?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
        {
            return null;
        }

        var symbols = KnownSymbols.Create(model.Compilation);
        if (symbols.Context is null)
        {
            return null;
        }

        var move = diagnostic.Properties.TryGetValue(ContextNotFirstAnalyzer.KindProperty, out var kind) && kind == ContextNotFirstAnalyzer.Move;
        var index = -1;
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            if (symbols.IsContext(method.Parameters[i].Type))
            {
                index = i;
                break;
            }
        }

        // The code changed since the diagnostic, or the Context cannot come first (an optional one before required ones).
        if (move ? index <= 0 || method.Parameters[index].IsOptional : index >= 0)
        {
            return null;
        }

        var solution = document.Project.Solution;
        var family = await FamilyAsync(method, solution, cancellationToken).ConfigureAwait(false);
        if (family is null)
        {
            return null;
        }

        var target = new ContextFirstTarget(move, index, symbols.Context);
        var words = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var member in family)
        {
            foreach (var reference in Declarations(member))
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not MethodDeclarationSyntax syntax)
                {
                    return null;
                }

                target.Declarations.Add(syntax.ParameterList);
                target.DeclarationSpots.Add(new SourceSpot(syntax.SyntaxTree, syntax.Span));
                foreach (var token in syntax.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        words.Add(token.ValueText);
                    }
                }
            }
        }

        target.ParameterName = FreeName(words);
        var seen = new HashSet<SourceSpot>();
        foreach (var member in family)
        {
            foreach (var referenced in await SymbolFinder.FindReferencesAsync(member, solution, cancellationToken).ConfigureAwait(false))
            {
                foreach (var location in referenced.Locations)
                {
                    var tree = location.Location.SourceTree;
                    if (tree is null || !seen.Add(new SourceSpot(tree, location.Location.SourceSpan)))
                    {
                        continue;
                    }

                    if (location.IsImplicit)
                    {
                        return null;
                    }

                    // A candidate is a call that does not bind (left alone) or a method group in nameof (harmless).
                    var (call, harmless) = await CallAsync(location, target, cancellationToken).ConfigureAwait(false);
                    if (call is not null && !location.IsCandidateLocation)
                    {
                        target.Calls.Add(call);
                    }
                    else if (!harmless || call is not null)
                    {
                        return null;
                    }
                }
            }
        }

        return target;
    }

    /// <summary>
    /// The targets that can be fixed together: a call of case (b) needs a Context in scope, or to be made from a
    /// declaration of another kept target of case (b), which gets its Context in the same change.
    /// </summary>
    public static List<ContextFirstTarget> Select(IEnumerable<ContextFirstTarget> targets)
    {
        var kept = targets.ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var target in kept.ToList())
            {
                if (!target.Move && target.Calls.Any(call => NameToPass(call, kept) is null))
                {
                    kept.Remove(target);
                    changed = true;
                }
            }
        }

        return kept;
    }

    /// <summary>What a call of case (b) passes: a Context of a lambda or local around it, else the enclosing fixed member's new one, else the one in scope.</summary>
    public static string? NameToPass(ContextFirstCall call, IReadOnlyCollection<ContextFirstTarget> kept)
    {
        if (call.HasInnerContext)
        {
            return call.ContextInScope;
        }

        if (call.EnclosingMember is { } enclosing)
        {
            foreach (var target in kept)
            {
                if (!target.Move && target.DeclarationSpots.Contains(enclosing))
                {
                    return target.ParameterName;
                }
            }
        }

        return call.ContextInScope;
    }

    /// <summary>
    /// The member, the interface members and base members it implements or overrides, and their implementations
    /// and overrides in the solution; null when one of them is not declared in source.
    /// </summary>
    private static async Task<List<IMethodSymbol>?> FamilyAsync(IMethodSymbol method, Solution solution, CancellationToken cancellationToken)
    {
        var result = new List<IMethodSymbol>();
        var seen = new HashSet<SourceSpot>();
        var work = new Stack<ISymbol>();
        work.Push(method);
        while (work.Count > 0)
        {
            if (work.Pop() is not IMethodSymbol member)
            {
                return null;
            }

            member = member.PartialDefinitionPart ?? member.OriginalDefinition;
            if (member.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var first = member.DeclaringSyntaxReferences[0];
            if (!seen.Add(new SourceSpot(first.SyntaxTree, first.Span)))
            {
                continue;
            }

            result.Add(member);
            foreach (var up in ImplementedOrOverridden(member))
            {
                work.Push(up);
            }

            if (member.ContainingType.TypeKind == TypeKind.Interface || member.IsAbstract)
            {
                foreach (var implementation in await SymbolFinder.FindImplementationsAsync(member, solution, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    work.Push(implementation);
                }
            }

            if (member.IsVirtual || member.IsAbstract || member.IsOverride)
            {
                foreach (var @override in await SymbolFinder.FindOverridesAsync(member, solution, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    work.Push(@override);
                }
            }
        }

        return result;
    }

    private static IEnumerable<ISymbol> ImplementedOrOverridden(IMethodSymbol method)
    {
        if (method.OverriddenMethod is { } overridden)
        {
            yield return overridden;
        }

        foreach (var explicitly in method.ExplicitInterfaceImplementations)
        {
            yield return explicitly;
        }

        if (method.IsStatic || method.ContainingType.TypeKind == TypeKind.Interface)
        {
            yield break;
        }

        foreach (var implemented in method.ContainingType.AllInterfaces)
        {
            foreach (var candidate in implemented.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(candidate), method))
                {
                    yield return candidate;
                }
            }
        }
    }

    private static IEnumerable<SyntaxReference> Declarations(IMethodSymbol member) =>
        member.PartialImplementationPart is { } implementation
            ? member.DeclaringSyntaxReferences.Concat(implementation.DeclaringSyntaxReferences)
            : member.DeclaringSyntaxReferences;

    private static string FreeName(HashSet<string> taken)
    {
        foreach (var name in Names)
        {
            if (!taken.Contains(name))
            {
                return name;
            }
        }

        for (var i = 1; ; i++)
        {
            if (!taken.Contains("context" + i))
            {
                return "context" + i;
            }
        }
    }

    /// <summary>
    /// The call at <paramref name="location"/>; or, when the reference is not a call, whether it is harmless
    /// (<c>nameof</c>, a cref without parameters) rather than a use the new signature would break.
    /// </summary>
    private static async Task<(ContextFirstCall? Call, bool Harmless)> CallAsync(ReferenceLocation location, ContextFirstTarget target, CancellationToken cancellationToken)
    {
        var document = location.Document;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
        {
            return (null, false);
        }

        ExpressionSyntax called = name;
        if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
        {
            called = access;
        }
        else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
        {
            called = binding;
        }

        if (called.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != called)
        {
            return (null, IsHarmless(name));
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model?.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return (null, false);
        }

        if (target.Move)
        {
            var argument = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == target.ContextIndex);
            if (argument is not { ArgumentKind: ArgumentKind.Explicit, Syntax: ArgumentSyntax syntax })
            {
                return (null, false);
            }

            return (new ContextFirstCall(invocation.ArgumentList, invocation.ArgumentList.Arguments.IndexOf(syntax), null, null), false);
        }

        var candidate = ContextScope.Find(operation, KnownSymbols.Create(model.Compilation)).FirstOrDefault(c => c.IsAccessible);
        var enclosing = EnclosingMember(invocation);
        return (new ContextFirstCall(invocation.ArgumentList, -1, candidate.Symbol?.Name, enclosing)
        {
            HasInnerContext = candidate.Symbol is ILocalSymbol
                || (candidate.Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol owner } && owner.MethodKind != MethodKind.Constructor),
        }, false);
    }

    /// <summary>The method declaration a call is made from, unless a static lambda or local function stands between.</summary>
    private static SourceSpot? EnclosingMember(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax function when function.Modifiers.Any(SyntaxKind.StaticKeyword):
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.StaticKeyword):
                    return null;
                case MethodDeclarationSyntax method:
                    return new SourceSpot(method.SyntaxTree, method.Span);
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool IsHarmless(SyntaxNode name)
    {
        foreach (var ancestor in name.Ancestors())
        {
            switch (ancestor)
            {
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return true;
                case NameMemberCrefSyntax cref:
                    return cref.Parameters is null;
                case QualifiedCrefSyntax { Member: NameMemberCrefSyntax member }:
                    return member.Parameters is null;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
