using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Can any code of a compilation have a <c>Mariachi.Context</c> in scope? MAR0003 and MAR0005 report only where
/// one is, and MAR0004's <c>Register</c> calls take a handler with a Context parameter, so where the answer is no
/// (a solution that references Mariachi.Abstractions but has not used it yet) they register no action at all.
/// <para>
/// A Context reaches code through a type written in the source (<c>Context</c>, or an alias whose target is
/// written so) or through a member of a referenced assembly: a method returning one or taking a delegate that
/// receives one (<c>Register</c>'s handler lambda), a property, a base type that exposes one. Only
/// Mariachi.Abstractions and the assemblies that reference it can declare such members, so their names together
/// with <c>Context</c> are the words to look for. Each occurrence of those words as an identifier in a tree
/// (comments and strings skipped) is bound, and the first that denotes something that yields a Context answers
/// yes. A name that does not bind counts as yes; the answer may be a needless yes, never a wrong no.
/// </para>
/// The answer is computed once per compilation and shared by the rules; the text scan is kept per tree.
/// </summary>
internal sealed class ContextReach
{
    private const string Word = "Context";

    private static readonly ConditionalWeakTable<Compilation, Verdict> Verdicts = new ConditionalWeakTable<Compilation, Verdict>();

    private static readonly ConditionalWeakTable<SyntaxTree, TreeHits> HitsPerTree = new ConditionalWeakTable<SyntaxTree, TreeHits>();

    private readonly KnownSymbols _symbols;
    private readonly INamedTypeSymbol _context;
    private readonly HashSet<IAssemblySymbol> _referenced;

