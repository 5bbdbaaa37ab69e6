using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Dependency-injection registrations: calls of <c>IServiceCollection</c> methods (<c>AddScoped&lt;IRepository&lt;X&gt;, Y&gt;()</c>,
/// <c>AddDbContext&lt;T&gt;()</c>, factory lambdas), where naming or creating an implementation is the point.
/// </summary>
internal static class ServiceRegistrations
{
    private const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    /// <summary>True for a method (extension or not) called on an <c>IServiceCollection</c>.</summary>
    public static bool IsRegistration(IMethodSymbol? method)
    {
        if (method is null)
        {
            return false;
        }

        var receiver = method.IsExtensionMethod
            ? (method.ReducedFrom ?? method).Parameters.FirstOrDefault()?.Type
            : method.ContainingType;
        return receiver is not null && (IsServiceCollection(receiver) || receiver.AllInterfaces.Any(IsServiceCollection));
    }

    /// <summary>True when <paramref name="operation"/> is (inside) an argument of a registration call.</summary>
    public static bool ContainsOperation(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation { Parent: IInvocationOperation invocation } && IsRegistration(invocation.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="node"/> is a type argument or an argument (or inside one) of a registration call:
    /// anywhere in the call but its receiver. Binds only the calls around the node; meant for findings.
    /// </summary>
    public static bool ContainsSyntax(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current.Parent is InvocationExpressionSyntax invocation
                && (current == invocation.ArgumentList || IsCalledName(current, invocation))
                && IsRegistration(model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol))
            {
                return true;
            }

            // services.AddScoped<X, Y>(): the generic name is the member access's name.
            if (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } access
                && access.Name == current
                && call.Expression == access
                && IsRegistration(model.GetSymbolInfo(call, cancellationToken).Symbol as IMethodSymbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCalledName(SyntaxNode node, InvocationExpressionSyntax invocation) =>
        node == invocation.Expression && node is SimpleNameSyntax;

    private static bool IsServiceCollection(ITypeSymbol type) =>
        type.Name == "IServiceCollection" && type.ToDisplayString() == ServiceCollection;
}
