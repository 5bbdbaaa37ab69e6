using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The procedure catalogs of the assemblies a compilation references (the <c>ProcedureCatalogEntry</c> attributes
/// the catalog generator wrote into them), read once per compilation: only assemblies that reference
/// Mariachi.Abstractions are opened, so the framework's hundreds of references cost a name comparison each.
/// </summary>
internal sealed class ReferencedCatalogs
{
    private static readonly ConditionalWeakTable<Compilation, ReferencedCatalogs> Cache = new ConditionalWeakTable<Compilation, ReferencedCatalogs>();

    private readonly Dictionary<string, List<ReferencedEntry>> _byName;
    private readonly Dictionary<INamedTypeSymbol, Dictionary<string, string>> _handles;

    private ReferencedCatalogs(Dictionary<string, List<ReferencedEntry>> byName, Dictionary<INamedTypeSymbol, Dictionary<string, string>> handles)
    {
        _byName = byName;
        _handles = handles;
    }

    /// <summary>The constant name of the <c>Procedure</c> handle <paramref name="member"/> of a referenced assembly, or null.</summary>
    public string? HandleName(ISymbol member) =>
        member.ContainingType is { } type
        && _handles.TryGetValue(type.OriginalDefinition, out var members)
        && members.TryGetValue(member.Name, out var name)
            ? name
            : null;

    /// <summary>True when no referenced assembly has a catalog (handle names alone are not a catalog).</summary>
    public bool IsEmpty => _byName.Count == 0;

    /// <summary>Every registered name.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <summary>The entries registering <paramref name="name"/> (the first assembly first), or an empty list.</summary>
    public IReadOnlyList<ReferencedEntry> Find(string name) =>
        _byName.TryGetValue(name, out var entries) ? entries : (IReadOnlyList<ReferencedEntry>)Array.Empty<ReferencedEntry>();

    public static ReferencedCatalogs Get(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var known))
        {
            return known;
        }

        var read = Read(compilation, cancellationToken);
        return Cache.GetValue(compilation, _ => read);
    }

    private static ReferencedCatalogs Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<ReferencedEntry>>(StringComparer.Ordinal);
        var handles = new Dictionary<INamedTypeSymbol, Dictionary<string, string>>(SymbolEqualityComparer.Default);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ReferencesMariachi(assembly))
            {
                continue;
            }

            foreach (var attribute in assembly.GetAttributes())
            {
                if (IsHandleName(attribute, out var declaringType, out var member, out var handleName))
                {
                    if (!handles.TryGetValue(declaringType, out var members))
                    {
                        handles[declaringType] = members = new Dictionary<string, string>(StringComparer.Ordinal);
                    }

                    members[member] = handleName;
                }
                else if (ReferencedEntry.Create(attribute, assembly) is { } entry)
                {
                    if (!byName.TryGetValue(entry.Name, out var list))
                    {
                        byName[entry.Name] = list = new List<ReferencedEntry>();
                    }

                    list.Add(entry);
                }
            }
        }

        return new ReferencedCatalogs(byName, handles);
    }

    private static bool IsHandleName(AttributeData attribute, out INamedTypeSymbol declaringType, out string member, out string name)
    {
        declaringType = null!;
        member = name = string.Empty;
        if (attribute.AttributeClass is not { Name: CatalogAttribute.HandleName } type
            || type.ContainingNamespace?.ToDisplayString() != CatalogAttribute.Namespace
            || attribute.ConstructorArguments.Length != 3
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol declaring
            || attribute.ConstructorArguments[1].Value is not string memberName
            || attribute.ConstructorArguments[2].Value is not string handleName)
        {
            return false;
        }

        declaringType = declaring.OriginalDefinition;
        member = memberName;
        name = handleName;
        return true;
    }

    private static bool ReferencesMariachi(IAssemblySymbol assembly)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var identity in module.ReferencedAssemblies)
            {
                if (identity.Name == KnownSymbols.MariachiAssemblyName)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>One procedure of a referenced assembly's catalog; a type recorded by name only is null.</summary>
internal sealed class ReferencedEntry
{
    private ReferencedEntry(string name, ITypeSymbol? input, ITypeSymbol? output, string inputName, string outputName, IAssemblySymbol assembly)
    {
        Name = name;
        Input = input;
        Output = output;
        InputName = inputName;
        OutputName = outputName;
        Assembly = assembly;
    }

    public string Name { get; }

    public ITypeSymbol? Input { get; }

    public ITypeSymbol? Output { get; }

    public string InputName { get; }

    public string OutputName { get; }

    /// <summary>The assembly that registers it.</summary>
    public IAssemblySymbol Assembly { get; }

    public static ReferencedEntry? Create(AttributeData attribute, IAssemblySymbol assembly)
    {
        if (attribute.AttributeClass is not { Name: CatalogAttribute.Name } type
            || type.ContainingNamespace?.ToDisplayString() != CatalogAttribute.Namespace
            || attribute.ConstructorArguments.Length != 3
            || attribute.ConstructorArguments[0].Value is not string name)
        {
            return null;
        }

        var input = attribute.ConstructorArguments[1];
        var output = attribute.ConstructorArguments[2];
        var inputType = TypeOf(input, IsSet(attribute, CatalogAttribute.InputNullable));
        var outputType = TypeOf(output, IsSet(attribute, CatalogAttribute.OutputNullable));
        return new ReferencedEntry(name, inputType, outputType, inputType?.ToDisplayString() ?? NameOf(input), outputType?.ToDisplayString() ?? NameOf(output), assembly);
    }

    /// <summary>The type of a <c>typeof</c> argument, annotated as nullable when the entry says so (typeof cannot).</summary>
    private static ITypeSymbol? TypeOf(TypedConstant argument, bool nullable) =>
        argument.Kind == TypedConstantKind.Type && argument.Value is ITypeSymbol { TypeKind: not TypeKind.Error } type
            ? (nullable && type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.Annotated) : type)
            : null;

    private static bool IsSet(AttributeData attribute, string property)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == property)
            {
                return argument.Value.Value is true;
            }
        }

        return false;
    }

    private static string NameOf(TypedConstant argument) => argument.Value switch
    {
        ITypeSymbol type => type.ToDisplayString(),
        string name => name,
        _ => "?",
    };
}
