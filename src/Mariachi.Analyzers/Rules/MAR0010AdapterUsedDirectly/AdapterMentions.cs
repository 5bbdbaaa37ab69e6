using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Which trees of a compilation can write an adapter type (MAR0010's per-tree gate). A written type names an adapter
/// by its simple name (<c>InMemoryRepository&lt;Order&gt;</c>, <c>Data.InMemoryRepository&lt;Order&gt;</c>) or by a
/// using alias; a file's own aliases spell the adapter's name in that file, and a <c>global using</c> alias of one
/// (declared where the name is spelt) is looked for by its alias name in every file. So a tree whose identifiers
/// spell none of these words declares no field, property, parameter, local or return type that MAR0010 reports, and
/// its members are not looked at: in a solution that uses adapters in its start-up code only, nearly every file.
/// The words are the simple names of the adapter classes of the referenced <c>Mariachi.Adapters.*</c> assemblies;
/// each tree's text is searched for them as whole identifiers (<see cref="IdentifierWords"/>, escapes included) and
/// each hit is confirmed by its token, once per tree and word set. A creation needs no written type
/// (<c>Add(new())</c>): creations are not gated.
/// </summary>
internal sealed class AdapterMentions
{
    /// <summary>Per tree: the word set it was searched for and the answer.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, Answer> PerTree = new ConditionalWeakTable<SyntaxTree, Answer>();

    private readonly Compilation _compilation;
    private readonly IdentifierWords? _adapterNames;
    private IdentifierWords? _words;

    private AdapterMentions(Compilation compilation, IdentifierWords? adapterNames)
    {
        _compilation = compilation;
        _adapterNames = adapterNames;
    }

    /// <summary>The gate of <paramref name="compilation"/>, whose references include adapter assemblies.</summary>
    public static AdapterMentions Create(Compilation compilation, KnownSymbols symbols)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var identities = symbols.ReferencedIdentities;
        for (var i = 0; i < identities.Length; i++)
        {
            if (identities[i].Name.StartsWith(AdapterTypes.AdapterAssemblyPrefix, StringComparison.Ordinal)
                && symbols.ReferencedAssembly(i) is { } assembly)
            {
                AddAdapterNames(assembly.GlobalNamespace, names);
            }
        }

        return new AdapterMentions(compilation, names.Count == 0 ? null : new IdentifierWords(names));
    }

    /// <summary>True when <paramref name="tree"/> may write an adapter type; false means none of its declarations has one.</summary>
    public bool InTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_adapterNames is null)
        {
            return false;
        }

        var words = Volatile.Read(ref _words) ?? Words(cancellationToken);
        return Mentions(tree, words, cancellationToken);
    }

    /// <summary>The adapter names plus the <c>global using</c> aliases declared in the trees that spell one (read once).</summary>
    private IdentifierWords Words(CancellationToken cancellationToken)
    {
        SortedSet<string>? aliases = null;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!Mentions(tree, _adapterNames!, cancellationToken) || tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
            {
                continue;
            }

            foreach (var directive in unit.Usings)
            {
                if (directive.Alias is { } alias && !directive.GlobalKeyword.IsKind(SyntaxKind.None))
                {
                    (aliases ??= new SortedSet<string>(StringComparer.Ordinal)).Add(alias.Name.Identifier.ValueText);
                }
            }
        }

        var words = _adapterNames!;
        if (aliases is not null)
        {
            aliases.UnionWith(words.Words);
            words = new IdentifierWords(aliases);
        }

        // Two threads may both read the aliases; they find the same words.
        Volatile.Write(ref _words, words);
        return words;
    }

    private static bool Mentions(SyntaxTree tree, IdentifierWords words, CancellationToken cancellationToken)
    {
        if (PerTree.TryGetValue(tree, out var kept) && kept.Key == words.Key)
        {
            return kept.Mentions;
        }

        var answer = new Answer(words.Key, Read(tree, words, cancellationToken));
        PerTree.Remove(tree);
        PerTree.GetValue(tree, _ => answer);
        return answer.Mentions;
    }

    /// <summary>True when an identifier token of <paramref name="tree"/> is one of <paramref name="words"/> (comments and strings do not count).</summary>
    private static bool Read(SyntaxTree tree, IdentifierWords words, CancellationToken cancellationToken) =>
        words.AnyIsIdentifier(tree, words.Find(tree, cancellationToken), cancellationToken);

    /// <summary>The simple names of the adapter classes under <paramref name="ns"/> (nested ones included).</summary>
    private static void AddAdapterNames(INamespaceSymbol ns, SortedSet<string> names)
    {
        foreach (var member in ns.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol inner:
                    AddAdapterNames(inner, names);
                    break;
                case INamedTypeSymbol type:
                    AddAdapterNames(type, names);
                    break;
            }
        }
    }

    private static void AddAdapterNames(INamedTypeSymbol type, SortedSet<string> names)
    {
        if (type.TypeKind == TypeKind.Class && AdapterTypes.IsAdapterDefinition(type))
        {
            names.Add(type.Name);
        }

        foreach (var nested in type.GetTypeMembers())
        {
            AddAdapterNames(nested, names);
        }
    }

    private sealed class Answer
    {
        public Answer(string key, bool mentions)
        {
            Key = key;
            Mentions = mentions;
        }

        public string Key { get; }

        public bool Mentions { get; }
    }
}
