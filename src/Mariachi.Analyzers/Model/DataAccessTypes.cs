using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Data-access types: <c>Mariachi.Data.IRepository&lt;T&gt;</c> and its implementations; EF Core's <c>DbContext</c>,
/// <c>DbSet&lt;T&gt;</c> and their subclasses; ADO.NET's <c>DbConnection</c>, <c>DbCommand</c>, <c>DbDataReader</c>,
/// <c>DbTransaction</c>, <c>IDbConnection</c>, <c>IDbCommand</c> and their implementations. Matched by name: no
/// reference to EF Core is needed. <c>mariachi.data_access_types</c> adds a team's own abstractions (with their
/// subtypes and implementations). Thread-safe; answers are cached per type definition.
/// </summary>
internal sealed class DataAccessTypes
{
    private const string EntityFrameworkCore = "Microsoft.EntityFrameworkCore";
    private const string AdoNet = "System.Data.Common";

    private static readonly string[] AdoNetClasses = { "DbConnection", "DbCommand", "DbDataReader", "DbTransaction" };

    /// <summary>The assemblies a data-access type can be declared in: where the roots are, and what references them.</summary>
    private static readonly string[] RootAssemblies =
        { KnownSymbols.MariachiAssemblyName, EntityFrameworkCore, AdoNet, "System.Data", "netstandard", "mscorlib" };

    private readonly object _gate = new object();
    private readonly Dictionary<IAssemblySymbol, bool> _declaring = new Dictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<ITypeSymbol, bool> _known = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);
    private readonly Func<ITypeSymbol, bool> _read = Read;

    private DataAccessTypes()
    {
    }

    /// <summary>
    /// The model for <paramref name="compilation"/>; null when no data-access type can exist in it: it references
    /// neither Mariachi.Abstractions, EF Core nor ADO.NET, declares no <c>DbContext</c>/<c>DbSet</c> itself, and no
    /// file configures data-access types of its own.
    /// </summary>
    public static DataAccessTypes? Create(Compilation compilation, OptionsCache options)
    {
        if (options.Any(o => !o.DataAccessTypes.IsEmpty, compilation))
        {
            return new DataAccessTypes();
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            switch (assembly.Name)
            {
                case KnownSymbols.MariachiAssemblyName:
                case EntityFrameworkCore:
                case AdoNet:
                case "System.Data":
                case "netstandard":
                case "mscorlib":
                    return new DataAccessTypes();
            }
        }

        var declared = compilation.Assembly.TypeNames;
        return declared.Contains("DbContext") || declared.Contains("DbSet") || declared.Contains("IRepository") ? new DataAccessTypes() : null;
    }

    /// <summary>True for a data-access type (any construction of a generic one) under a file's options.</summary>
    public bool IsDataAccess(ITypeSymbol type, MariachiOptions options) =>
        type.TypeKind is TypeKind.Class or TypeKind.Interface
        && (_known.GetOrAdd(type.OriginalDefinition, _read) || NamePattern.MatchesTypeOrBase(options.DataAccessTypes, type.OriginalDefinition));

    /// <summary>
    /// False when <paramref name="assembly"/> declares no data-access type: it is none of the assemblies declaring
    /// the built-in ones and references none that may declare one (a subtype's assembly references its base's), and
    /// no data-access pattern is configured. For <see cref="TypeNameFilter"/>.
    /// </summary>
    public bool MayDeclare(IAssemblySymbol assembly, MariachiOptions options)
    {
        if (!options.DataAccessTypes.IsEmpty)
        {
            return true;
        }

        lock (_gate)
        {
            return Declaring(assembly);
        }
    }

    private bool Declaring(IAssemblySymbol assembly)
    {
        if (_declaring.TryGetValue(assembly, out var known))
        {
            return known;
        }

        // A reference cycle (facades) ends here as "no"; the other edges of the cycle still answer.
        _declaring[assembly] = false;
        var result = RootAssemblies.Contains(assembly.Name, StringComparer.Ordinal);
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblySymbols)
            {
                result = result || Declaring(referenced);
            }
        }

        _declaring[assembly] = result;
        return result;
    }

    private static bool Read(ITypeSymbol type)
    {
        if (TypeNames.Implements(type, "Mariachi.Data", "IRepository", 1)
            || TypeNames.Implements(type, "System.Data", "IDbConnection")
            || TypeNames.Implements(type, "System.Data", "IDbCommand"))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (TypeNames.Is(current, EntityFrameworkCore, "DbContext") || TypeNames.Is(current, EntityFrameworkCore, "DbSet", 1))
            {
                return true;
            }

            foreach (var name in AdoNetClasses)
            {
                if (TypeNames.Is(current, AdoNet, name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
