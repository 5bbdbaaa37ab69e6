using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Decides which types are services for MAR0001, once per type and configuration of a compilation (thread-safe).
/// A service is a class or interface named like one (<see cref="Layers.IsService"/>) that is none of: a record, a
/// type matched by <c>mariachi.service_exclusions</c>, a type from a package (unless its assembly is opted in by
/// <c>mariachi.service_assemblies</c>), an entity (<c>Mariachi.Data.IEntity</c>) or a data class.
/// </summary>
internal sealed class ServiceTypes
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<MariachiOptions, ConcurrentDictionary<ITypeSymbol, bool>> _verdicts =
        new ConcurrentDictionary<MariachiOptions, ConcurrentDictionary<ITypeSymbol, bool>>();

    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _packages =
        new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

    public ServiceTypes(Compilation compilation) => _compilation = compilation;

    public bool IsService(ITypeSymbol type, MariachiOptions options)
    {
        // Most types a controller uses are not named like a service: the name answers without a cache entry.
        if (!Layers.MayBeServiceName(type.Name, options))
        {
            return false;
        }

        var cache = _verdicts.GetOrAdd(options, _ => new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default));
        var key = type.OriginalDefinition;
        if (cache.TryGetValue(key, out var known))
        {
            return known;
        }

        // Not GetOrAdd with a factory: the data-class check asks for the verdicts of base types and interfaces.
        var result = Decide(key, options);
        cache.TryAdd(key, result);
        return result;
    }

    /// <summary>
    /// False when <paramref name="assembly"/>, a reference, declares no service under <paramref name="options"/>:
    /// it is a framework assembly or a package not opted in. For <see cref="TypeNameFilter"/>.
    /// </summary>
    public bool MayDeclareServices(IAssemblySymbol assembly, MariachiOptions options) =>
        !Layers.IsFrameworkAssembly(assembly) && !IsFromPackage(assembly, options);

    /// <summary>
    /// True for a reference path inside a NuGet package: <c>…/{id}/{version}/lib|ref|runtimes/…</c> (the global
    /// packages folder and its fallbacks) or <c>…/packages/{id}.{version}/lib/…</c> (packages.config). A project's
    /// own output (<c>bin/Release/net8.0/X.dll</c>, <c>obj/Release/net8.0/ref/X.dll</c>) is neither.
    /// </summary>
    public static bool IsPackagePath(string path)
    {
        var parts = path.Split('/', '\\');
        for (var i = 1; i < parts.Length - 1; i++)
        {
            if ((IsSegment(parts[i], "lib") || IsSegment(parts[i], "ref") || IsSegment(parts[i], "runtimes"))
                && (IsVersion(parts[i - 1]) || (i >= 2 && IsSegment(parts[i - 2], "packages"))))
            {
                return true;
            }
        }

        return false;
    }

    private bool Decide(ITypeSymbol type, MariachiOptions options)
    {
        if (type.IsRecord || type is not INamedTypeSymbol named || !Layers.IsService(named, _compilation, options))
        {
            return false;
        }

        if (NamePattern.MatchesAny(options.ServiceExclusions, named))
        {
            return false;
        }

        if (IsFromPackage(named.ContainingAssembly, options) || IsEntity(named))
        {
            return false;
        }

        return named.TypeKind != TypeKind.Class || !IsDataClass(named, options);
    }

    /// <summary>
    /// True when <paramref name="assembly"/> comes from a package rather than from this solution: its reference is
    /// a file inside a NuGet package. Source, project references (a compilation in the IDE, the project's output
    /// on the command line) and references without a path are the solution's own.
    /// </summary>
    private bool IsFromPackage(IAssemblySymbol? assembly, MariachiOptions options)
    {
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
        {
            return false;
        }

        var isPackage = _packages.GetOrAdd(
            assembly,
            a => _compilation.GetMetadataReference(a) is PortableExecutableReference { FilePath: { } path } && IsPackagePath(path));
        if (!isPackage || options.ServiceAssemblies.IsEmpty)
        {
            return isPackage;
        }

        foreach (var pattern in options.ServiceAssemblies)
        {
            if (pattern.IsMatch(assembly.Name, assembly.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A class that only carries data: fields or properties, and no methods besides constructors, accessors,
    /// operators and the <c>object</c> overrides, with no base class or interface that is a service. A class
    /// without any member is judged by its name (a stub about to get its methods).
    /// </summary>
    private bool IsDataClass(INamedTypeSymbol type, MariachiOptions options)
    {
        var hasData = false;
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol or IPropertySymbol:
                    hasData |= !member.IsImplicitlyDeclared;
                    break;
                case IMethodSymbol method when !IsDataMethod(method):
                case IEventSymbol:
                    return false;
            }
        }

        if (!hasData)
        {
            return false;
        }

        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && IsService(baseType, options))
        {
            return false;
        }

        foreach (var implemented in type.Interfaces)
        {
            if (IsService(implemented, options))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDataMethod(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.PropertyGet or MethodKind.PropertySet
            or MethodKind.UserDefinedOperator or MethodKind.Conversion => true,
        MethodKind.Ordinary => method.Name switch
        {
            nameof(ToString) or nameof(GetHashCode) => method.Parameters.Length == 0,
            nameof(Equals) => method.Parameters.Length == 1,
            _ => false,
        },
        _ => false,
    };

    /// <summary>An entity of Mariachi's data layer (<c>Mariachi.Data.IEntity</c>), which is data whatever it holds.</summary>
    private static bool IsEntity(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Name == "IEntity"
                && implemented.ContainingAssembly?.Name == KnownSymbols.MariachiAssemblyName
                && implemented.ContainingNamespace is { Name: "Data", ContainingNamespace: { Name: "Mariachi", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSegment(string segment, string name) => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>A NuGet version folder: <c>7.4.6</c>, <c>10.0.0-preview.1</c>.</summary>
    private static bool IsVersion(string segment)
    {
        if (segment.Length == 0 || !char.IsDigit(segment[0]))
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (c == '-' || c == '+')
            {
                return true;
            }

            if (!char.IsDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
