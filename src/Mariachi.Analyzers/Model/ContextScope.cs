using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>A <c>Mariachi.Context</c> visible at a point of the code, and whether that code may use it.</summary>
internal readonly struct ContextCandidate
{
    public ContextCandidate(ISymbol symbol, bool isAccessible)
    {
        Symbol = symbol;
        IsAccessible = isAccessible;
    }

    /// <summary>A parameter, local, field or property of type Context.</summary>
    public ISymbol Symbol { get; }

    /// <summary>False when a static lambda or local function (or static member) stands between the use and the symbol.</summary>
    public bool IsAccessible { get; }

    public string Name => Symbol.Name;
}

/// <summary>
/// Finds the Contexts in scope at an operation: for each enclosing lambda, local function and the method, innermost
/// first, its locals declared before the use (latest first) then its parameters; then fields and properties of the
/// containing type (instance ones only from instance code) and primary-constructor parameters.
/// </summary>
internal static class ContextScope
{
    public static ImmutableArray<ContextCandidate> Find(IOperation operation, KnownSymbols symbols) =>
        symbols.Context is null ? ImmutableArray<ContextCandidate>.Empty : Find(operation, symbols.IsContext);

    /// <summary>
    /// The same search for any type: the symbols in scope at <paramref name="operation"/> whose type
    /// <paramref name="wanted"/> accepts, innermost first (the MAR0002 fix looks for an IConfiguration this way).
    /// </summary>
    public static ImmutableArray<ContextCandidate> Find(IOperation operation, Func<ITypeSymbol?, bool> wanted)
    {
        if (operation.SemanticModel is null)
        {
            return ImmutableArray<ContextCandidate>.Empty;
        }

        var model = operation.SemanticModel;
        var position = operation.Syntax.SpanStart;
        var result = ImmutableArray.CreateBuilder<ContextCandidate>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var blocked = false;
        var isStaticCode = false;
        var locals = Locals(operation, wanted);

        // Walk outwards through lambdas and local functions up to the member.
        var function = model.GetEnclosingSymbol(position) as IMethodSymbol;
        for (var current = function; current is not null; current = current.ContainingSymbol as IMethodSymbol)
        {
            var isFunction = current.MethodKind == MethodKind.AnonymousFunction || current.MethodKind == MethodKind.LocalFunction;

            // Within one function, its locals (declared later, so closer to the use) come before its parameters.
            AddLocals(result, seen, locals, model, position, current, blocked);
            foreach (var parameter in current.Parameters)
            {
                if (wanted(parameter.Type) && seen.Add(parameter))
                {
                    result.Add(new ContextCandidate(parameter, !blocked));
                }
            }

            if (!isFunction)
            {
                isStaticCode = current.IsStatic;
                break;
            }

            blocked |= IsStaticFunction(current);
        }

        var type = function?.ContainingType;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var memberType = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property when !property.IsIndexer => property.Type,
                    _ => null,
                };
                if (memberType is null || !wanted(memberType) || member.IsImplicitlyDeclared && member is IFieldSymbol)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(current, type) && member.DeclaredAccessibility == Accessibility.Private)
                {
                    continue;
                }

                // Instance members are not in scope in static code; from instance code a static lambda or
                // local function in between makes them visible but unusable.
                if ((member.IsStatic || !isStaticCode) && seen.Add(member))
                {
                    result.Add(new ContextCandidate(member, member.IsStatic || !blocked));
                }
            }
        }

        foreach (var parameter in PrimaryConstructorParameters(operation, wanted))
        {
            if (seen.Add(parameter.Symbol))
            {
                result.Add(parameter);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The locals <paramref name="wanted"/> accepts in the scopes around <paramref name="operation"/> (of every
    /// enclosing function), latest declared first. Read from the enclosing operations' own local lists: asking the
    /// semantic model for all symbols in scope would enumerate every type and namespace in scope as well, a cost
    /// that grows with the compilation.
    /// </summary>
    private static ILocalSymbol[] Locals(IOperation operation, Func<ITypeSymbol?, bool> wanted)
    {
        List<ILocalSymbol>? found = null;
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var locals = current switch
            {
                IBlockOperation block => block.Locals,
                ILoopOperation loop => loop.Locals,
                IUsingOperation @using => @using.Locals,
                ISwitchOperation @switch => @switch.Locals,
                ISwitchCaseOperation @case => @case.Locals,
                ISwitchExpressionArmOperation arm => arm.Locals,
                ICatchClauseOperation @catch => @catch.Locals,
                ISymbolInitializerOperation initializer => initializer.Locals,
                IConstructorBodyOperation constructor => constructor.Locals,
                _ => ImmutableArray<ILocalSymbol>.Empty,
            };
            AddWanted(ref found, locals, wanted);
            if (current is IForLoopOperation forLoop)
            {
                AddWanted(ref found, forLoop.ConditionLocals, wanted);
            }
        }

        return found is null
            ? Array.Empty<ILocalSymbol>()
            : found.OrderByDescending(l => l.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? -1).ToArray();
    }

    private static void AddWanted(ref List<ILocalSymbol>? found, ImmutableArray<ILocalSymbol> locals, Func<ITypeSymbol?, bool> wanted)
    {
        foreach (var local in locals)
        {
            if (wanted(local.Type))
            {
                (found ??= new List<ILocalSymbol>()).Add(local);
            }
        }
    }

    /// <summary>The locals of type Context declared in <paramref name="function"/>'s body before <paramref name="position"/>.</summary>
    private static void AddLocals(
        ImmutableArray<ContextCandidate>.Builder result,
        HashSet<ISymbol> seen,
        ILocalSymbol[] locals,
        SemanticModel model,
        int position,
        IMethodSymbol function,
        bool blocked)
    {
        foreach (var symbol in locals)
        {
            if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingSymbol, function))
            {
                continue;
            }

            var declaration = symbol.DeclaringSyntaxReferences.FirstOrDefault();
            if (declaration is null || declaration.SyntaxTree != model.SyntaxTree || DeclaredEnd(symbol, declaration) > position)
            {
                continue;
            }

            if (seen.Add(symbol))
            {
                result.Add(new ContextCandidate(symbol, !blocked));
            }
        }
    }

    /// <summary>
    /// Where a local becomes usable: after its whole declarator (a variable is not in scope in its own initializer),
    /// otherwise after its name (a foreach variable or pattern variable is, in the code that follows it).
    /// </summary>
    private static int DeclaredEnd(ILocalSymbol local, SyntaxReference declaration) =>
        declaration.GetSyntax() is VariableDeclaratorSyntax || local.Locations.IsEmpty
            ? declaration.Span.End
            : local.Locations[0].SourceSpan.End;

    private static bool IsStaticFunction(IMethodSymbol function)
    {
        foreach (var reference in function.DeclaringSyntaxReferences)
        {
            var modifiers = reference.GetSyntax() switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda.Modifiers,
                LocalFunctionStatementSyntax local => local.Modifiers,
                _ => default,
            };
            if (modifiers.Any(SyntaxKind.StaticKeyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The Context parameters of the primary constructor of the class or struct around the call, which instance
    /// code and the base-type arguments can use (records expose them as properties, found with the members).
    /// Not usable from static members or other constructors; visible but not capturable from static lambdas.
    /// </summary>
    private static ImmutableArray<ContextCandidate> PrimaryConstructorParameters(IOperation operation, Func<ITypeSymbol?, bool> wanted)
    {
        var model = operation.SemanticModel;
        var blocked = false;
        TypeDeclarationSyntax? type = null;
        for (var node = operation.Syntax; node is not null && type is null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax function when function.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword)):
                    blocked = true;
                    break;
                case LocalFunctionStatementSyntax local when local.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword)):
                    blocked = true;
                    break;
                case ConstructorDeclarationSyntax:
                    return ImmutableArray<ContextCandidate>.Empty;
                case TypeDeclarationSyntax declaration:
                    type = declaration;
                    break;
                case MemberDeclarationSyntax member when member.Modifiers.Any(m =>
                    m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword) || m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ConstKeyword)):
                    return ImmutableArray<ContextCandidate>.Empty;
            }
        }

        if (model is null || type is null or RecordDeclarationSyntax || type.ParameterList is null)
        {
            return ImmutableArray<ContextCandidate>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<ContextCandidate>();
        foreach (var parameter in type.ParameterList.Parameters)
        {
            if (model.GetDeclaredSymbol(parameter) is IParameterSymbol symbol && wanted(symbol.Type))
            {
                result.Add(new ContextCandidate(symbol, !blocked));
            }
        }

        return result.ToImmutable();
    }
}
