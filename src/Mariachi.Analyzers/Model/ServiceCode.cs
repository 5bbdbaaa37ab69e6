using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Service code: members of a service type (MAR0001's <see cref="ServiceTypes"/>: named like a service, not data,
/// not from a package), of a type implementing <c>IProcedureModule</c>, and lambdas passed as the handler of a
/// <c>Register</c> call, with whatever they nest. One instance per compilation (it caches the type verdicts).
/// </summary>
internal sealed class ServiceCode
{
    private readonly KnownSymbols _symbols;
    private readonly ServiceTypes _services;

    public ServiceCode(KnownSymbols symbols)
    {
        _symbols = symbols;
        _services = new ServiceTypes(symbols.Compilation);
    }

    /// <summary>True when <paramref name="operation"/>, in <paramref name="containingSymbol"/>, is service code.</summary>
    public bool Contains(IOperation operation, ISymbol? containingSymbol, MariachiOptions options)
    {
        for (var type = containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (IsServiceType(type, options))
            {
                return true;
            }
        }

        return IsInRegisteredHandler(operation, _symbols);
    }

    /// <summary>
    /// A service class or a procedure module. A gRPC service implementation (its base class is bound with
    /// <c>Grpc.Core.BindServiceMethodAttribute</c>) is not one, whatever its name: it is a transport facade, like a
    /// controller, and speaks gRPC's own typed errors (<c>RpcException</c>).
    /// </summary>
    public bool IsServiceType(INamedTypeSymbol type, MariachiOptions options) =>
        (type.TypeKind == TypeKind.Class && _services.IsService(type, options) && !IsGrpcServiceImplementation(type))
        || (_symbols.ProcedureModule is { } module && type.AllInterfaces.Contains(module, SymbolEqualityComparer.Default));

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
