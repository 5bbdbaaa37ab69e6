using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core
{
    /// <summary>
    /// The per-compilation caches of MAR0003, so that the common case (a call to a method of a type that has nothing
    /// to do with Context) costs two dictionary look-ups: the names of the methods and constructors that take a
    /// Context, per type, and the extension methods that take one, by name.
    /// </summary>
    internal sealed class ContextForwardingState
    {
        private static readonly ImmutableHashSet<string> NoNames = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<string>> _namesByType =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableHashSet<string>>(SymbolEqualityComparer.Default);

        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _canMention =
            new ConcurrentDictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

        private readonly Lazy<ImmutableDictionary<string, ImmutableArray<IMethodSymbol>>> _extensions;

        public ContextForwardingState(KnownSymbols symbols)
        {
            Symbols = symbols;
            Obsolete = symbols.Compilation.GetTypeByMetadataName("System.ObsoleteAttribute");
            _extensions = new Lazy<ImmutableDictionary<string, ImmutableArray<IMethodSymbol>>>(
                BuildExtensionIndex,
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public KnownSymbols Symbols { get; }

        public INamedTypeSymbol? Obsolete { get; }

        /// <summary>
        /// The names of the ordinary methods and constructors declared on <paramref name="type"/> that take a Context.
        /// Types of assemblies that cannot mention Context (the framework, most packages) are answered without
        /// loading their members.
        /// </summary>
        public ImmutableHashSet<string> NamesWithContext(INamedTypeSymbol type) =>
            CanMentionContext(type.ContainingAssembly) ? _namesByType.GetOrAdd(type.OriginalDefinition, CollectNames) : NoNames;

        /// <summary>
        /// True for the assemblies that can declare a member taking a Context: this compilation, Mariachi.Abstractions
        /// and the assemblies that reference it.
        /// </summary>
        public bool CanMentionContext(IAssemblySymbol? assembly) =>
            assembly is not null && _canMention.GetOrAdd(assembly, ComputeCanMention);

        private bool ComputeCanMention(IAssemblySymbol assembly)
        {
            var mariachi = Symbols.Context?.ContainingAssembly;
            if (mariachi is null)
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(assembly, Symbols.Compilation.Assembly)
                || SymbolEqualityComparer.Default.Equals(assembly, mariachi)
                || assembly.Modules.Any(module => module.ReferencedAssemblySymbols.Any(r => r.Name == mariachi.Name));
        }

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
            Obsolete is not null && symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, Obsolete));

        private ImmutableHashSet<string> CollectNames(INamedTypeSymbol type)
        {
            if (Symbols.IsContext(type))
            {
                return NoNames;
            }

            ImmutableHashSet<string>.Builder? names = null;
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol method
                    && (method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.Constructor)
                    && TakesContext(method, skipReceiver: false))
                {
                    names ??= ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                    names.Add(method.Name);
                }
            }

            return names?.ToImmutable() ?? NoNames;
        }

        /// <summary>
        /// Every extension method that takes a Context (other than as its receiver), in this compilation and in the
        /// referenced assemblies that can declare one: Mariachi.Abstractions and the assemblies that reference it.
        /// </summary>
        private ImmutableDictionary<string, ImmutableArray<IMethodSymbol>> BuildExtensionIndex()
        {
            var found = new Dictionary<string, List<IMethodSymbol>>(StringComparer.Ordinal);
            var mariachi = Symbols.Context?.ContainingAssembly;
            if (mariachi is null)
            {
                return ImmutableDictionary<string, ImmutableArray<IMethodSymbol>>.Empty;
            }

            var compilation = Symbols.Compilation;
            var assemblies = new List<IAssemblySymbol> { compilation.Assembly };
            assemblies.AddRange(compilation.SourceModule.ReferencedAssemblySymbols.Where(CanMentionContext));

            var namespaces = new Stack<INamespaceSymbol>();
            foreach (var assembly in assemblies)
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

            return found.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        }
    }
}
