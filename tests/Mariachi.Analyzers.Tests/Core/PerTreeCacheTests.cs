using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The per-tree cache behind the syntax scans (using aliases, Map calls): a tree is read once for every compilation
/// that contains it, an edited tree is read again, and a cancelled read leaves nothing behind.
/// </summary>
public sealed class PerTreeCacheTests
{
    [Fact]
    public void A_tree_is_read_once_for_every_compilation_that_contains_it()
    {
        var reads = 0;
        var cache = new PerTreeCache<string>((tree, _) => { reads++; return tree.GetRoot().ToString(); });
        var tree = CSharpSyntaxTree.ParseText("class A { }");
        var first = CSharpCompilation.Create("one", [tree]);
        var second = first.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }"));

        var fromFirst = cache.Get(first.SyntaxTrees.Single(), CancellationToken.None);
        var fromSecond = cache.Get(second.SyntaxTrees.First(), CancellationToken.None);

        Assert.Equal(1, reads);
        Assert.Same(fromFirst, fromSecond);
    }

    [Fact]
    public void An_edited_tree_is_read_again()
    {
        var cache = new PerTreeCache<string>((tree, _) => tree.GetRoot().ToString());
        var tree = CSharpSyntaxTree.ParseText("class A { }");
        var edited = tree.WithChangedText(SourceText.From("class A { void M() { } }"));

        Assert.Equal("class A { }", cache.Get(tree, CancellationToken.None));
        Assert.Equal("class A { void M() { } }", cache.Get(edited, CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_read_is_not_kept()
    {
        var reads = 0;
        var cache = new PerTreeCache<string>((_, token) =>
        {
            reads++;
            token.ThrowIfCancellationRequested();
            return "read";
        });
        var tree = CSharpSyntaxTree.ParseText("class A { }");

        Assert.Throws<OperationCanceledException>(() => cache.Get(tree, new CancellationToken(canceled: true)));

        Assert.Equal("read", cache.Get(tree, CancellationToken.None));
        Assert.Equal(2, reads);
    }
}
