using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The names under which an assembly hands out Mariachi types outside the Mariachi namespaces (see
/// <see cref="ContextReach"/>): every type a referencing compilation can see (public; internal too when the assembly
/// gives it access) with a visible member whose signature involves a Mariachi type, or inheriting one, and those
/// members' names. Types of the Mariachi namespaces are left out: naming them spells <c>Mariachi</c> already. Walked
/// once per assembly symbol and kept with it.
/// </summary>
internal static class MariachiSignatures
{
    private const string Namespace = "Mariachi";

    private static readonly ConditionalWeakTable<IAssemblySymbol, Kept> PerAssembly = new ConditionalWeakTable<IAssemblySymbol, Kept>();

    public static IReadOnlyCollection<string> Names(IAssemblySymbol assembly, bool withInternals)
    {
        var kept = PerAssembly.GetValue(assembly, _ => new Kept());
        lock (kept)
        {
            return withInternals
                ? kept.WithInternals ??= new Walk(withInternals: true).Names(assembly)
                : kept.Public ??= new Walk(withInternals: false).Names(assembly);
        }
    }

    /// <summary>True when <paramref name="type"/> is a type of the Mariachi namespaces or has one among its type arguments.</summary>
    public static bool InvolvesMariachi(ITypeSymbol type) => InvolvesMariachi(type, 0);

    private static bool InvolvesMariachi(ITypeSymbol type, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return InvolvesMariachi(array.ElementType, depth + 1);
            case INamedTypeSymbol named:
                var outermost = named.ContainingNamespace;
                while (outermost is { ContainingNamespace.IsGlobalNamespace: false })
                {
                    outermost = outermost.ContainingNamespace;
                }

                return outermost?.Name == Namespace || named.TypeArguments.Any(argument => InvolvesMariachi(argument, depth + 1));
            default:
                return false;
        }
    }

    private static bool SignatureInvolvesMariachi(ISymbol member) => member switch
    {
        IMethodSymbol method => InvolvesMariachi(method.ReturnType) || method.Parameters.Any(p => InvolvesMariachi(p.Type)),
        IPropertySymbol property => InvolvesMariachi(property.Type) || property.Parameters.Any(p => InvolvesMariachi(p.Type)),
        IFieldSymbol field => InvolvesMariachi(field.Type),
        IEventSymbol @event => InvolvesMariachi(@event.Type),
        _ => false,
    };

    private sealed class Kept
    {
        public IReadOnlyCollection<string>? Public { get; set; }

        public IReadOnlyCollection<string>? WithInternals { get; set; }
    }

    /// <summary>One walk over an assembly's namespaces, remembering which base types hand out a Mariachi type.</summary>
    private sealed class Walk
    {
        private readonly bool _withInternals;
        private readonly SortedSet<string> _names = new SortedSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<INamedTypeSymbol, bool> _inheritable = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IAssemblySymbol, bool> _builtOnMariachi = new Dictionary<IAssemblySymbol, bool>(SymbolEqualityComparer.Default);

        public Walk(bool withInternals) => _withInternals = withInternals;

        public IReadOnlyCollection<string> Names(IAssemblySymbol assembly)
        {
            var namespaces = new Stack<INamespaceSymbol>();
            namespaces.Push(assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                var current = namespaces.Pop();
                foreach (var type in current.GetTypeMembers())
                {
                    AddType(type);
                }

                foreach (var nested in current.GetNamespaceMembers())
                {
                    if (nested.Name != Namespace || !current.IsGlobalNamespace)
                    {
                        namespaces.Push(nested);
                    }
                }
            }

            return _names;
        }

        /// <summary>Adds the type's name and its Mariachi-handing members' names; true when it hands one out.</summary>
        private bool AddType(INamedTypeSymbol type)
        {
            if (!IsVisible(type))
            {
                return false;
            }

            var handsOut = Inherits(type.BaseType);
            foreach (var member in type.GetMembers())
            {
                if (member is INamedTypeSymbol nested)
                {
                    handsOut |= AddType(nested);
                }
                else if (member.CanBeReferencedByName && IsVisible(member) && SignatureInvolvesMariachi(member))
                {
                    _names.Add(member.Name);
                    handsOut = true;
                }
            }

            if (handsOut)
            {
                _names.Add(type.Name);
            }

            return handsOut;
        }

        /// <summary>
        /// Whether a type deriving from <paramref name="baseType"/> inherits a Mariachi type: the base is one, or it or
        /// one of its bases (in assemblies built on Mariachi) has a public or protected member involving one.
        /// </summary>
        private bool Inherits(INamedTypeSymbol? baseType)
        {
            if (baseType is null || baseType.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            if (InvolvesMariachi(baseType))
            {
                return true;
            }

            var definition = baseType.OriginalDefinition;
            if (_inheritable.TryGetValue(definition, out var known))
            {
                return known;
            }

            var inherits = BuiltOnMariachi(definition.ContainingAssembly)
                && definition.GetMembers().Any(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal && SignatureInvolvesMariachi(m));
            inherits = inherits || Inherits(definition.BaseType);
            _inheritable[definition] = inherits;
            return inherits;
        }

        private bool BuiltOnMariachi(IAssemblySymbol? assembly)
        {
            if (assembly is null)
            {
                return false;
            }

            if (!_builtOnMariachi.TryGetValue(assembly, out var built))
            {
                built = assembly.Name == KnownSymbols.MariachiAssemblyName
                    || assembly.Modules.Any(module => module.ReferencedAssemblies.Any(reference => reference.Name == KnownSymbols.MariachiAssemblyName));
                _builtOnMariachi[assembly] = built;
            }

            return built;
        }

        private bool IsVisible(ISymbol symbol) => symbol.DeclaredAccessibility switch
        {
            Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
            Accessibility.Internal or Accessibility.ProtectedAndInternal => _withInternals,
            _ => false,
        };
    }
}
