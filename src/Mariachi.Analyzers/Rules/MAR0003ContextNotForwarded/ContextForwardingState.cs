using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The per-compilation state of MAR0003, so that the common case (a call to a method that has nothing to do with
/// Context) costs a few look-ups: the names of the methods that take a Context, the assemblies that can declare
/// one, and the extension methods that take one, by name. All are read-only once built, so concurrent callbacks
/// share them without locks.
/// </summary>
internal sealed class ContextForwardingState
{
    private readonly HashSet<IAssemblySymbol> _canMention;

    /// <summary>The same assemblies in a fixed order (this compilation first), so that the extension index is deterministic.</summary>
    private readonly List<IAssemblySymbol> _canMentionInOrder;

    private readonly Lazy<Dictionary<string, ImmutableArray<IMethodSymbol>>> _extensions;

    /// <summary>
    /// The names of the methods (and of the types whose constructors) that take a Context, or null when a using alias
    /// of Context hides them from the text.
    /// </summary>
    private readonly Lazy<HashSet<string>?> _namesWithContext;

    /// <summary>
    /// Per type definition (of the assemblies that can mention Context): has it a constructor that takes one? Asked
    /// by the overload search for every constructor call that passes the name filter, so kept rather than re-read
    /// like the by-name method look-ups.
    /// </summary>
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _hasContextConstructor =
        new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

    private readonly Func<INamedTypeSymbol, bool> _findContextConstructor;

    public ContextForwardingState(KnownSymbols symbols)
    {
        Symbols = symbols;
        _canMentionInOrder = ContextReach.AssembliesThatCanMentionContext(symbols);
        _canMention = new HashSet<IAssemblySymbol>(_canMentionInOrder, SymbolEqualityComparer.Default);
        _extensions = new Lazy<Dictionary<string, ImmutableArray<IMethodSymbol>>>(BuildExtensionIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _namesWithContext = new Lazy<HashSet<string>?>(FindNamesWithContext, LazyThreadSafetyMode.ExecutionAndPublication);
        _findContextConstructor = type => type.InstanceConstructors.Any(constructor => TakesContext(constructor, skipReceiver: false));
    }

    public KnownSymbols Symbols { get; }

    /// <summary>
    /// True when <paramref name="type"/> declares an ordinary method or constructor named <paramref name="name"/>
    /// that takes a Context. Types of assemblies that cannot mention Context (the framework, most packages) are
    /// answered without loading their members.
    /// </summary>
    public bool DeclaresWithContext(INamedTypeSymbol type, string name)
    {
        if (!CanMentionContext(type.ContainingAssembly) || Symbols.IsContext(type))
        {
            return false;
        }

        if (name == WellKnownMemberNames.InstanceConstructorName)
        {
            return _hasContextConstructor.GetOrAdd(type.OriginalDefinition, _findContextConstructor);
        }

        foreach (var member in type.OriginalDefinition.GetMembers(name))
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method
                && TakesContext(method, skipReceiver: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no method named like <paramref name="method"/> (for a constructor: no constructor of a type named
    /// like its type) takes a Context, not in this compilation, not in the assemblies that can declare one. Then
    /// <paramref name="method"/> takes a Context only through a type argument, and neither its types nor the
    /// extension methods can have a Context overload of it.
    /// </summary>
    public bool AnyMethodTakesContext(IMethodSymbol method) => _namesWithContext.Value?.Contains(NameOf(method)) ?? true;

    /// <summary>The name a method is known by in the name filter: its own, or its type's for a constructor.</summary>
    private static string NameOf(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;

    /// <summary>
    /// True for the assemblies that can declare a member taking a Context: this compilation, Mariachi.Abstractions
    /// and the assemblies that reference it.
    /// </summary>
    public bool CanMentionContext(IAssemblySymbol? assembly) => assembly is not null && _canMention.Contains(assembly);

    /// <summary>The extension methods named <paramref name="name"/> that take a Context besides their receiver.</summary>
    public ImmutableArray<IMethodSymbol> ExtensionsWithContext(string name) =>
        _extensions.Value.TryGetValue(name, out var methods) ? methods : ImmutableArray<IMethodSymbol>.Empty;

    /// <summary>True when a parameter other than the receiver of an extension method is a Context.</summary>
    public bool TakesContext(IMethodSymbol method, bool skipReceiver)
    {
        var parameters = method.Parameters;
        for (var i = skipReceiver ? 1 : 0; i < parameters.Length; i++)
        {
            if (Symbols.IsContext(parameters[i].Type))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsObsolete(ISymbol symbol) =>
        Symbols.ObsoleteAttribute is { } obsolete && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, obsolete));

    /// <summary>
    /// The names of the methods (and of the types whose constructors) that take a Context: this compilation's read
    /// from its text (see <see cref="ContextParameterNames"/>), the referenced assemblies' from their symbols.
    /// </summary>
    private HashSet<string>? FindNamesWithContext()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var compilation = Symbols.Compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var declared = ContextParameterNames.Of(tree, CancellationToken.None);
            if (!declared.IsKnown)
            {
                return null;
            }

            names.UnionWith(declared.Names);
        }

        foreach (var assembly in _canMentionInOrder)
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                AddNamesWithContext(assembly.GlobalNamespace, names);
            }
        }

        return names;
    }

    private void AddNamesWithContext(INamespaceOrTypeSymbol container, HashSet<string> names)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    AddNamesWithContext(nested, names);
                    break;
                case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method
                    when !names.Contains(NameOf(method)) && TakesContext(method, skipReceiver: false):
                    names.Add(NameOf(method));
                    break;
            }
        }
    }

    /// <summary>
    /// Every extension method that takes a Context (other than as its receiver), in this compilation and in the
    /// referenced assemblies that can declare one: Mariachi.Abstractions and the assemblies that reference it.
    /// </summary>
    private Dictionary<string, ImmutableArray<IMethodSymbol>> BuildExtensionIndex()
    {
        var found = new Dictionary<string, List<IMethodSymbol>>(StringComparer.Ordinal);
        var namespaces = new Stack<INamespaceSymbol>();
        foreach (var assembly in _canMentionInOrder)
        {
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                var current = namespaces.Pop();
                foreach (var nested in current.GetNamespaceMembers())
                {
                    namespaces.Push(nested);
                }

                foreach (var type in current.GetTypeMembers())
                {
                    if (!type.IsStatic || !type.MightContainExtensionMethods)
                    {
                        continue;
                    }

                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol { IsExtensionMethod: true } method
                            && method.Parameters.Length > 1
                            && !Symbols.IsContext(method.Parameters[0].Type)
                            && TakesContext(method, skipReceiver: true))
                        {
                            if (!found.TryGetValue(method.Name, out var list))
                            {
                                list = new List<IMethodSymbol>();
                                found.Add(method.Name, list);
                            }

                            list.Add(method);
                        }
                    }
                }
            }
        }

        return found.ToDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
    }
}
