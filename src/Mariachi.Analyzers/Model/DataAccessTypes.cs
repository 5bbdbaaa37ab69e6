using System;
using System.Collections.Concurrent;
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
