using System;
using System.Collections.Generic;
using System.Linq;
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
    /// an HTTP server namespace and no type pattern is configured. Reads every namespace name of the assembly; for a
    /// compilation's references, <see cref="ReferencedNames"/> lists the server types by name instead.
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

    /// <summary>
    /// For <see cref="TypeNameFilter"/>: the simple names of the HTTP server types the references of
    /// <paramref name="compilation"/> declare (nested types included), under a configuration without type patterns
    /// (null with them: a pattern can name any type). They are the types of the server namespaces as the compilation
    /// merges them, found by walking down from the global namespace as binding a <c>using</c> of them does, so the
    /// types of the namespaces the code imports are loaded already. Asking each reference for its namespace names
    /// (hundreds of them) and then for all of its type names let through every name of any assembly with one type in
    /// a server namespace: <c>Microsoft.AspNetCore.Builder</c> holds extension classes of many packages.
    /// </summary>
    public static Func<MariachiOptions, HashSet<string>?> ReferencedNames(Compilation compilation) =>
        options =>
        {
            if (!options.HttpServerTypes.IsEmpty)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in Namespaces.Concat(options.HttpServerNamespaces))
            {
                if (Find(compilation.GlobalNamespace, name) is { } ns)
                {
                    AddTypeNames(ns, names);
                }
            }

            return names;
        };

    /// <summary>
    /// For <see cref="TypeNameFilter"/>, next to <see cref="ReferencedNames"/>: the references its list does not
    /// cover. With type patterns, every one; else those with an extern alias (not merged into the global
    /// namespace) that <see cref="MayDeclare"/> says may declare a server type.
    /// </summary>
    public static Func<IAssemblySymbol, MariachiOptions, bool> UnlistedDeclarers(Compilation compilation) =>
        (assembly, options) => !options.HttpServerTypes.IsEmpty || (IsAliased(compilation, assembly) && MayDeclare(assembly, options));

    private static void AddTypeNames(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        if (container is INamespaceSymbol ns)
        {
            foreach (var inner in ns.GetNamespaceMembers())
            {
                AddTypeNames(inner, names);
            }
        }

        foreach (var type in container.GetTypeMembers())
        {
            names.Add(TypeNameFilter.Key(type.Name, type.Arity));
            AddTypeNames(type, names);
        }
    }

    private static INamespaceSymbol? Find(INamespaceSymbol global, string fullName)
    {
        var current = global;
        foreach (var segment in fullName.Split('.'))
        {
            INamespaceSymbol? next = null;
            foreach (var member in current.GetMembers(segment))
            {
                if (member is INamespaceSymbol ns)
                {
                    next = ns;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static bool IsAliased(Compilation compilation, IAssemblySymbol assembly)
    {
        if (compilation.GetMetadataReference(assembly) is not { } reference)
        {
            return false;
        }

        foreach (var alias in reference.Properties.Aliases)
        {
            if (alias != "global")
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