    /// <summary>Per type definition of the referenced assemblies: can a value of it (or a type deriving from it) give a Context?</summary>
    private readonly Dictionary<INamedTypeSymbol, bool> _yieldsByType = new Dictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);

    private ContextReach(KnownSymbols symbols, INamedTypeSymbol context)
    {
        _symbols = symbols;
        _context = context;
        _referenced = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var assembly in AssembliesThatCanMentionContext(symbols))
        {
            if (!SymbolEqualityComparer.Default.Equals(assembly, symbols.Compilation.Assembly))
            {
                _referenced.Add(assembly);
            }
        }
    }

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
                verdict.Answer = new ContextReach(symbols, symbols.Context).Compute(cancellationToken);
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

    /// <summary>The words <see cref="IsPossible"/> looks for in the text of this compilation (for tests).</summary>
    internal static IReadOnlyCollection<string> WordsFor(KnownSymbols symbols) =>
        symbols.Context is null ? Array.Empty<string>() : new ContextReach(symbols, symbols.Context).Words().Words;

    private bool Compute(CancellationToken cancellationToken)
    {
        var words = Words();
        var compilation = _symbols.Compilation;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hits = Hits(tree, words, cancellationToken);
            if (hits.Length == 0)
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var position in hits)
            {
                var token = root.FindToken(position);
                if (!token.IsKind(SyntaxKind.IdentifierToken)
                    || !token.Span.Contains(position)
                    || token.Parent is not SimpleNameSyntax name
                    || name.Parent is NameEqualsSyntax)
                {
                    // In a comment, a string or a directive, or the name of a declaration: a declaration's own name
                    // gives no Context; its type is written elsewhere in the text.
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (Yields(model.GetSymbolInfo(name, cancellationToken)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Yields(SymbolInfo info)
    {
        if (info.Symbol is { } symbol)
        {
            return Yields(symbol);
        }

        if (info.CandidateSymbols.IsEmpty)
        {
            return true;
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (Yields(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool Yields(ISymbol symbol) => symbol switch
    {
        IAliasSymbol alias => Yields(alias.Target),
        ITypeSymbol type => Yields(type, 0),
        IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => MemberYields(symbol, 0),
        ILocalSymbol local => Yields(local.Type, 0),
        IParameterSymbol parameter => Yields(parameter.Type, 0),
        INamespaceSymbol or ILabelSymbol or IDiscardSymbol or IRangeVariableSymbol => false,
        _ => true,
    };

    /// <summary>
    /// True when using <paramref name="member"/> can give a Context: its value is one (or holds one), an <c>out</c>
    /// or <c>ref</c> parameter receives one, or a lambda passed to it receives one (<c>Register</c>'s handler). A
    /// method that only takes a Context needs one already.
    /// </summary>
    private bool MemberYields(ISymbol member, int depth)
    {
        switch (member)
        {
            case IMethodSymbol method:
                if (Yields(method.ReturnType, depth))
                {
                    return true;
                }

                foreach (var parameter in method.Parameters)
                {
                    if ((parameter.RefKind is RefKind.Out or RefKind.Ref && Yields(parameter.Type, depth)) || Delivers(parameter.Type, depth))
                    {
                        return true;
                    }
                }

                return false;
            case IPropertySymbol property:
                return Yields(property.Type, depth);
            case IFieldSymbol field:
                return Yields(field.Type, depth);
            case IEventSymbol @event:
                return Delivers(@event.Type, depth);
            default:
                return false;
        }
    }

    /// <summary>True when a lambda of type <paramref name="type"/> (or inside it: an expression tree) receives a Context.</summary>
    private bool Delivers(ITypeSymbol type, int depth)
    {
        if (type is not INamedTypeSymbol named || depth > 4)
        {
            return false;
        }

        if (named.DelegateInvokeMethod is { } invoke)
        {
            foreach (var parameter in invoke.Parameters)
            {
                if (Yields(parameter.Type, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (Delivers(argument, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a value of <paramref name="type"/> is or holds a Context that code reaches without naming a member:
    /// a Context, an array or constructed type with one among its type arguments (awaited, enumerated), a delegate
    /// with one in its signature, or a type of a referenced assembly whose derived types or constructor lambdas see
    /// one (<see cref="TypeYields"/>).
    /// </summary>
    private bool Yields(ITypeSymbol? type, int depth)
    {
        if (type is null || depth > 4)
        {
            return false;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return Yields(array.ElementType, depth + 1);
            case INamedTypeSymbol named:
                if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _context))
                {
                    return true;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (Yields(argument, depth + 1))
                    {
                        return true;
                    }
                }

                if (named.DelegateInvokeMethod is { } invoke && (Yields(invoke.ReturnType, depth + 1) || Delivers(named, depth)))
                {
                    return true;
                }

                return named.ContainingAssembly is { } assembly && _referenced.Contains(assembly) && TypeYields(named.OriginalDefinition, depth);
            default:
                return false;
        }
    }

    /// <summary>
    /// A type of a referenced assembly gives a Context without a member being named where code derives from it (its
    /// fields and properties are in scope there: ContextScope looks at them) or creates it with a lambda (a
    /// constructor's delegate parameter). Its other members give one only when named, and their names are words of
    /// their own.
    /// </summary>
    private bool TypeYields(INamedTypeSymbol definition, int depth)
    {
        if (_yieldsByType.TryGetValue(definition, out var known))
        {
            return known;
        }

        // A cycle (a member of the type's own type) answers no while the type is being read.
        _yieldsByType[definition] = false;
        var inheritable = definition.TypeKind == TypeKind.Class && !definition.IsSealed && !definition.IsStatic;
        var yields = inheritable && Yields(definition.BaseType, depth + 1);
        foreach (var member in definition.GetMembers())
        {
            if (yields)
            {
                break;
            }

            yields = member.DeclaredAccessibility != Accessibility.Private
                && (inheritable && member is IFieldSymbol or IPropertySymbol || member is IMethodSymbol { MethodKind: MethodKind.Constructor })
                && MemberYields(member, depth + 1);
        }

        _yieldsByType[definition] = yields;
        return yields;
    }

    /// <summary>
    /// <c>Context</c> and the names of the types and members of the referenced assemblies that can give a Context
    /// (the members of Context itself are reached only through a Context or the written name <c>Context</c>).
    /// </summary>
    private WordSet Words()
    {
        var words = new SortedSet<string>(StringComparer.Ordinal) { Word };
        var types = new Stack<INamespaceOrTypeSymbol>();
        foreach (var assembly in _referenced)
        {
            types.Push(assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                var container = types.Pop();
                foreach (var member in container.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol nested)
                    {
                        if (nested is INamedTypeSymbol type && (type.DeclaredAccessibility == Accessibility.Private || SymbolEqualityComparer.Default.Equals(type, _context)))
                        {
                            continue;
                        }

                        types.Push(nested);
                        if (nested is INamedTypeSymbol named && TypeYields(named, 0))
                        {
                            words.Add(named.Name);
                        }
                    }
                    else if (container is INamedTypeSymbol { TypeKind: not TypeKind.Delegate }
                        && member.DeclaredAccessibility != Accessibility.Private
                        && member.CanBeReferencedByName
                        && MemberYields(member, 0))
                    {
                        words.Add(member.Name);
                    }
                }
            }
        }

        return new WordSet(words);
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

    /// <summary>The words to find, indexed by length and first letter so that the scan compares few of them.</summary>
    private sealed class WordSet
    {
        private readonly Dictionary<int, List<string>> _byLength = new Dictionary<int, List<string>>();

        public WordSet(SortedSet<string> words)
        {
            Words = words;
            Key = string.Join(",", words);
            foreach (var word in words)
            {
                if (!_byLength.TryGetValue(word.Length, out var list))
                {
                    list = new List<string>();
                    _byLength.Add(word.Length, list);
                }

                list.Add(word);
            }
        }

        public string Key { get; }

        public SortedSet<string> Words { get; }

        /// <summary>The start of every identifier of <paramref name="text"/> that is one of the words.</summary>
        public int[] Find(string text)
        {
            List<int>? found = null;
            var i = 0;
            while (i < text.Length)
            {
                if (!IsIdentifierPart(text[i]))
                {
                    // An identifier may spell a letter as a Unicode escape (Cont\u0065xt): its token is looked at.
                    if (text[i] == '\\' && i + 1 < text.Length && (text[i + 1] == 'u' || text[i + 1] == 'U'))
                    {
                        (found ??= new List<int>()).Add(i);
                    }

                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                if (_byLength.TryGetValue(i - start, out var candidates))
                {
                    foreach (var word in candidates)
                    {
                        if (word[0] == text[start] && string.CompareOrdinal(text, start, word, 0, word.Length) == 0)
                        {
                            (found ??= new List<int>()).Add(start);
                            break;
                        }
                    }
                }
            }

            return found is null ? Array.Empty<int>() : found.ToArray();
        }

        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
