using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>Which layer a symbol belongs to: controller, service or config layer.</summary>
internal static class Layers
{
    /// <summary>
    /// True for a type that derives from ControllerBase or PageModel, carries [ApiController] (on itself or a
    /// base type), or whose name ends with a controller suffix.
    /// </summary>
    public static bool IsController(INamedTypeSymbol? type, KnownSymbols symbols, MariachiOptions options)
    {
        if (type is null || type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        if (EndsWithAny(type.Name, options.ControllerSuffixes))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, symbols.ControllerBase)
                || SymbolEqualityComparer.Default.Equals(current, symbols.PageModel)
                || (symbols.ApiControllerAttribute is not null && current.GetAttributes().Any(a =>
                    SymbolEqualityComparer.Default.Equals(a.AttributeClass, symbols.ApiControllerAttribute))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> or a type containing it is a controller.</summary>
    public static bool IsInController(INamedTypeSymbol? type, KnownSymbols symbols, MariachiOptions options)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (IsController(current, symbols, options))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a class or interface whose name ends with a service suffix or matches a configured pattern.
    /// Types from framework and package assemblies (System*, Microsoft.*, Mariachi.*, mscorlib, netstandard)
    /// never are; the compilation's own source always is judged by name.
    /// </summary>
    public static bool IsService(ITypeSymbol? type, Compilation compilation, MariachiOptions options)
    {
        if (type is not INamedTypeSymbol named
            || (named.TypeKind != TypeKind.Class && named.TypeKind != TypeKind.Interface))
        {
            return false;
        }

        named = named.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly)
            && IsFrameworkAssembly(named.ContainingAssembly))
        {
            return false;
        }

        if (EndsWithAny(named.Name, options.ServiceSuffixes))
        {
            return true;
        }

        if (options.ServicePatterns.IsEmpty)
        {
            return false;
        }

        var fullName = FullName(named);
        return options.ServicePatterns.Any(p => p.IsMatch(named.Name, fullName));
    }

    /// <summary>The name a pattern with a dot matches: namespace, containing types and name, without generics.</summary>
    public static string FullName(INamedTypeSymbol type) =>
        type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));

    /// <summary>
    /// False when a type named <paramref name="identifier"/> cannot be a service, read from the name alone: with
    /// service patterns configured (they can match namespaces) any name may be one.
    /// </summary>
    public static bool MayBeServiceName(string identifier, MariachiOptions options) =>
        !options.ServicePatterns.IsEmpty || EndsWithAny(identifier, options.ServiceSuffixes);

    /// <summary>True for a symbol whose containing namespace has a config segment (<c>Configuration</c>, <c>Config</c>).</summary>
    public static bool IsInConfigLayer(ISymbol? symbol, MariachiOptions options)
    {
        for (var ns = symbol?.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (options.ConfigNamespaces.Contains(ns.Name, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="symbol"/> is a member of the entry point's type (<c>Main</c> or the top-level
    /// statements, <c>Program.StartServer</c>, a field of <c>Program</c>), or a lambda/local function inside one.
    /// Nested types do not count.
    /// </summary>
    public static bool IsInEntryPointType(ISymbol? symbol, IMethodSymbol? entryPoint) =>
        entryPoint is not null
        && symbol is not null
        && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, entryPoint.ContainingType);

    /// <summary>True for the assemblies of the platform, Microsoft packages and Mariachi itself.</summary>
    public static bool IsFrameworkAssembly(IAssemblySymbol? assembly)
    {
        var name = assembly?.Name;
        if (name is null)
        {
            return false;
        }

        return name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.", StringComparison.Ordinal)
            || name.StartsWith("Mariachi.", StringComparison.Ordinal)
            || name == "mscorlib"
            || name == "netstandard";
    }

    /// <summary>True when the compilation references a test framework (xunit, NUnit or MSTest); read once per compilation.</summary>
    public static bool IsTestProject(Compilation compilation) => KnownSymbols.Create(compilation).IsTestProject;

    public static bool EndsWithAny(string name, System.Collections.Immutable.ImmutableArray<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
