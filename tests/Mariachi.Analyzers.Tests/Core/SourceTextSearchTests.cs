using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The piecewise text search behind MAR0001's Map-call gate: it must find a word wherever it sits in a large text,
/// across the pieces it reads, and the gate must pass exactly the trees that may hold a Map call.
/// </summary>
public sealed class SourceTextSearchTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(8190)]
    [InlineData(8191)]
    [InlineData(8192)]
    [InlineData(100_000)]
    public void A_word_is_found_wherever_it_sits_in_a_large_text(int at)
    {
        var text = SourceText.From(new string('x', at) + "MapDelete" + new string('y', 120_000 - at));

        Assert.True(SourceTextSearch.ContainsAny(text, ["MapGet", "MapDelete"], CancellationToken.None));
        Assert.False(SourceTextSearch.ContainsAny(text, ["MapGet", "MapDeletes"], CancellationToken.None));
    }

    [Fact]
    public void A_text_shorter_than_a_word_contains_none()
    {
        Assert.False(SourceTextSearch.ContainsAny(SourceText.From("Map"), ["MapGet"], CancellationToken.None));
        Assert.False(SourceTextSearch.ContainsAny(SourceText.From(string.Empty), ["MapGet"], CancellationToken.None));
        Assert.True(SourceTextSearch.ContainsAny(SourceText.From("MapGet"), ["MapGet"], CancellationToken.None));
    }

    [Theory]
    [InlineData("class Migration { void Up(Builder b) => b.Entity(\"Map\", e => { e.Property<int>(\"MapId\"); }); }", false)]
    [InlineData("class Api { void M(App app) => app.MapGet(\"/\", () => 1); }", true)]
    [InlineData("class Api { void M(App app) => app.MapMethods(\"/\", null, () => 1); }", true)]
    [InlineData("class Api { void M(App app) => app.Map\\u0047et(\"/\", () => 1); }", true)]
    public void The_Map_call_gate_passes_the_trees_that_may_hold_one(string source, bool mayHold)
    {
        var tree = CSharpSyntaxTree.ParseText(source);

        Assert.Equal(mayHold, ControllerCode.MayHoldMapCalls(tree, CancellationToken.None));
    }
}
