using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Matches types by namespace and name without a reference to their assembly (EF Core, ASP.NET Core, ADO.NET) and
/// without building display strings: the rules ask this of many symbols.
/// </summary>
internal static class TypeNames
{
    /// <summary>True when <paramref name="type"/> is <paramref name="namespaceName"/>.<paramref name="name"/> with <paramref name="arity"/> type parameters.</summary>
    public static bool Is(ITypeSymbol? type, string namespaceName, string name, int arity = 0) =>
        type is INamedTypeSymbol named
        && named.Arity == arity
        && named.Name == name
        && IsNamespace(named.ContainingNamespace, namespaceName, orBelow: false);

    /// <summary>True when <paramref name="type"/> or one of its base types is the named type.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, string namespaceName, string name, int arity = 0)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, namespaceName, name, arity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is or implements the named interface.</summary>
    public static bool Implements(ITypeSymbol? type, string namespaceName, string name, int arity = 0)
    {
        if (type is null)
        {
            return false;
        }

        if (Is(type, namespaceName, name, arity))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Is(implemented, namespaceName, name, arity))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="ns"/> is the namespace <paramref name="fullName"/> (dotted), or, with
    /// <paramref name="orBelow"/>, a namespace nested in it.
    /// </summary>
    public static bool IsNamespace(INamespaceSymbol? ns, string fullName, bool orBelow)
    {
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            if (Matches(current, fullName))
            {
                return true;
            }

            if (!orBelow)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Compares the namespace chain with the dotted name from its last segment back.</summary>
    private static bool Matches(INamespaceSymbol ns, string fullName)
    {
        var end = fullName.Length;
        var current = ns;
        while (current is not null && !current.IsGlobalNamespace)
        {
            var start = fullName.LastIndexOf('.', end - 1) + 1;
            var segment = current.Name;
            if (end - start != segment.Length || string.CompareOrdinal(fullName, start, segment, 0, segment.Length) != 0)
            {
                return false;
            }

            current = current.ContainingNamespace;
            if (start == 0)
            {
                return current is null || current.IsGlobalNamespace;
            }

            end = start - 1;
        }

        return false;
    }
}
