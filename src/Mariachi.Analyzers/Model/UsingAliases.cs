using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The names a compilation declares as using aliases (<c>using Orders = Shop.OrderService;</c>) in any file: a
/// name's text says what it denotes unless it is one of these. Read from the usings of compilation units and
/// namespaces only, never from member bodies; thread-safe. (MAR0003's text scanner,
/// <c>ContextParameterNames.IsUsingAlias</c>, asks a different question of raw text and does not use this.)
/// </summary>
internal sealed class UsingAliases
{
    private static readonly PerTreeCache<AliasList> PerTree = new PerTreeCache<AliasList>(Read);

    private readonly Compilation _compilation;
    private ImmutableHashSet<string>? _names;

    public UsingAliases(Compilation compilation) => _compilation = compilation;

    public bool Contains(string name, CancellationToken cancellationToken) =>
        (Volatile.Read(ref _names) ?? Collect(cancellationToken)).Contains(name);

    private ImmutableHashSet<string> Collect(CancellationToken cancellationToken)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            names.UnionWith(PerTree.Get(tree, cancellationToken).Names);
        }

        // Two threads may both collect; they find the same set.
        var result = names.ToImmutable();
        Volatile.Write(ref _names, result);
        return result;
    }

    private static AliasList Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
        {
            Add(names, unit.Usings);
            AddFromMembers(names, unit.Members);
        }

        return new AliasList(names.ToImmutable());
    }

    private static void AddFromMembers(ImmutableArray<string>.Builder names, SyntaxList<MemberDeclarationSyntax> members)
    {
        foreach (var member in members)
        {
            if (member is BaseNamespaceDeclarationSyntax ns)
            {
                Add(names, ns.Usings);
                AddFromMembers(names, ns.Members);
            }
        }
    }

    private static void Add(ImmutableArray<string>.Builder names, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                names.Add(alias.Name.Identifier.ValueText);
            }
        }
    }

    private sealed class AliasList
    {
        public AliasList(ImmutableArray<string> names) => Names = names;

        public ImmutableArray<string> Names { get; }
    }
}
