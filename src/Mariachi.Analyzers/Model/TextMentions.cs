using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// Whether some syntax tree of a compilation spells a word as part of an identifier: a gate read from the text alone,
/// before any symbol is bound. A rule whose every finding names a member whose name contains the word (MAR0002: the
/// <c>...EnvironmentVariable...</c> methods) has nothing to find where no tree spells it. The text is searched for the
/// word (one vectorized search; a hit in a comment or string is a needless yes, never a wrong no) and for Unicode
/// escapes, which may spell a letter of an identifier (<c>GetEnvironment\u0056ariable</c>) and are then checked by
/// their token's value. The answer is kept per tree, so the IDE's next compilation reads only the edited trees.
/// </summary>
internal sealed class TextMentions
{
    private static readonly object Yes = new object();
    private static readonly object No = new object();
    private static readonly string[] Escapes = { "\\u", "\\U" };

    private readonly string _word;
    private readonly ConditionalWeakTable<SyntaxTree, object> _perTree = new ConditionalWeakTable<SyntaxTree, object>();

    public TextMentions(string word) => _word = word;

    /// <summary>True when some tree of <paramref name="compilation"/> may spell the word in an identifier.</summary>
    public bool InAnyTree(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (InTree(tree, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public bool InTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!_perTree.TryGetValue(tree, out var known))
        {
            known = Read(tree, cancellationToken) ? Yes : No;
            _perTree.GetValue(tree, _ => known);
        }

        return ReferenceEquals(known, Yes);
    }

    private bool Read(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        if (text.IndexOf(_word, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        SyntaxNode? root = null;
        foreach (var escape in Escapes)
        {
            for (var at = text.IndexOf(escape, StringComparison.Ordinal); at >= 0; at = text.IndexOf(escape, at + escape.Length, StringComparison.Ordinal))
            {
                root ??= tree.GetRoot(cancellationToken);
                var token = root.FindToken(at);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(at) && token.ValueText.IndexOf(_word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
