using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// The names a compilation declares as using aliases (<c>using Orders = Shop.OrderService;</c>) in any file: a
/// name's text says what it denotes unless it is one of these. Read from the usings of compilation units and
/// namespaces only, never from member bodies, and without reading the text: the rules ask before they know whether a
/// tree holds anything else they look for (on bitwarden's Api this set was built from the layer rules' whole-text scan
/// of all 487 trees, a tenth of MAR0001's time). Thread-safe. (MAR0003's text scanner,
/// <c>ContextParameterNames.IsUsingAlias</c>, asks a different question of raw text and does not use this.)
/// </summary>
internal sealed class UsingAliases
{
    private readonly Compilation _compilation;
    private HashSet<string>? _names;

    public UsingAliases(Compilation compilation) => _compilation = compilation;

    public bool Contains(string name, CancellationToken cancellationToken) =>
        (Volatile.Read(ref _names) ?? Collect(cancellationToken)).Contains(name);

    private HashSet<string> Collect(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                Add(names, unit.Usings);
                AddFromMembers(names, unit.Members);
            }
        }

        // Two threads may both collect; they find the same set, never changed once published.
        Volatile.Write(ref _names, names);
        return names;
    }

    private static void AddFromMembers(HashSet<string> names, SyntaxList<MemberDeclarationSyntax> members)
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

    private static void Add(HashSet<string> names, SyntaxList<UsingDirectiveSyntax> usings)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                names.Add(alias.Name.Identifier.ValueText);
            }
        }
    }
}
