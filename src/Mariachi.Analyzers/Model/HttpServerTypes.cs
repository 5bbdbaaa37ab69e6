using System;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// HTTP server types: the types of ASP.NET Core's <c>Microsoft.AspNetCore.Http</c>, <c>.Mvc</c>, <c>.Routing</c> and
/// <c>.Builder</c> namespaces and below (<c>HttpContext</c>, <c>IResult</c>, <c>ControllerBase</c>, <c>StatusCodes</c>,
/// ...). HTTP clients (<c>System.Net.Http</c>) are not: services call other systems with them.
/// <c>mariachi.http_server_namespaces</c> and <c>mariachi.http_server_types</c> add a team's own.
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

    /// <summary>
    /// True when an HTTP server type can exist in <paramref name="compilation"/>: it references ASP.NET Core, or a
    /// file configures HTTP server namespaces or types of its own.
    /// </summary>
    public static bool MayExist(Compilation compilation, OptionsCache options) =>
        AreReferenced(compilation) || options.Any(o => !o.HttpServerNamespaces.IsEmpty || !o.HttpServerTypes.IsEmpty, compilation);

    /// <summary>
    /// False when <paramref name="assembly"/> declares no HTTP server type: none of its namespaces is (or is below)
    /// an HTTP server namespace and no type pattern is configured. For <see cref="TypeNameFilter"/>.
    /// </summary>
    public static bool MayDeclare(IAssemblySymbol assembly, MariachiOptions options)
    {
        if (!options.HttpServerTypes.IsEmpty)
        {
            return true;
        }

        foreach (var name in assembly.NamespaceNames)
        {
            if (IsServerNamespaceName(name, Namespaces) || IsServerNamespaceName(name, options.HttpServerNamespaces))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the compilation references ASP.NET Core.</summary>
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

    /// <summary>A namespace name at or below one of <paramref name="roots"/>; a bare last segment counts too (it may be one).</summary>
    private static bool IsServerNamespaceName(string name, System.Collections.Generic.IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            if (name.StartsWith(root, StringComparison.Ordinal) && (name.Length == root.Length || name[root.Length] == '.'))
            {
                return true;
            }

            if (name.IndexOf('.') < 0 && root.EndsWith("." + name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a type (or nested type) declared in one of the HTTP server namespaces, or configured as one, under a
    /// file's options. A type parameter is not declared in a namespace, whatever its declaring type's.
    /// </summary>
    public static bool IsHttpServerType(ITypeSymbol type, MariachiOptions options)
    {
        if (type.TypeKind is TypeKind.Error or TypeKind.TypeParameter)
        {
            return false;
        }

        var ns = type.ContainingNamespace;
        if (!options.HttpServerNamespaces.IsEmpty || !options.HttpServerTypes.IsEmpty)
        {
            foreach (var name in options.HttpServerNamespaces)
            {
                if (TypeNames.IsNamespace(ns, name, orBelow: true))
                {
                    return true;
                }
            }

            if (type is INamedTypeSymbol named && NamePattern.MatchesAny(options.HttpServerTypes, named.OriginalDefinition))
            {
                return true;
            }
        }

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
