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
/// that namespace, and each of these spells the identifier <c>Mariachi</c> in some file of the compilation. The
/// few Mariachi.Abstractions members declared elsewhere (the DI extensions) count by their names when their
/// signature involves a Mariachi type. So a compilation with none of these identifiers (comments, strings and
/// disabled code do not count) cannot reach a Context, and the answer costs one text scan per tree (kept with the
/// tree) and no binding. An assembly built against Mariachi can hand out Mariachi types under any name: a
/// compilation that references one always counts as reached. The answer may be a needless yes, never a wrong no.
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
        symbols.Context is null ? Array.Empty<string>() : Words(symbols.Context.ContainingAssembly).Words;

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
        var mariachi = symbols.Context!.ContainingAssembly;
        var compilation = symbols.Compilation;
        foreach (var assembly in AssembliesThatCanMentionContext(symbols))
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, mariachi) && !SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly))
            {
                return true;
            }
        }

        var words = Words(mariachi);
        foreach (var tree in compilation.SyntaxTrees)
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
    /// <c>Mariachi</c>, and the names of the public types and members of Mariachi.Abstractions outside the Mariachi
    /// namespaces whose signature involves a Mariachi type (<c>AddMariachiConfiguration</c>).
    /// </summary>
    private static WordSet Words(IAssemblySymbol mariachi)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal) { Namespace };
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(mariachi.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            var current = namespaces.Pop();
            foreach (var type in current.GetTypeMembers())
            {
                AddWords(type, words);
            }

            foreach (var nested in current.GetNamespaceMembers())
            {
                if (nested.Name != Namespace || !current.IsGlobalNamespace)
                {
                    namespaces.Push(nested);
                }
            }
        }

        return new WordSet(words);
    }

    private static void AddWords(INamedTypeSymbol type, SortedSet<string> words)
    {
        if (type.DeclaredAccessibility != Accessibility.Public)
        {
            return;
        }

        foreach (var member in type.GetMembers())
        {
            if (member.DeclaredAccessibility == Accessibility.Public && member.CanBeReferencedByName && InvolvesMariachi(member))
            {
                words.Add(member.Name);
                words.Add(type.Name);
            }
        }
    }

    private static bool InvolvesMariachi(ISymbol member) => member switch
    {
        IMethodSymbol method => InvolvesMariachi(method.ReturnType, 0) || method.Parameters.Any(p => InvolvesMariachi(p.Type, 0)),
        IPropertySymbol property => InvolvesMariachi(property.Type, 0),
        IFieldSymbol field => InvolvesMariachi(field.Type, 0),
        IEventSymbol @event => InvolvesMariachi(@event.Type, 0),
        INamedTypeSymbol nested => nested.GetMembers().Any(InvolvesMariachi),
        _ => false,
    };

    /// <summary>True when <paramref name="type"/> is a type of the Mariachi namespaces or has one among its type arguments.</summary>
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

    /// <summary>Where the words occur in <paramref name="tree"/>'s text as whole identifiers; kept per tree and word set.</summary>
    private static int[] Hits(SyntaxTree tree, WordSet words, CancellationToken cancellationToken)
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

    /// <summary>The words to find.</summary>
    private sealed class WordSet
    {
        public WordSet(SortedSet<string> words)
        {
            Words = words;
            Key = string.Join(",", words);
        }

        public string Key { get; }

        public SortedSet<string> Words { get; }

        /// <summary>
        /// The start of every whole-identifier occurrence of a word in <paramref name="text"/>, and of every Unicode
        /// escape (an identifier may spell a letter so: Mari\u0061chi), whose token is then looked at. One ordinal
        /// search per word: far cheaper than reading every identifier of the text.
        /// </summary>
        public int[] Find(string text)
        {
            List<int>? found = null;
            foreach (var word in Words)
            {
                for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                {
                    var end = at + word.Length;
                    if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (end == text.Length || !IsIdentifierPart(text[end])))
                    {
                        (found ??= new List<int>()).Add(at);
                    }
                }
            }

            foreach (var escape in Escapes)
            {
                for (var at = text.IndexOf(escape, StringComparison.Ordinal); at >= 0; at = text.IndexOf(escape, at + escape.Length, StringComparison.Ordinal))
                {
                    (found ??= new List<int>()).Add(at);
                }
            }

            return found is null ? Array.Empty<int>() : found.ToArray();
        }

        private static readonly string[] Escapes = { "\\u", "\\U" };

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
