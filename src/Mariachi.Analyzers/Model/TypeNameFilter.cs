using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// A per-compilation pre-filter on the text of type names: can a name spelled with this identifier denote a type a
/// rule looks for? Binding a name costs far more than reading it, and nearly every type name in a layer's code
/// (models, framework types, primitives) cannot denote a data-access or HTTP server type. The answer is exact, not a
/// heuristic that can miss: an identifier passes when a type with that simple name declared in the compilation is
/// wanted under the file's options, when a referenced assembly that may declare wanted types (the rule says which,
/// per assembly: ASP.NET Core's for HTTP server types) declares a type with that name, or when it is a using alias
/// (which can rename anything). Metadata is never walked: an assembly's set of type names answers. Where assemblies
/// must be asked, each identifier is decided once per compilation and configuration; thread-safe.
/// </summary>
/// <remarks>
/// A rule creates one at compilation start with its type predicate and asks <see cref="MayDenote"/> before
/// <c>GetSymbolInfo</c>; <see cref="LayerReferences"/> does this for MAR0006/MAR0007.
/// </remarks>
internal sealed class TypeNameFilter
{
    private readonly Compilation _compilation;
    private readonly Func<ITypeSymbol, MariachiOptions, bool> _isWanted;
    private readonly Func<IAssemblySymbol, MariachiOptions, bool> _mayDeclareWanted;
    private readonly Func<MariachiOptions, HashSet<string>?>? _referencedWantedNames;
    private readonly UsingAliases _aliases;
    private readonly ConcurrentDictionary<MariachiOptions, Verdicts> _verdicts = new ConcurrentDictionary<MariachiOptions, Verdicts>();
    private Verdicts? _last;
    private SourceTypesByName? _sourceTypes;

    /// <param name="compilation">The compilation analyzed.</param>
    /// <param name="isWanted">The types looked for, under a file's options.</param>
    /// <param name="mayDeclareWanted">False for a referenced assembly that declares no wanted type (true when unsure).</param>
    /// <param name="aliases">The compilation's using aliases, when the rule has them already.</param>
    /// <param name="referencedWantedNames">
    /// When the rule can list them under a configuration, the simple names of the wanted types its references declare,
    /// each as <see cref="Key"/> gives it (null when it cannot): a name is then looked up in that set, and only the assemblies
    /// <paramref name="mayDeclareWanted"/> still names (those the list does not cover) are asked for their type names.
    /// </param>
    public TypeNameFilter(
        Compilation compilation,
        Func<ITypeSymbol, MariachiOptions, bool> isWanted,
        Func<IAssemblySymbol, MariachiOptions, bool> mayDeclareWanted,
        UsingAliases? aliases = null,
        Func<MariachiOptions, HashSet<string>?>? referencedWantedNames = null)
    {
        _compilation = compilation;
        _isWanted = isWanted;
        _mayDeclareWanted = mayDeclareWanted;
        _referencedWantedNames = referencedWantedNames;
        _aliases = aliases ?? new UsingAliases(compilation);
    }

    /// <summary>True when <paramref name="name"/> may denote a wanted type: it must be bound to know.</summary>
    public bool MayDenote(NameSyntax name, MariachiOptions options, CancellationToken cancellationToken) =>
        SyntaxNames.LastIdentifier(name) is not { } identifier
        || MayBeNamed(identifier, Arity(name), options, cancellationToken)
        || _aliases.Contains(identifier, cancellationToken)

        // A nested type written qualified (HeaderDictionary.Enumerator) is looked for through its containing type.
        || (name is QualifiedNameSyntax qualified && MayDenote(qualified.Left, options, cancellationToken));

    /// <summary>
    /// The key of a simple name in the rule's list of referenced names (<see cref="LayerReferences"/>): the identifier,
    /// with <c>`</c> and the arity for a generic type, so that <c>Page&lt;T&gt;</c> of the code's own does not pass for
    /// Razor Pages' <c>Page</c>.
    /// </summary>
    public static string Key(string name, int arity) => arity == 0 ? name : name + "`" + arity.ToString(CultureInfo.InvariantCulture);

