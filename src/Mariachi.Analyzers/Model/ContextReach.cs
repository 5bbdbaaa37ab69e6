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

    /// <summary>Where each tree spells the words of Mariachi.Abstractions; the words of assemblies built on it are kept apart.</summary>
    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> OwnHits = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> OtherHits = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    /// <summary>
    /// False only when no code of the compilation can have a Context in scope; then MAR0003-MAR0005 have nothing to
    /// find. Thread-safe; the first caller computes the answer, the others wait for it.
    /// </summary>
    public static bool IsPossible(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (symbols.Context is null)
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
        result.AddRange(BuiltOnMariachi(symbols, mariachi));
        if (!result.Contains(mariachi, SymbolEqualityComparer.Default))
        {
            result.Add(mariachi);
        }

        return result;
    }

    /// <summary>The words that make a Context reachable (for tests): those of Mariachi.Abstractions, then those of the assemblies built on it.</summary>
    internal static IReadOnlyCollection<string> WordsFor(KnownSymbols symbols)
    {
        if (symbols.Context?.ContainingAssembly is not { } mariachi)
        {
            return Array.Empty<string>();
        }

        var words = new SortedSet<string>(OwnWords(symbols, mariachi).Words, StringComparer.Ordinal);
        words.UnionWith(WordsOfAssembliesBuiltOnMariachi(symbols, mariachi));
        return words;
    }

    /// <summary>
    /// The referenced assemblies other than Mariachi.Abstractions that reference it. An assembly signed with one of
    /// Microsoft's keys (the shared framework, the Microsoft.Extensions packages: nearly all of a project's hundreds
    /// of references) is not built on Mariachi and is passed over without reading its references. Each assembly's
    /// answer is kept with its symbol, which the IDE shares between the compilations of a project.
    /// </summary>
    private static IEnumerable<IAssemblySymbol> BuiltOnMariachi(KnownSymbols symbols, IAssemblySymbol mariachi)
    {
        foreach (var assembly in symbols.ReferencesNotSignedByMicrosoft)
        {
            if (!ReferenceEquals(assembly, mariachi)
                && !SymbolEqualityComparer.Default.Equals(assembly, mariachi)
                && BuiltOn.GetValue(assembly, a => ReferencesAssembly(a, mariachi.Name) ? Yes : No) == Yes)
            {
                yield return assembly;
            }
        }
    }

    private static readonly object Yes = new object();

    private static readonly object No = new object();

    private static readonly ConditionalWeakTable<IAssemblySymbol, object> BuiltOn = new ConditionalWeakTable<IAssemblySymbol, object>();

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
    /// Two steps, the cheap one first: the trees are searched for the words of Mariachi.Abstractions (<c>Mariachi</c>
    /// and what it hands out under other names), which needs no look at the other references; only where none is
    /// found are the referenced assemblies built on Mariachi looked for, and the trees searched for their words.
    /// </summary>
    private static bool Compute(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var mariachi = symbols.Context!.ContainingAssembly;
        var own = OwnWords(symbols, mariachi);
        if (Mentions(symbols.Compilation, own, OwnHits, cancellationToken))
        {
            return true;
        }

        var others = WordsOfAssembliesBuiltOnMariachi(symbols, mariachi);
        others.ExceptWith(own.Words);
        return others.Count > 0 && Mentions(symbols.Compilation, new IdentifierWords(others), OtherHits, cancellationToken);
    }

    /// <summary>True when some tree of <paramref name="compilation"/> spells one of <paramref name="words"/> as an identifier.</summary>
    private static bool Mentions(Compilation compilation, IdentifierWords words, ConditionalWeakTable<SyntaxTree, TreeHits> kept, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = Hits(tree, words, kept, cancellationToken);
            if (hits.Length == 0)
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            foreach (var position in hits)
            {
                // An identifier, not a comment, string or disabled text; an escaped one (Mari\u0061chi) by its value.
                var token = root.FindToken(position);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && words.Words.Contains(token.ValueText))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Mariachi</c> and the names under which Mariachi.Abstractions hands out Mariachi types outside its
    /// namespaces (<c>AddMariachiConfiguration</c>); kept with the Mariachi.Abstractions symbol.
    /// </summary>
    private static IdentifierWords OwnWords(KnownSymbols symbols, IAssemblySymbol mariachi)
    {
        var compilation = symbols.Compilation;
        if (SymbolEqualityComparer.Default.Equals(mariachi, compilation.Assembly))
        {
            return new IdentifierWords(new SortedSet<string>(StringComparer.Ordinal) { Namespace });
        }

        var withInternals = mariachi.GivesAccessTo(compilation.Assembly);
        var kept = OwnWordsPerAssembly.GetValue(mariachi, _ => new KeptWords());
        lock (kept)
        {
            ref var words = ref withInternals ? ref kept.WithInternals : ref kept.Public;
            return words ??= new IdentifierWords(new SortedSet<string>(MariachiSignatures.Names(mariachi, withInternals), StringComparer.Ordinal) { Namespace });
        }
    }

    private static readonly ConditionalWeakTable<IAssemblySymbol, KeptWords> OwnWordsPerAssembly = new ConditionalWeakTable<IAssemblySymbol, KeptWords>();

    /// <summary>
    /// The names by which code reaches a Mariachi type through a referenced assembly built against Mariachi: its
    /// types and members, outside the Mariachi namespaces, whose signature involves a Mariachi type (an adapter's
    /// <c>AddMariachi</c>, a project's base class with a protected Context). An assembly that hands out Mariachi
    /// types only under the Mariachi namespaces (or not at all) adds nothing: referencing it reaches nothing until
    /// code names Mariachi.
    /// </summary>
    private static SortedSet<string> WordsOfAssembliesBuiltOnMariachi(KnownSymbols symbols, IAssemblySymbol mariachi)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var compilation = symbols.Compilation;
        foreach (var assembly in BuiltOnMariachi(symbols, mariachi))
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

        var found = new TreeHits(words.Key, words.Find(tree.GetText(cancellationToken).ToString()));
        table.Remove(tree);
        table.GetValue(tree, _ => found);
        return found.Positions;
    }

    private sealed class KeptWords
    {
        public IdentifierWords? Public;

        public IdentifierWords? WithInternals;
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
