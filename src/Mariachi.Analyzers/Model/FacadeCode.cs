using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Facade code: ASP.NET Core request-pipeline code that is not a controller. Middleware classes (an
/// <c>Invoke</c>/<c>InvokeAsync</c> method taking <c>HttpContext</c> first, or <c>IMiddleware</c>), endpoint filters,
/// MVC filters, and lambdas passed to <c>app.Use(...)</c>/<c>app.Run(...)</c>, plus the types configured with
/// <c>mariachi.facade_types</c> (with their subtypes and implementations). The rest of the entry point is bootstrap,
/// not facade. Thread-safe; results are cached.
/// </summary>
internal sealed class FacadeCode
{
    private const string Http = "Microsoft.AspNetCore.Http";
    private const string MvcFilters = "Microsoft.AspNetCore.Mvc.Filters";

    private static readonly ImmutableHashSet<string> MvcFilterInterfaces = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "IActionFilter",
        "IAsyncActionFilter",
        "IResourceFilter",
        "IAsyncResourceFilter",
        "IExceptionFilter",
        "IAsyncExceptionFilter",
        "IResultFilter",
        "IAsyncResultFilter",
        "IAuthorizationFilter",
        "IAsyncAuthorizationFilter");

    private readonly bool _hasAspNetCore;
    private readonly ConcurrentDictionary<SyntaxNode, bool> _pipelineCalls = new ConcurrentDictionary<SyntaxNode, bool>();

    public FacadeCode(Compilation compilation)
    {
        _hasAspNetCore = HttpServerTypes.AreReferenced(compilation);
    }

    /// <summary>True when <paramref name="type"/> or a type containing it is a middleware, filter or configured facade class.</summary>
    public bool IsInFacadeType(INamedTypeSymbol type, MariachiOptions options)
    {
        if (!_hasAspNetCore && options.FacadeTypes.IsEmpty)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if ((_hasAspNetCore && IsFacadeType(current)) || NamePattern.MatchesTypeOrBase(options.FacadeTypes, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a declaration of <paramref name="type"/> contains a lambda passed to <c>Use</c>/<c>Run</c>.</summary>
    public bool MayHoldPipelineLambdas(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!_hasAspNetCore)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (LayerSyntax.AnyWithin(LayerSyntax.Of(reference.SyntaxTree, cancellationToken).PipelineLambdas, reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> is inside a lambda passed to ASP.NET Core's <c>Use</c>/<c>Run</c>.</summary>
    public bool IsInPipelineLambda(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_hasAspNetCore)
        {
            return false;
        }

        for (var current = node; current is not null && current is not TypeDeclarationSyntax; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax lambda
                && PipelineCall(lambda) is { } invocation
                && _pipelineCalls.GetOrAdd(invocation, call => IsAspNetCoreMethod(model.GetSymbolInfo(call, cancellationToken))))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFacadeType(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (TypeNames.Is(implemented, Http, "IMiddleware")
                || TypeNames.Is(implemented, Http, "IEndpointFilter")
                || (MvcFilterInterfaces.Contains(implemented.Name) && TypeNames.Is(implemented, MvcFilters, implemented.Name)))
            {
                return true;
            }
        }

        // Member names first: loading a type's members (its bases' too, framework types included) only to find no
        // Invoke cost more than the rest of the decision.
        for (var current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            if (HasMiddlewareInvoke(current, "Invoke") || HasMiddlewareInvoke(current, "InvokeAsync"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMiddlewareInvoke(INamedTypeSymbol type, string name)
    {
        if (!System.Linq.Enumerable.Contains(type.MemberNames, name))
        {
            return false;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { Parameters.Length: > 0 } method && TypeNames.Is(method.Parameters[0].Type, Http, "HttpContext"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>Use(...)</c>/<c>Run(...)</c> call <paramref name="lambda"/> is an argument of, read from syntax.</summary>
    public static InvocationExpressionSyntax? PipelineCall(AnonymousFunctionExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && SyntaxNames.LastIdentifier(invocation.Expression) is "Use" or "Run"
            ? invocation
            : null;

    private static bool IsAspNetCoreMethod(SymbolInfo info)
    {
        var method = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
        return method is IMethodSymbol
            && method.ContainingAssembly?.Name is { } assembly
            && assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal);
    }
}
