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

    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> HitsPerTree = new ConditionalWeakTable<SyntaxTree, TreeHits>();

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

        var compilation = symbols.Compilation;
        result.Add(compilation.Assembly);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (SymbolEqualityComparer.Default.Equals(assembly, mariachi) || ReferencesAssembly(assembly, mariachi.Name))
            {
                result.Add(assembly);
            }
        }

        if (!result.Contains(mariachi, SymbolEqualityComparer.Default))
        {
            result.Add(mariachi);
        }

        return result;
    }

    /// <summary>The identifiers whose presence makes a Context reachable (for tests).</summary>
    internal static IReadOnlyCollection<string> WordsFor(KnownSymbols symbols) =>
        symbols.Context is null ? Array.Empty<string>() : WordsOf(symbols).Words;

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

    private static bool Compute(KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var words = WordsOf(symbols);
        foreach (var tree in symbols.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = Hits(tree, words, cancellationToken);
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
    /// <c>Mariachi</c>, and the names by which code reaches a Mariachi type without spelling it: the types and members
    /// outside the Mariachi namespaces, of Mariachi.Abstractions and of every referenced assembly built against it,
    /// whose signature involves a Mariachi type (<c>AddMariachiConfiguration</c>, an adapter's <c>AddMariachi</c>, a
    /// project's base class with a protected Context). An assembly that hands out Mariachi types only under the
    /// Mariachi namespaces (or not at all) adds nothing: referencing it reaches nothing until code names Mariachi.
    /// </summary>
    private static IdentifierWords WordsOf(KnownSymbols symbols)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal) { Namespace };
        var compilation = symbols.Compilation;
        foreach (var assembly in AssembliesThatCanMentionContext(symbols))
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                words.UnionWith(MariachiSignatures.Names(assembly, assembly.GivesAccessTo(compilation.Assembly)));
            }
        }

        return new IdentifierWords(words);
    }

    /// <summary>Where the words occur in <paramref name="tree"/>'s text as whole identifiers; kept per tree and word set.</summary>
    private static int[] Hits(SyntaxTree tree, IdentifierWords words, CancellationToken cancellationToken)
    {
        if (HitsPerTree.TryGetValue(tree, out var kept) && kept.Key == words.Key)
        {
            return kept.Positions;
        }

        var found = new TreeHits(words.Key, words.Find(tree.GetText(cancellationToken).ToString()));
        HitsPerTree.Remove(tree);
        HitsPerTree.GetValue(tree, _ => found);
        return found.Positions;
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
