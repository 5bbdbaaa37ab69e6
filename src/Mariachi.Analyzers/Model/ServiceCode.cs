using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Service code: members of a service type (MAR0001's <see cref="ServiceTypes"/>: named like a service, not data,
/// not from a package), of a type implementing <c>IProcedureModule</c>, and lambdas passed as the handler of a
/// <c>Register</c> call, with whatever they nest. The one detector of both: rules on operations ask
/// <see cref="Contains"/> (MAR0009); rules on syntax decide per type with <see cref="IsInServiceType"/> and
/// <see cref="MayHoldHandlers"/> and per node with <see cref="IsInRegisteredHandler(SyntaxNode, SemanticModel, CancellationToken)"/>
/// (MAR0007). One instance per compilation (it caches the type verdicts).
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
        if ((containingSymbol as INamedTypeSymbol ?? containingSymbol?.ContainingType) is { } type && IsInServiceType(type, options))
        {
            return true;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation { Parent: IInvocationOperation invocation } argument && IsHandler(argument, invocation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> or a type containing it is a service type (<see cref="IsServiceType"/>).</summary>
    public bool IsInServiceType(INamedTypeSymbol type, MariachiOptions options)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (IsServiceType(current, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A service class or a procedure module. A gRPC service implementation (its base class is bound with
    /// <c>Grpc.Core.BindServiceMethodAttribute</c>) is not one, whatever its name: it is a transport facade, like a
    /// controller, and speaks gRPC's own typed errors (<c>RpcException</c>).
    /// </summary>
    public bool IsServiceType(INamedTypeSymbol type, MariachiOptions options) =>
        (type.TypeKind == TypeKind.Class && _services.IsService(type, options) && !IsGrpcServiceImplementation(type))
        || (_symbols.ProcedureModule is { } module && type.AllInterfaces.Contains(module, SymbolEqualityComparer.Default));

    /// <summary>True when a declaration of a type contains a call named <c>Register</c>, read from syntax alone.</summary>
    public static bool MayHoldHandlers(ImmutableArray<SyntaxReference> declarations, CancellationToken cancellationToken)
    {
        foreach (var declaration in declarations)
        {
            if (LayerSyntax.AnyWithin(LayerSyntax.Of(declaration.SyntaxTree, cancellationToken).RegisterCalls, declaration.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> is inside the handler argument of a <c>Register</c> call of its type.</summary>
    public bool IsInRegisteredHandler(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null and not TypeDeclarationSyntax; current = current.Parent)
        {
            if (current is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argument
                && IsRegisterName(call)
                && model.GetOperation(call, cancellationToken) is IInvocationOperation invocation
                && invocation.Arguments.FirstOrDefault(a => a.Syntax == argument) is { } operation
                && IsHandler(operation, invocation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one test of both walks: <paramref name="argument"/> is the handler of a <c>Register</c> call.</summary>
    private bool IsHandler(IArgumentOperation argument, IInvocationOperation invocation) =>
        ProcedureModel.IsRegister(invocation, _symbols) && ReferenceEquals(ProcedureModel.HandlerArgument(invocation, _symbols), argument);

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

    /// <summary>The name a call is written with: <c>Register</c>, <c>x.Register</c>, <c>x?.Register</c>, <c>Register&lt;T&gt;</c>.</summary>
    public static bool IsRegisterName(InvocationExpressionSyntax invocation) =>
        (invocation.Expression is MemberBindingExpressionSyntax binding ? binding.Name.Identifier.ValueText : SyntaxNames.LastIdentifier(invocation.Expression))
        == ProcedureModel.RegisterName;
}
