using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The windowed text search behind the Map-call gates (MAR0001's, and the layer rules' call scan): it must find a
/// word wherever it sits in a large text, across the pieces it reads, judge whole words by their neighbours there
/// too, and the gates must pass exactly the trees that may hold a call.
/// </summary>
public sealed class SourceTextSearchTests
{
    private const int Length = 120_000;

    /// <summary>3,000 methods whose identifiers contain the scanned words (<c>UserId</c>, <c>Runtime</c>) but are none of them.</summary>
    private static readonly string Filler = string.Concat(Enumerable.Repeat("    void Fill() { var UserId = 1; var Runtime = UserId; }\n", 3000));

    public static TheoryData<int> Positions => new() { 0, 1, 8189, 8190, 8191, 8192, 8193, 16380, 16381, 16382, 16383, 16384, 16385, 32767, 32768, 100_000, Length - 10 };

    [Theory]
    [MemberData(nameof(Positions))]
    public void A_word_is_found_wherever_it_sits_in_a_large_text(int at)
    {
        var text = Text(at, "MapDelete", ' ', ' ');

        Assert.True(SourceTextSearch.ContainsAny(text, ["MapGet", "MapDelete"], wholeWords: false, CancellationToken.None));
        Assert.True(SourceTextSearch.ContainsAny(text, ["MapGet", "MapDelete"], wholeWords: true, CancellationToken.None));
        Assert.False(SourceTextSearch.ContainsAny(text, ["MapGet", "MapDeletes"], wholeWords: false, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public void A_whole_word_is_judged_by_its_neighbours_across_pieces(int at)
    {
        Assert.True(SourceTextSearch.ContainsAny(Text(at, "Use", '.', '('), ["Use"], wholeWords: true, CancellationToken.None));
        Assert.True(SourceTextSearch.ContainsAny(Text(at, "Use", '1', ' '), ["Use"], wholeWords: true, CancellationToken.None));
        Assert.False(SourceTextSearch.ContainsAny(Text(at, "Use", ' ', 'r'), ["Use"], wholeWords: true, CancellationToken.None));
        Assert.Equal(at == 0, SourceTextSearch.ContainsAny(Text(at, "Use", '_', ' '), ["Use"], wholeWords: true, CancellationToken.None));
        Assert.True(SourceTextSearch.ContainsAny(Text(at, "Use", '_', ' '), ["Use"], wholeWords: false, CancellationToken.None));
    }

    [Fact]
    public void An_escape_counts_inside_an_identifier()
    {
        var text = SourceText.From("app.Map\\u0047et(\"/\", () => 1);");

        Assert.True(SourceTextSearch.ContainsAny(text, ["MapGet", "\\u"], wholeWords: true, CancellationToken.None));
    }

    [Fact]
    public void A_text_shorter_than_a_word_contains_none()
    {
        Assert.False(SourceTextSearch.ContainsAny(SourceText.From("Map"), ["MapGet"], wholeWords: true, CancellationToken.None));
        Assert.False(SourceTextSearch.ContainsAny(SourceText.From(string.Empty), ["MapGet"], wholeWords: true, CancellationToken.None));
        Assert.True(SourceTextSearch.ContainsAny(SourceText.From("MapGet"), ["MapGet"], wholeWords: true, CancellationToken.None));
    }

    [Theory]
    [InlineData("class Migration { void Up(Builder b) => b.Entity(\"Map\", e => { e.Property<int>(\"MapId\"); e.Property<int>(\"MapGetter\"); }); }", false)]
    [InlineData("class Api { void M(App app) => app.MapGet(\"/\", () => 1); }", true)]
    [InlineData("class Api { void M(App app) => app.MapMethods(\"/\", null, () => 1); }", true)]
    [InlineData("class Api { void M(App app) => app.Map\\u0047et(\"/\", () => 1); }", true)]
    public void The_Map_call_gate_passes_the_trees_that_may_hold_one(string source, bool mayHold)
    {
        var tree = CSharpSyntaxTree.ParseText(source);

        Assert.Equal(mayHold, ControllerCode.MayHoldMapCalls(tree, CancellationToken.None));
    }

    [Fact]
    public void The_layer_scan_still_finds_calls_in_a_large_file()
    {
        var tree = CSharpSyntaxTree.ParseText("class Startup {\n" + Filler + "    void M(App app) { app.Use(async (c, n) => await n()); app.MapGet(\"/\", Handlers.List); }\n}");

        var scan = LayerSyntax.Of(tree, CancellationToken.None);

        Assert.Single(scan.MapCalls);
        Assert.Single(scan.MapArguments);
        Assert.Single(scan.PipelineLambdas);
    }

    [Fact]
    public void The_layer_scan_of_a_large_file_without_calls_finds_none()
    {
        var tree = CSharpSyntaxTree.ParseText("class Migration {\n" + Filler + "}");

        var scan = LayerSyntax.Of(tree, CancellationToken.None);

        Assert.Empty(scan.MapCalls);
        Assert.Empty(scan.PipelineLambdas);
        Assert.Empty(scan.RegisterCalls);
    }

    /// <summary>A large text of filler with <paramref name="word"/> at <paramref name="at"/>, between two given characters.</summary>
    private static SourceText Text(int at, string word, char before, char after)
    {
        var chars = new string('x', Length).ToCharArray();
        word.CopyTo(0, chars, at, word.Length);
        if (at > 0)
        {
            chars[at - 1] = before;
        }

        chars[at + word.Length] = after;
        return SourceText.From(new string(chars));
    }
}
