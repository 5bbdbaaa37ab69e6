using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Can any code of a compilation have a <c>Mariachi.Context</c> in scope? MAR0003 and MAR0005 report only where
/// one is, and MAR0004's <c>Register</c> calls take a handler that receives one, so where the answer is no (a
/// solution that references Mariachi.Abstractions but does not use it yet) they register no action at all.
/// <para>
/// Code reaches a Context, or any Mariachi type that leads to one, only by naming it: a type of the <c>Mariachi</c>
/// namespaces is written qualified, imported (<c>using Mariachi;</c>, a global using, an alias) or used inside
/// that namespace, and each of these spells the identifier <c>Mariachi</c> in some file of the compilation. Members
/// declared elsewhere, in Mariachi.Abstractions (the DI extensions) or in a referenced assembly built against it (an
/// adapter's <c>AddMariachi</c>, a project's base class with a protected Context), count by their names and their
/// types' names when their signature involves a Mariachi type. So a compilation with none of these identifiers
/// (comments, strings and disabled code do not count) cannot reach a Context, and the answer costs one text scan per
/// tree (kept with the tree) and no binding. Referencing an assembly built on Mariachi is not enough: it reaches
/// nothing until code names one of its Mariachi-handing members. The answer may be a needless yes, never a wrong no.
/// </para>
/// The answer is computed once per compilation and shared by the rules.
/// </summary>
internal static class ContextReach
{
    private const string Namespace = "Mariachi";

    private static readonly ConditionalWeakTable<Compilation, Verdict> Verdicts = new ConditionalWeakTable<Compilation, Verdict>();

    /// <summary>The first word looked for, and the only one in most code that uses Mariachi.</summary>
    private static readonly IdentifierWords NamespaceWord = new IdentifierWords(new SortedSet<string>(StringComparer.Ordinal) { Namespace });

    /// <summary>
    /// Where each tree spells <c>Mariachi</c>, the other words of Mariachi.Abstractions, and the words of assemblies
    /// built on it (each kept apart).
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> NamespaceHits = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> OwnHits = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> OtherHits = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    /// <summary>
    /// False only when no code of the compilation can have a Context in scope; then MAR0003-MAR0005 have nothing to
    /// find. Thread-safe; the first caller computes the answer, the others wait for it.
    /// </summary>
    public static bool IsPossible(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        // From the references' names first: a compilation without Mariachi.Abstractions resolves no symbol here.
        if (!symbols.ReferencesMariachi)
        {
            return false;
        }

        var verdict = Verdicts.GetValue(symbols.Compilation, _ => new Verdict());
        lock (verdict)
        {
            if (verdict.Answer is null)
            {
                verdict.Answer = Compute(symbols, cancellationToken);
            }

            return verdict.Answer.Value;
        }
    }

    /// <summary>
    /// The assemblies that can declare a member taking or giving a Context: this compilation, Mariachi.Abstractions
    /// and the referenced assemblies that reference it (this compilation first).
    /// </summary>
    public static List<IAssemblySymbol> AssembliesThatCanMentionContext(KnownSymbols symbols)
    {
        var result = new List<IAssemblySymbol>();
        var mariachi = symbols.Context?.ContainingAssembly;
        if (mariachi is null)
        {
            return result;
        }

        result.Add(symbols.Compilation.Assembly);
        result.AddRange(BuiltOnMariachi(symbols));
        if (!result.Contains(mariachi, SymbolEqualityComparer.Default))
        {
            result.Add(mariachi);
        }

        return result;
    }

    /// <summary>The words that make a Context reachable (for tests): those of Mariachi.Abstractions, then those of the assemblies built on it.</summary>
    internal static IReadOnlyCollection<string> WordsFor(KnownSymbols symbols)
    {
        if (symbols.Context is null || OwnWords(symbols) is not { } own)
        {
            return Array.Empty<string>();
        }

        var words = new SortedSet<string>(own.All.Words, StringComparer.Ordinal);
        words.UnionWith(WordsOfAssembliesBuiltOnMariachi(symbols));
        return words;
    }

