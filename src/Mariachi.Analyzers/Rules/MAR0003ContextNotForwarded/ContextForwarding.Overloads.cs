using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Core;

/// <summary>MAR0003's search for an overload of the called method that takes the Context.</summary>
internal static partial class ContextForwarding
{
    private readonly struct Overload
    {
        public Overload(string called, string signature, int position, string parameterName)
        {
            Called = called;
            Signature = signature;
            Position = position;
            ParameterName = parameterName;
        }

        public string Called { get; }

        public string Signature { get; }

        public int Position { get; }

        public string ParameterName { get; }
    }

    /// <summary>
    /// (a): an overload of the called method, on its type (or a base type, or the receiver's type), or an
    /// extension method callable on the same receiver, whose parameters are the called method's plus one Context.
    /// </summary>
    private static Overload? FindOverload(IOperation operation, IMethodSymbol method, IOperation? instance, IArgumentOperation? receiver, ContextForwardingState state)
    {
        if (method.MethodKind != MethodKind.Ordinary && method.MethodKind != MethodKind.Constructor)
        {
            return null;
        }

        var compilation = state.Symbols.Compilation;

        // Most calls have no Context overload at all: the symbol lookups below run only once a cheap name check
        // (DeclaresWithContext / ExtensionsWithContext) has found a candidate.
        ISymbol? within = null;
        IReadOnlyList<IParameterSymbol>? calledParameters = null;
        ISymbol Within() => within ??= WithinSymbol(operation, compilation);
        IReadOnlyList<IParameterSymbol> CalledParameters() =>
            calledParameters ??= receiver is null ? method.Parameters : method.Parameters.Skip(1).ToList();
        if (receiver is null)
        {
            var throughType = instance is { IsImplicit: false } ? instance.Type : null;
            foreach (var type in TypesToSearch(method, instance))
            {
                if (!state.DeclaresWithContext(type, method.Name))
                {
                    continue;
                }

                Overload? best = null;
                foreach (var member in type.GetMembers(method.Name))
                {
                    if (member is not IMethodSymbol candidate
                        || candidate.MethodKind != method.MethodKind
                        || candidate.IsStatic != method.IsStatic
                        || Construct(candidate, method) is not { } constructed)
                    {
                        continue;
                    }

                    var position = Match(CalledParameters(), constructed.Parameters, state.Symbols);
                    if (position >= 0
                        && (best is null || position < best.Value.Position)
                        && IsAccessible(compilation, candidate, Within(), throughType)
                        && !state.IsObsolete(candidate))
                    {
                        best = new Overload(
                            method.ToDisplayString(SignatureFormat),
                            constructed.ToDisplayString(SignatureFormat),
                            position,
                            constructed.Parameters[position].Name);
                    }
                }

                if (best is not null)
                {
                    return best;
                }
            }
        }

        // Extension overloads apply to calls on an explicit receiver: an instance method or a reduced extension.
        var receiverType = receiver is not null
            ? ReceiverType(receiver)
            : method.MethodKind == MethodKind.Ordinary && !method.IsStatic && instance is { IsImplicit: false } ? instance.Type : null;
        if (receiverType is null || receiverType.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var extensions = state.ExtensionsWithContext(method.Name);
        if (extensions.IsEmpty)
        {
            return null;
        }

        Overload? found = null;
        foreach (var extension in extensions)
        {
            if (Construct(extension, method) is not { } constructed
                || constructed.ReduceExtensionMethod(receiverType) is not { } reducedCandidate)
            {
                continue;
            }

            var position = Match(CalledParameters(), reducedCandidate.Parameters, state.Symbols);
            if (position >= 0
                && (found is null || position < found.Value.Position)
                && IsAccessible(compilation, extension, Within(), null)
                && !state.IsObsolete(extension)
                && IsExtensionInScope(operation, receiverType, extension))
            {
                var called = receiver is not null ? method.ReduceExtensionMethod(receiverType) ?? method : method;
                found = new Overload(
                    called.ToDisplayString(SignatureFormat),
                    reducedCandidate.ToDisplayString(SignatureFormat),
                    position,
                    reducedCandidate.Parameters[position].Name);
            }
        }

        return found;
    }

    /// <summary>
    /// The types whose overloads count: the declaring type and its base types, starting from the receiver's type
    /// when that derives from it; for interfaces, the receiver interface and the interfaces it extends.
    /// Constructors are not inherited: only the created type.
    /// </summary>
    private static IEnumerable<INamedTypeSymbol> TypesToSearch(IMethodSymbol method, IOperation? instance)
    {
        var declaring = method.ContainingType;
        if (method.MethodKind == MethodKind.Constructor)
        {
            yield return declaring;
            yield break;
        }

        if (instance?.Type is INamedTypeSymbol { TypeKind: TypeKind.Interface } receiverInterface
            && declaring.TypeKind == TypeKind.Interface)
        {
            yield return receiverInterface;
            foreach (var inherited in receiverInterface.AllInterfaces)
            {
                yield return inherited;
            }

            if (!SymbolEqualityComparer.Default.Equals(receiverInterface, declaring) && !receiverInterface.AllInterfaces.Contains(declaring, SymbolEqualityComparer.Default))
            {
                yield return declaring;
            }

            yield break;
        }

        var start = declaring;
        if (instance?.Type is INamedTypeSymbol receiverType
            && (receiverType.TypeKind == TypeKind.Class || receiverType.TypeKind == TypeKind.Struct)
            && DerivesFrom(receiverType, declaring))
        {
            start = receiverType;
        }

        for (var current = start; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
