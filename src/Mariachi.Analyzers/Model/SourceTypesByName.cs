using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The types declared in a compilation's source, by simple name (nested types included), built once per compilation
/// and shared by the rules. <c>Compilation.GetSymbolsWithName(name)</c> answers the same question but walks the
/// whole declaration table on every call: asked once per distinct identifier, that is quadratic in the size of a
/// code base whose type names differ from file to file (the generated N=2000 solution spent more time there than
/// the compiler spent compiling).
/// </summary>
internal sealed class SourceTypesByName
{
    private static readonly ConditionalWeakTable<Compilation, SourceTypesByName> Shared = new ConditionalWeakTable<Compilation, SourceTypesByName>();
    private static readonly IReadOnlyList<INamedTypeSymbol> None = Array.Empty<INamedTypeSymbol>();

    private readonly Dictionary<string, List<INamedTypeSymbol>> _byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);

    private SourceTypesByName(Compilation compilation, CancellationToken cancellationToken) =>
        AddNamespace(compilation.Assembly.GlobalNamespace, cancellationToken);

    /// <summary>The index of <paramref name="compilation"/>; two threads may build it at once, one result is kept.</summary>
    public static SourceTypesByName Of(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Shared.TryGetValue(compilation, out var known))
        {
            return known;
        }

        var built = new SourceTypesByName(compilation, cancellationToken);
        return Shared.GetValue(compilation, _ => built);
    }

    /// <summary>The source types named <paramref name="name"/> (empty when there is none).</summary>
    public IReadOnlyList<INamedTypeSymbol> Find(string name) =>
        _byName.TryGetValue(name, out var found) ? found : None;

    private void AddNamespace(INamespaceSymbol ns, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
            {
                AddNamespace(inner, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                AddType(type);
            }
        }
    }

    private void AddType(INamedTypeSymbol type)
    {
        if (!_byName.TryGetValue(type.Name, out var list))
        {
            _byName[type.Name] = list = new List<INamedTypeSymbol>(1);
        }

        list.Add(type);
        foreach (var nested in type.GetTypeMembers())
        {
            AddType(nested);
        }
    }
}
