using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0008's notion of an operation: a method declared in source, public or internal, of a service type (classes
/// and interfaces as MAR0001 decides, data excepted, gRPC implementations excepted) or of a procedure module, that
/// returns <c>Task</c>/<c>ValueTask</c> (generic or not) or is <c>async</c>. Constructors, accessors, operators,
/// extension methods and overrides or implementations of members declared outside the compilation are not.
/// One instance per compilation (it caches the type verdicts).
/// </summary>
internal sealed class Operations
{
    private readonly KnownSymbols _symbols;
    private readonly ServiceCode _serviceCode;
    private readonly ServiceTypes _serviceTypes;
    private readonly OptionsCache _options;

    public Operations(KnownSymbols symbols, OptionsCache options)
    {
        _symbols = symbols;
        _options = options;
        _serviceCode = new ServiceCode(symbols);
        _serviceTypes = new ServiceTypes(symbols.Compilation);
    }

    /// <summary>
    /// True when <paramref name="method"/> is an operation that MAR0008 judges itself: an implementation or override
    /// of an operation declared in source is judged there (it has the same parameters), one of a member declared
    /// outside the compilation is not an operation.
    /// </summary>
    public bool IsJudged(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!IsOperation(method))
        {
            return false;
        }

        foreach (var root in ImplementedOrOverridden(method))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!SymbolEqualityComparer.Default.Equals(root.ContainingAssembly, _symbols.Compilation.Assembly)
                || root.DeclaringSyntaxReferences.IsEmpty
                || IsOperation(root))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The shape of an operation (cheap, no binding) and a service type or procedure module around it.</summary>
    private bool IsOperation(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary
            || method.IsExtensionMethod
            || method.IsImplicitlyDeclared
            || method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            || !(method.IsAsync || IsTaskLike(method.ReturnType))
            || method.DeclaringSyntaxReferences is not { IsEmpty: false } references)
        {
            return false;
        }

        var options = _options.For(references[0].SyntaxTree);
        var type = method.ContainingType;
        return type.TypeKind == TypeKind.Interface
            ? _serviceTypes.IsService(type, options)
            : _serviceCode.IsServiceType(type, options);
    }

    /// <summary>The members <paramref name="method"/> overrides (transitively) or implements.</summary>
    private static System.Collections.Generic.IEnumerable<IMethodSymbol> ImplementedOrOverridden(IMethodSymbol method)
    {
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden.OriginalDefinition;
        }

        foreach (var explicitly in method.ExplicitInterfaceImplementations)
        {
            yield return explicitly.OriginalDefinition;
        }

        var type = method.ContainingType;
        if (method.IsStatic || type.TypeKind == TypeKind.Interface)
        {
            yield break;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            foreach (var member in implemented.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate
                    && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                {
                    yield return candidate.OriginalDefinition;
                }
            }
        }
    }

    private static bool IsTaskLike(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask", Arity: 0 or 1 } named
        && named.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
