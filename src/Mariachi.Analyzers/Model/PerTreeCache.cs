using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Facts read from one syntax tree alone, kept with the tree: the IDE makes a new compilation on every edit, and
/// each of them rereads only the trees that changed. Trees are immutable, so a fact never goes stale; the table
/// holds it only while the tree is alive. Thread-safe: two threads may read a tree at once, and one result wins.
/// </summary>
internal sealed class PerTreeCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<SyntaxTree, T> _table = new ConditionalWeakTable<SyntaxTree, T>();
    private readonly Func<SyntaxTree, CancellationToken, T> _read;

    public PerTreeCache(Func<SyntaxTree, CancellationToken, T> read) => _read = read;

    public T Get(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_table.TryGetValue(tree, out var known))
        {
            return known;
        }

        var read = _read(tree, cancellationToken);
        return _table.GetValue(tree, _ => read);
    }
}
