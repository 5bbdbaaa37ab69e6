using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// MAR0010's notion of an adapter: a non-abstract class from an assembly named <c>Mariachi.Adapters.*</c> that
/// implements an interface of Mariachi.Abstractions (<c>ICommunication</c>, <c>IRepository&lt;T&gt;</c>,
/// <c>IEventBus</c>, ...). Shared by the analyzer and its fix.
/// </summary>
internal sealed class AdapterTypes
{
    public const string AdapterAssemblyPrefix = "Mariachi.Adapters.";

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _adapters =
        new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

    private readonly Func<INamedTypeSymbol, bool> _isAdapterDefinition = IsAdapterDefinition;

    private AdapterTypes()
    {
    }

    /// <summary>
    /// The adapter model of <paramref name="compilation"/>; null when it can hold no finding: it references no
    /// adapter assembly, or it is one (an adapter uses its own types).
    /// </summary>
    public static AdapterTypes? Create(Compilation compilation)
    {
        if (compilation.AssemblyName is { } name && name.StartsWith(AdapterAssemblyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // From the references' names (KnownSymbols' one pass over them): no symbol is resolved.
        return KnownSymbols.Create(compilation).ReferencesAdapters ? new AdapterTypes() : null;
    }

    /// <summary>True for an adapter type (any construction of a generic one).</summary>
    public bool IsAdapter(ITypeSymbol? type) =>
        type is INamedTypeSymbol named
        && named.TypeKind == TypeKind.Class
        && named.ContainingAssembly is { } assembly
        && assembly.Name.StartsWith(AdapterAssemblyPrefix, StringComparison.Ordinal)
        && _adapters.GetOrAdd(named.OriginalDefinition, _isAdapterDefinition);

    /// <summary>True when <paramref name="type"/> or a type containing it derives from an adapter (their members use it by design).</summary>
    public bool IsInAdapterSubclass(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            for (var baseType = current.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (IsAdapter(baseType))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The Mariachi abstractions <paramref name="adapter"/> implements, most derived only (an interface another of
    /// them extends is left out), constructed as the adapter is (<c>InMemoryRepository&lt;Order&gt;</c> gives
    /// <c>IRepository&lt;Order&gt;</c>).
    /// </summary>
    public static ImmutableArray<INamedTypeSymbol> Abstractions(INamedTypeSymbol adapter)
    {
        var all = adapter.AllInterfaces.Where(IsMariachiAbstraction).ToList();
        return all
            .Where(candidate => !all.Any(other => !SymbolEqualityComparer.Default.Equals(other, candidate)
                && other.AllInterfaces.Contains(candidate, SymbolEqualityComparer.Default)))
            .ToImmutableArray();
    }

    /// <summary>
    /// True when <paramref name="operation"/> is (inside) an argument of an <c>IServiceCollection</c> method: a
    /// factory or instance registration, where creating the adapter is the point.
    /// </summary>
    public static bool IsInServiceRegistration(IOperation operation) => ServiceRegistrations.ContainsOperation(operation);

    /// <summary>
    /// Each place in <paramref name="syntax"/> (the written type of a declaration of type <paramref name="type"/>)
    /// that names an adapter: the type itself, or a type argument, array element or tuple element of it.
    /// </summary>
    public void CollectAdapterNames(ITypeSymbol? type, SyntaxNode? syntax, List<(SyntaxNode Syntax, INamedTypeSymbol Adapter)> found)
    {
        if (type is null || syntax is null || syntax is TypeSyntax { IsVar: true })
        {
            return;
        }

        switch (syntax)
        {
            case NullableTypeSyntax nullable:
                CollectAdapterNames(type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapper ? wrapper.TypeArguments[0] : type, nullable.ElementType, found);
                return;
            case ArrayTypeSyntax array when type is IArrayTypeSymbol arrayType:
                CollectAdapterNames(arrayType.ElementType, array.ElementType, found);
                return;
            case TupleTypeSyntax tuple when type is INamedTypeSymbol { IsTupleType: true } tupleType
                && tupleType.TupleElements.Length == tuple.Elements.Count:
                for (var i = 0; i < tuple.Elements.Count; i++)
                {
                    CollectAdapterNames(tupleType.TupleElements[i].Type, tuple.Elements[i].Type, found);
                }

                return;
        }

        if (type is not INamedTypeSymbol named)
        {
            return;
        }

        if (IsAdapter(named))
        {
            found.Add((syntax, named));
            return;
        }

        var generic = syntax switch
        {
            GenericNameSyntax name => name,
            QualifiedNameSyntax { Right: GenericNameSyntax name } => name,
            AliasQualifiedNameSyntax { Name: GenericNameSyntax name } => name,
            _ => null,
        };
        if (generic is not null && generic.TypeArgumentList.Arguments.Count == named.TypeArguments.Length)
        {
            for (var i = 0; i < named.TypeArguments.Length; i++)
            {
                CollectAdapterNames(named.TypeArguments[i], generic.TypeArgumentList.Arguments[i], found);
            }
        }
    }

    /// <summary>True for the definition of an adapter type of an adapter assembly (its kind and assembly aside).</summary>
    internal static bool IsAdapterDefinition(INamedTypeSymbol type) =>
        !type.IsAbstract && type.AllInterfaces.Any(IsMariachiAbstraction);

    /// <summary>
    /// An interface of Mariachi.Abstractions that application code depends on: not the plumbing for adapter authors
    /// in <c>Mariachi.Communication.Dispatch</c> (<c>IProcedureBinder</c>), which an adapter implements as well.
    /// </summary>
    private static bool IsMariachiAbstraction(INamedTypeSymbol type) =>
        type.ContainingAssembly?.Name == KnownSymbols.MariachiAssemblyName
        && type.ContainingNamespace is not { Name: "Dispatch", ContainingNamespace.Name: "Communication" };
}