    /// <summary>
    /// The referenced assemblies other than Mariachi.Abstractions that reference it. An assembly signed with one of
    /// Microsoft's keys (the shared framework, the Microsoft.Extensions packages: nearly all of a project's hundreds
    /// of references) is not built on Mariachi, and is passed over without reading its references. Each answer is
    /// kept with the reference's identity, which belongs to its metadata: the compilations that share the metadata
    /// (a build's projects in the compiler server, the IDE's) ask each reference once, and see no symbol of it.
    /// </summary>
    private static IEnumerable<IAssemblySymbol> BuiltOnMariachi(KnownSymbols symbols)
    {
        var identities = symbols.ReferencedIdentities;
        for (var i = 0; i < identities.Length; i++)
        {
            var identity = identities[i];
            if (FrameworkKeys.IsSignedByMicrosoft(identity) || identity.Name == KnownSymbols.MariachiAssemblyName)
            {
                continue;
            }

            if (!BuiltOn.TryGetValue(identity, out var answer))
            {
                answer = symbols.ReferencedAssembly(i) is { } referenced && ReferencesAssembly(referenced, KnownSymbols.MariachiAssemblyName) ? Yes : No;
                answer = BuiltOn.GetValue(identity, _ => answer);
            }

            if (answer == Yes && symbols.ReferencedAssembly(i) is { } assembly)
            {
                yield return assembly;
            }
        }
    }

    private static readonly object Yes = new object();

    private static readonly object No = new object();

    private static readonly ConditionalWeakTable<AssemblyIdentity, object> BuiltOn = new ConditionalWeakTable<AssemblyIdentity, object>();

