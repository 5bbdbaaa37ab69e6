using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// MAR0003's analysis of one call, shared by the analyzer and the code fix. Cheap checks come first (does the
/// called method or its type have anything to do with Context?); the Contexts in scope are looked up last.
/// </summary>
internal static partial class ContextForwarding
{
    private static readonly SymbolDisplayFormat SignatureFormat = new SymbolDisplayFormat(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static readonly SymbolDisplayFormat NameFormat = new SymbolDisplayFormat(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// The finding for <paramref name="operation"/> (an invocation or object creation), or null when it forwards
    /// the Context, is exempt, or no Context is in scope.
    /// </summary>
    public static ContextForwardingFinding? Analyze(IOperation operation, ContextForwardingState state)
    {
        if (operation.IsImplicit)
        {
            return null;
        }

        var symbols = state.Symbols;
        IMethodSymbol? method;
        ImmutableArray<IArgumentOperation> arguments;
        IOperation? instance;
        switch (operation)
        {
            case IInvocationOperation invocation:
                method = invocation.TargetMethod;

                // Most calls end here, on the first symbols read.
                if (method.MethodKind == MethodKind.Ordinary && IsUnrelatedToContext(method, state))
                {
                    return null;
                }

                arguments = invocation.Arguments;
                instance = invocation.Instance;
                break;
            case IObjectCreationOperation creation:
                method = creation.Constructor;
                if (method?.ContainingType is null || IsUnrelatedToContext(method, state))
                {
                    return null;
                }

                arguments = creation.Arguments;
                instance = null;
                break;
            default:
                return null;
        }

        if (method?.ContainingType is null
            || operation.SemanticModel is null
            || !HasArgumentListSyntax(operation.Syntax)
            || symbols.IsContext(method.ContainingType))
        {
            return null;
        }

        var receiver = ReducedReceiver(method, arguments, operation.Syntax);
        var reduced = receiver is not null;
        if (reduced && symbols.IsContext(ReceiverType(receiver!)))
        {
            return null;
        }

        ContextForwardingKind kind;
        string description;
        ImmutableArray<ContextForwardingEdit> edits;
        if (state.TakesContext(method, skipReceiver: reduced))
        {
            if (!FindMissingArguments(operation, method, arguments, reduced, symbols, out kind, out description, out edits))
            {
                return null;
            }
        }
        else
        {
            var overload = FindOverload(operation, method, instance, receiver, state);
            if (overload is null)
            {
                return null;
            }

            kind = ContextForwardingKind.Overload;
            description = string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' has an overload that takes a Context, '{1}'",
                overload.Value.Called,
                overload.Value.Signature);
            edits = ImmutableArray.Create(ContextForwardingEdit.Insert(overload.Value.Position, overload.Value.ParameterName));
        }

        if (IsOverloadForwarding(operation, method))
        {
            return null;
        }

        var candidates = Candidates(operation, symbols);
        return candidates.IsEmpty ? null : new ContextForwardingFinding(kind, description, operation.Syntax, edits, candidates);
    }

    /// <summary>
    /// True when no method of this name (for a constructor: no constructor of a type of this name) takes a Context
    /// and this one takes none through a type argument: then it neither takes a Context nor has a Context overload.
    /// </summary>
    private static bool IsUnrelatedToContext(IMethodSymbol method, ContextForwardingState state) =>
        !state.AnyMethodTakesContext(method) && (method.IsDefinition || !TakesContextAsTypeArgument(method, state));

    /// <summary>
    /// For a constructed method (<c>Task.FromResult&lt;Context&gt;</c>, <c>List&lt;Context&gt;.Add</c>): true when a
    /// parameter that is a type parameter in its definition is a Context here.
    /// </summary>
    private static bool TakesContextAsTypeArgument(IMethodSymbol method, ContextForwardingState state)
    {
        foreach (var parameter in method.OriginalDefinition.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.TypeParameter)
            {
                return state.TakesContext(method, skipReceiver: false);
            }
        }

        return false;
    }

    /// <summary>Where the finding is reported: the call (for a constructor initializer, from <c>this</c>/<c>base</c> on).</summary>
    public static Location Location(SyntaxNode node) =>
        node is ConstructorInitializerSyntax initializer
            ? Microsoft.CodeAnalysis.Location.Create(initializer.SyntaxTree, TextSpan.FromBounds(initializer.ThisOrBaseKeyword.SpanStart, initializer.Span.End))
            : node.GetLocation();

