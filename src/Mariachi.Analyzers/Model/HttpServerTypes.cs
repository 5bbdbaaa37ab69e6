using System;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// HTTP server types: the types of ASP.NET Core's <c>Microsoft.AspNetCore.Http</c>, <c>.Mvc</c>, <c>.Routing</c> and
/// <c>.Builder</c> namespaces and below (<c>HttpContext</c>, <c>IResult</c>, <c>ControllerBase</c>, <c>StatusCodes</c>,
/// ...). HTTP clients (<c>System.Net.Http</c>) are not: services call other systems with them.
/// </summary>
internal static class HttpServerTypes
{
    private static readonly string[] Namespaces =
    {
        "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Builder",
    };

    /// <summary>True when the compilation references ASP.NET Core: without it no HTTP server type exists.</summary>
    public static bool AreReferenced(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a type (or array, pointer, nested type) declared in one of the HTTP server namespaces.</summary>
    public static bool IsHttpServerType(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        var root = ns;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        // Most types are not under Microsoft.*: one comparison settles them.
        if (root is null || root.IsGlobalNamespace || root.Name != "Microsoft")
        {
            return false;
        }

        foreach (var name in Namespaces)
        {
            if (TypeNames.IsNamespace(ns, name, orBelow: true))
            {
                return true;
            }
        }

        return false;
    }
}