    private static bool ReferencesAssembly(IAssemblySymbol assembly, string name)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var reference in module.ReferencedAssemblies)
            {
                if (reference.Name == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Three steps, the cheapest first: the trees are searched for <c>Mariachi</c>, which needs no symbol (code that
    /// uses Mariachi nearly always spells it); then for what Mariachi.Abstractions hands out under other names (kept
    /// with its identity); only where neither is found are the referenced assemblies built on Mariachi looked for, and
    /// the trees searched for their words. Every yes also needs <c>Mariachi.Context</c> to resolve.
    /// </summary>
    private static bool Compute(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (Mentions(symbols.Compilation, NamespaceWord, NamespaceHits, cancellationToken))
        {
            return symbols.Context is not null;
        }

        if (OwnWords(symbols) is not { } own)
        {
            return false;
        }

        if (own.Others is { } ownOthers && Mentions(symbols.Compilation, ownOthers, OwnHits, cancellationToken))
        {
            return symbols.Context is not null;
        }

        var others = WordsOfAssembliesBuiltOnMariachi(symbols);
        others.ExceptWith(own.All.Words);
        return others.Count > 0
            && Mentions(symbols.Compilation, new IdentifierWords(others, Namespace), OtherHits, cancellationToken)
            && symbols.Context is not null;
    }

    /// <summary>True when some tree of <paramref name="compilation"/> spells one of <paramref name="words"/> as an identifier.</summary>
    private static bool Mentions(Compilation compilation, IdentifierWords words, ConditionalWeakTable<SyntaxTree, TreeHits> kept, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (words.AnyIsIdentifier(tree, Hits(tree, words, kept, cancellationToken), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Mariachi</c> and the names under which Mariachi.Abstractions hands out Mariachi types outside its
    /// namespaces (<c>AddMariachiConfiguration</c>); null when it is not there. Walked once per metadata of
    /// Mariachi.Abstractions (kept with its identity, see <see cref="BuiltOnMariachi"/>) for both the public and
    /// the internal view; where the two agree, no symbol of it is needed to choose.
    /// </summary>
    private static OwnWordSet? OwnWords(KnownSymbols symbols)
    {
        var compilation = symbols.Compilation;
        if (compilation.AssemblyName == KnownSymbols.MariachiAssemblyName)
        {
            return NamespaceOnly;
        }

        if (symbols.MariachiIdentity is not { } identity)
        {
            return null;
        }

        var kept = OwnWordsPerIdentity.GetValue(identity, _ => new KeptWords());
        lock (kept)
        {
            if (kept.Public is null || kept.WithInternals is null)
            {
                if (symbols.MariachiAssembly is not { } walked)
                {
                    return null;
                }

                kept.Public = new OwnWordSet(MariachiSignatures.Names(walked, withInternals: false));
                kept.WithInternals = new OwnWordSet(MariachiSignatures.Names(walked, withInternals: true));
                kept.Agree = kept.Public.All.Words.SetEquals(kept.WithInternals.All.Words);
                kept.FriendNames = FriendNames(walked);
            }

            // The friend assemblies' names decide first: the key check of GivesAccessTo reads the attributes again.
            return kept.Agree
                || compilation.AssemblyName is not { } name
                || !kept.FriendNames!.Contains(name)
                || symbols.MariachiAssembly is not { } mariachi
                || !mariachi.GivesAccessTo(compilation.Assembly)
                ? kept.Public
                : kept.WithInternals;
        }
    }

    /// <summary>The simple names <paramref name="assembly"/> gives its internals to (<c>InternalsVisibleTo</c>).</summary>
    private static HashSet<string> FriendNames(IAssemblySymbol assembly)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "InternalsVisibleToAttribute" }
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string friend)
            {
                var comma = friend.IndexOf(',');
                names.Add((comma < 0 ? friend : friend.Substring(0, comma)).Trim());
            }
        }

        return names;
    }

    private static readonly OwnWordSet NamespaceOnly = new OwnWordSet(Array.Empty<string>());

    private static readonly ConditionalWeakTable<AssemblyIdentity, KeptWords> OwnWordsPerIdentity = new ConditionalWeakTable<AssemblyIdentity, KeptWords>();

    /// <summary>
    /// The names by which code reaches a Mariachi type through a referenced assembly built against Mariachi: its
    /// types and members, outside the Mariachi namespaces, whose signature involves a Mariachi type (an adapter's
    /// <c>AddMariachi</c>, a project's base class with a protected Context). An assembly that hands out Mariachi
    /// types only under the Mariachi namespaces (or not at all) adds nothing: referencing it reaches nothing until
    /// code names Mariachi.
    /// </summary>
    private static SortedSet<string> WordsOfAssembliesBuiltOnMariachi(KnownSymbols symbols)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var compilation = symbols.Compilation;
        foreach (var assembly in BuiltOnMariachi(symbols))
        {
            words.UnionWith(MariachiSignatures.Names(assembly, assembly.GivesAccessTo(compilation.Assembly)));
        }

        return words;
    }

    /// <summary>Where the words occur in <paramref name="tree"/>'s text as whole identifiers; kept per tree and word set.</summary>
    private static int[] Hits(SyntaxTree tree, IdentifierWords words, ConditionalWeakTable<SyntaxTree, TreeHits> table, CancellationToken cancellationToken)
    {
        if (table.TryGetValue(tree, out var kept) && kept.Key == words.Key)
        {
            return kept.Positions;
        }

        var found = new TreeHits(words.Key, words.Find(tree, cancellationToken));
        table.Remove(tree);
        table.GetValue(tree, _ => found);
        return found.Positions;
    }

    private sealed class KeptWords
    {
        public OwnWordSet? Public;

        public OwnWordSet? WithInternals;

        public bool Agree;

        public HashSet<string>? FriendNames;
    }

    /// <summary>The words of Mariachi.Abstractions: all of them, and those besides <c>Mariachi</c> (null when none).</summary>
    private sealed class OwnWordSet
    {
        public OwnWordSet(IEnumerable<string> names)
        {
            var others = new SortedSet<string>(names, StringComparer.Ordinal);
            others.Remove(Namespace);
            Others = others.Count > 0 ? new IdentifierWords(others, Namespace) : null;
            All = new IdentifierWords(new SortedSet<string>(others, StringComparer.Ordinal) { Namespace });
        }

        public IdentifierWords All { get; }

        public IdentifierWords? Others { get; }
    }

    private sealed class Verdict
    {
        public bool? Answer { get; set; }
    }

    private sealed class TreeHits
    {
        public TreeHits(string key, int[] positions)
        {
            Key = key;
            Positions = positions;
        }

        public string Key { get; }

        public int[] Positions { get; }
    }
}