    /// <summary>The argument list of a call, or null for <c>new T { ... }</c> without one.</summary>
    public static ArgumentListSyntax? ArgumentList(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList,
        BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
        ConstructorInitializerSyntax initializer => initializer.ArgumentList,
        PrimaryConstructorBaseTypeSyntax primary => primary.ArgumentList,
        _ => null,
    };

    private static bool HasArgumentListSyntax(SyntaxNode node) =>
        ArgumentList(node) is not null || node is ObjectCreationExpressionSyntax;

    /// <summary>(b) and (c): null or default passed to a Context parameter, or an optional one omitted.</summary>
    private static bool FindMissingArguments(
        IOperation operation,
        IMethodSymbol method,
        ImmutableArray<IArgumentOperation> arguments,
        bool reduced,
        KnownSymbols symbols,
        out ContextForwardingKind kind,
        out string description,
        out ImmutableArray<ContextForwardingEdit> edits)
    {
        kind = default;
        description = string.Empty;
        edits = ImmutableArray<ContextForwardingEdit>.Empty;
        ImmutableArray<ContextForwardingEdit>.Builder? builder = null;
        var offset = reduced ? 1 : 0;
        foreach (var argument in arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || parameter.Ordinal < offset || !symbols.IsContext(parameter.Type))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                if (builder is null)
                {
                    builder = ImmutableArray.CreateBuilder<ContextForwardingEdit>();
                    kind = ContextForwardingKind.Omitted;
                    description = string.Format(CultureInfo.InvariantCulture, "The optional Context '{0}' of '{1}' is omitted", parameter.Name, DisplayName(method));
                }

                builder.Add(ContextForwardingEdit.Insert(parameter.Ordinal - offset, parameter.Name));
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit
                && NullOrDefaultWord(argument.Value) is { } word
                && ArgumentSyntaxOf(argument, operation.Syntax) is { Parent: ArgumentListSyntax list } syntax)
            {
                if (builder is null)
                {
                    builder = ImmutableArray.CreateBuilder<ContextForwardingEdit>();
                    kind = ContextForwardingKind.NullOrDefault;
                    description = string.Format(CultureInfo.InvariantCulture, "'{0}' is passed as the Context of '{1}'", word, DisplayName(method));
                }

                builder.Add(ContextForwardingEdit.Replace(list.Arguments.IndexOf(syntax)));
            }
            else
            {
                // A Context is passed to one Context parameter: the others are the callee's business.
                return false;
            }
        }

        if (builder is null)
        {
            return false;
        }

        edits = builder.ToImmutable();
        return true;
    }

    /// <summary>
    /// The argument's syntax: the operation's syntax, or the argument around it (<c>null!</c> gives the operation
    /// the literal's syntax).
    /// </summary>
    private static ArgumentSyntax? ArgumentSyntaxOf(IArgumentOperation argument, SyntaxNode call)
    {
        for (var node = argument.Syntax; node is not null && node != call; node = node.Parent)
        {
            switch (node)
            {
                case ArgumentSyntax syntax:
                    return syntax;
                case ArgumentListSyntax:
                case StatementSyntax:
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>"null" or "default" when <paramref name="value"/> is one of them (through casts and <c>!</c>), else null.</summary>
    private static string? NullOrDefaultWord(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } => "null",
            IDefaultValueOperation => "default",
            _ => null,
        };
    }

    /// <summary><paramref name="candidate"/> with the called method's type arguments, or null when the arities differ.</summary>
    private static IMethodSymbol? Construct(IMethodSymbol candidate, IMethodSymbol called)
    {
        if (candidate.Arity != called.Arity)
        {
            return null;
        }

        if (candidate.Arity == 0)
        {
            return candidate;
        }

        var typeArguments = called.TypeArguments;
        if (typeArguments.Any(t => t is null))
        {
            return null;
        }

        return candidate.ConstructedFrom.Construct(typeArguments.ToArray());
    }

    /// <summary>
    /// The position of the Context in <paramref name="with"/> when it is <paramref name="without"/> plus exactly
    /// one Context parameter (same types, ref kinds and params-ness otherwise), else -1.
    /// </summary>
    private static int Match(IReadOnlyList<IParameterSymbol> without, IReadOnlyList<IParameterSymbol> with, KnownSymbols symbols)
    {
        if (with.Count != without.Count + 1)
        {
            return -1;
        }

        var contextAt = -1;
        for (var i = 0; i < with.Count; i++)
        {
            if (symbols.IsContext(with[i].Type))
            {
                if (contextAt >= 0)
                {
                    return -1;
                }

                contextAt = i;
            }
        }

        if (contextAt < 0 || with[contextAt].RefKind != RefKind.None || with[contextAt].IsParams)
        {
            return -1;
        }

        for (int i = 0, j = 0; i < without.Count; i++, j++)
        {
            if (j == contextAt)
            {
                j++;
            }

            if (without[i].RefKind != with[j].RefKind
                || without[i].IsParams != with[j].IsParams
                || !SymbolEqualityComparer.Default.Equals(without[i].Type, with[j].Type))
            {
                return -1;
            }
        }

        return contextAt;
    }

    private static bool IsAccessible(Compilation compilation, ISymbol candidate, ISymbol within, ITypeSymbol? throughType)
    {
        if (candidate.DeclaredAccessibility == Accessibility.Public && candidate.ContainingType?.DeclaredAccessibility == Accessibility.Public)
        {
            return true;
        }

        return compilation.IsSymbolAccessibleWithin(candidate, within, throughType is { TypeKind: not TypeKind.Error } ? throughType : null);
    }

    /// <summary>The type containing the call (or the assembly, for code outside any type).</summary>
    private static ISymbol WithinSymbol(IOperation operation, Compilation compilation)
    {
        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        return (ISymbol?)(enclosing as INamedTypeSymbol) ?? enclosing?.ContainingType ?? (ISymbol)compilation.Assembly;
    }

    /// <summary>True when the extension method is imported at the call (its namespace is in scope).</summary>
    private static bool IsExtensionInScope(IOperation operation, ITypeSymbol receiverType, IMethodSymbol extension)
    {
        var model = operation.SemanticModel;
        if (model is null)
        {
            return false;
        }

        var visible = model.LookupSymbols(operation.Syntax.SpanStart, receiverType, extension.Name, includeReducedExtensionMethods: true);
        foreach (var symbol in visible)
        {
            if (symbol is IMethodSymbol visibleMethod
                && SymbolEqualityComparer.Default.Equals((visibleMethod.ReducedFrom ?? visibleMethod).OriginalDefinition, extension.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The receiver argument when an extension method is called in reduced form (<c>x.M()</c>), else null.</summary>
    private static IArgumentOperation? ReducedReceiver(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, SyntaxNode call)
    {
        if (!method.IsExtensionMethod)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                // In reduced form the receiver is outside the argument list.
                return ArgumentSyntaxOf(argument, call) is null ? argument : null;
            }
        }

        return null;
    }

    private static ITypeSymbol? ReceiverType(IArgumentOperation receiver)
    {
        var value = receiver.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value.Type;
    }

    /// <summary>
    /// Inside method M, a call to another overload of M on the same type (or a base type: an override calling
    /// <c>base.M</c>) is the overload forwarding (the Context-less convenience calling the Context overload with
    /// a default, or the other way round). Constructors: <c>: this(...)</c> only; <c>: base(...)</c> is a call
    /// like any other. A recursive call to M itself is not forwarding.
    /// </summary>
    private static bool IsOverloadForwarding(IOperation operation, IMethodSymbol method)
    {
        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        while (enclosing is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            enclosing = enclosing.ContainingSymbol;
        }

        return enclosing is IMethodSymbol { ContainingType: { } memberType } member
            && member.Name == method.Name
            && (method.MethodKind == MethodKind.Constructor
                ? SymbolEqualityComparer.Default.Equals(memberType.OriginalDefinition, method.ContainingType.OriginalDefinition)
                : DerivesFrom(memberType, method.ContainingType))
            && !SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method.OriginalDefinition);
    }

    /// <summary>
    /// The Contexts in scope (less one being initialized by this very call); in a constructor initializer only
    /// parameters and static members can be used.
    /// </summary>
    private static ImmutableArray<ContextCandidate> Candidates(IOperation operation, KnownSymbols symbols)
    {
        var candidates = ContextCreation.Competitors(operation, symbols);
        if (IsInConstructorInitializer(operation.Syntax))
        {
            candidates = candidates.Where(c => c.Symbol is IParameterSymbol || c.Symbol.IsStatic).ToImmutableArray();
        }

        return candidates;
    }

    private static bool IsInConstructorInitializer(SyntaxNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ConstructorInitializerSyntax:
                case PrimaryConstructorBaseTypeSyntax:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The name a reader knows the callee by: the method, the created type, or the delegate type.</summary>
    private static string DisplayName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor => method.ContainingType.ToDisplayString(NameFormat),
        MethodKind.DelegateInvoke => method.ContainingType.ToDisplayString(NameFormat),
        _ => method.Name,
    };
}
