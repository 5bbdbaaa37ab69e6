using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Service code: members of a service type (<see cref="Layers.IsService"/>), of a type implementing
/// <c>IProcedureModule</c>, and lambdas passed as the handler of a <c>Register</c> call, with whatever they nest.
/// </summary>
internal static class ServiceCode
{
    /// <summary>True when <paramref name="operation"/>, in <paramref name="containingSymbol"/>, is service code.</summary>
    public static bool Contains(IOperation operation, ISymbol? containingSymbol, KnownSymbols symbols, MariachiOptions options)
    {
        for (var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsServiceType(type, symbols, options))
            {
                return true;
            }
        }

        return IsInRegisteredHandler(operation, symbols);
    }

    /// <summary>
    /// A service class or a procedure module. A gRPC service implementation (its base class is bound with
    /// <c>Grpc.Core.BindServiceMethodAttribute</c>) is not one, whatever its name: it is a transport facade, like a
    /// controller, and speaks gRPC's own typed errors (<c>RpcException</c>).
    /// </summary>
    public static bool IsServiceType(INamedTypeSymbol type, KnownSymbols symbols, MariachiOptions options) =>
        (type.TypeKind == TypeKind.Class && Layers.IsService(type, symbols.Compilation, options) && !IsGrpcServiceImplementation(type))
        || (symbols.ProcedureModule is { } module && type.AllInterfaces.Contains(module, SymbolEqualityComparer.Default));

    private static bool IsGrpcServiceImplementation(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "BindServiceMethodAttribute" } attributeClass
                    && attributeClass.ContainingNamespace?.ToDisplayString() == "Grpc.Core")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsInRegisteredHandler(IOperation operation, KnownSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation { Parent: IInvocationOperation invocation } argument
                && ProcedureModel.IsRegister(invocation, symbols)
                && ReferenceEquals(ProcedureModel.HandlerArgument(invocation, symbols), argument))
            {
                return true;
            }
        }

        return false;
    }
}