    /// <summary>The arity a name is written with (<c>Page&lt;T&gt;</c>: 1).</summary>
    private static int Arity(NameSyntax name) => name switch
    {
        GenericNameSyntax generic => generic.TypeArgumentList.Arguments.Count,
        QualifiedNameSyntax qualified => Arity(qualified.Right),
        AliasQualifiedNameSyntax alias => Arity(alias.Name),
        _ => 0,
    };

    /// <summary>True when some type of <paramref name="arity"/> whose simple name is <paramref name="identifier"/> is wanted (aliases aside).</summary>
    public bool MayBeNamed(string identifier, int arity, MariachiOptions options, CancellationToken cancellationToken)
    {
        // Nearly every file of a compilation has the same options: the last configuration asked answers first.
        var verdicts = Volatile.Read(ref _last);
        if (verdicts is null || !ReferenceEquals(verdicts.Options, options))
        {
            verdicts = _verdicts.GetOrAdd(options, o => new Verdicts(o, _referencedWantedNames?.Invoke(o), DeclaringAssemblies(o)));
            Volatile.Write(ref _last, verdicts);
        }

        // Without assemblies to ask, deciding is two hash look-ups: cheaper than a cache that takes a lock for each of
        // the many distinct names a compilation writes (and that two threads of the driver contend for).
        if (verdicts.Assemblies.Length == 0)
        {
            return Decide(identifier, arity, verdicts, options, cancellationToken);
        }

        var key = Key(identifier, arity);
        if (verdicts.ByIdentifier.TryGetValue(key, out var known))
        {
            return known;
        }

        // Two threads may decide the same identifier; they find the same answer.
        var verdict = Decide(identifier, arity, verdicts, options, cancellationToken);
        verdicts.ByIdentifier.TryAdd(key, verdict);
        return verdict;
    }

    private bool Decide(string identifier, int arity, Verdicts verdicts, MariachiOptions options, CancellationToken cancellationToken)
    {
        // Source: the compilation's index of its types by name, nested types included.
        var sourceTypes = Volatile.Read(ref _sourceTypes) ?? (_sourceTypes = SourceTypesByName.Of(_compilation, cancellationToken));
        foreach (var type in sourceTypes.Find(identifier))
        {
            if ((type as INamedTypeSymbol)?.Arity == arity && _isWanted(type, options))
            {
                return true;
            }
        }

        if (verdicts.ReferencedNames?.Contains(Key(identifier, arity)) == true)
        {
            return true;
        }

        // References: the assembly's set of type names answers without creating a symbol (walking its namespaces
        // would load every type of them).
        foreach (var assembly in verdicts.Assemblies)
        {
            if (assembly.TypeNames.Contains(identifier))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The referenced assemblies that may declare a wanted type under <paramref name="options"/>, decided once per
    /// configuration: asking each assembly again for every identifier cost more than the lookups themselves.
    /// </summary>
    private IAssemblySymbol[] DeclaringAssemblies(MariachiOptions options)
    {
        var declaring = new List<IAssemblySymbol>();
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (_mayDeclareWanted(assembly, options))
            {
                declaring.Add(assembly);
            }
        }

        return declaring.ToArray();
    }

    /// <summary>The answers under one configuration: the assemblies to ask, and each identifier's verdict.</summary>
    private sealed class Verdicts
    {
        public Verdicts(MariachiOptions options, HashSet<string>? referencedNames, IAssemblySymbol[] assemblies)
        {
            Options = options;
            ReferencedNames = referencedNames;
            Assemblies = assemblies;
        }

        public MariachiOptions Options { get; }

        /// <summary>The wanted types' names the rule listed for the references, if it could.</summary>
        public HashSet<string>? ReferencedNames { get; }

        public IAssemblySymbol[] Assemblies { get; }

        public ConcurrentDictionary<string, bool> ByIdentifier { get; } = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
    }
}
