using System.Text;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Tests.Core;

/// <summary>
/// The text gates read large files window by window (<see cref="TextWindows"/>): every occurrence is found once,
/// whether it starts, straddles or ends at a window's edge, in a text kept whole or in chunks (over 40k characters).
/// </summary>
public sealed class TextSearchTests
{
    private const int Window = 16 * 1024;

    private static readonly string[] FewWords = ["Mariachi", "AddMariachiConfiguration"];

    /// <summary>More than eight words: searched by reading every identifier of the text.</summary>
    private static readonly string[] ManyWords = ["Mariachi", "AddMariachiConfiguration", "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"];

    public static TheoryData<int> Seeds => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Whole_identifiers_are_found_once_across_windows(int seed)
    {
        var text = RandomCode(seed, 5 * Window + 123);
        foreach (var (words, anchor) in new[] { (FewWords, (string?)null), (FewWords[1..], "Mariachi"), (ManyWords, null) })
        {
            var expected = Naive(text, words);
            var set = new IdentifierWords(new SortedSet<string>(words, StringComparer.Ordinal), anchor);

            Assert.Equal(expected, set.Find(CSharpSyntaxTree.ParseText(SourceText.From(text)), CancellationToken.None));
            Assert.Equal(expected, set.Find(ChunkedTree(text), CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(Window - 8)]
    [InlineData(Window - 7)]
    [InlineData(Window - 1)]
    [InlineData(Window)]
    [InlineData(Window + 1)]
    [InlineData(2 * Window - 20)]
    public void A_word_at_a_window_edge_is_found(int at)
    {
        foreach (var words in new[] { FewWords, ManyWords })
        {
            var text = new string(' ', at) + "Mariachi" + new string(' ', 3 * Window);
            var glued = new string(' ', at - 1) + "xMariachi" + new string(' ', 3 * Window);
            var set = new IdentifierWords(new SortedSet<string>(words, StringComparer.Ordinal));

            Assert.Equal([at], set.Find(ChunkedTree(text), CancellationToken.None));
            Assert.Empty(set.Find(ChunkedTree(glued), CancellationToken.None));
        }
    }

    [Fact]
    public void A_word_that_ends_the_text_is_found()
    {
        var text = new string(' ', 3 * Window - 8) + "Mariachi";

        Assert.Equal([3 * Window - 8], new IdentifierWords(new SortedSet<string>(ManyWords, StringComparer.Ordinal)).Find(ChunkedTree(text), CancellationToken.None));
        Assert.Equal([3 * Window - 8], new IdentifierWords(new SortedSet<string>(FewWords, StringComparer.Ordinal)).Find(ChunkedTree(text), CancellationToken.None));
    }

    [Fact]
    public void An_identifier_longer_than_a_window_is_no_word()
    {
        var text = "class C { int " + new string('a', 2 * Window) + "Mariachi; }";

        Assert.Empty(new IdentifierWords(new SortedSet<string>(ManyWords, StringComparer.Ordinal)).Find(ChunkedTree(text), CancellationToken.None));
    }

    [Theory]
    [InlineData(Window - 19)]
    [InlineData(Window - 10)]
    [InlineData(Window - 1)]
    [InlineData(Window)]
    [InlineData(3 * Window + 5)]
    public void The_mention_gate_finds_its_word_by_position(int at)
    {
        var code = new StringBuilder("class C {\n");
        const string BeforeTheWord = "string? M() => System.Environment.Get";
        while (code.Length < at - BeforeTheWord.Length - 40)
        {
            code.Append("    int f").Append(code.Length).Append(";\n");
        }

        code.Append(' ', at - BeforeTheWord.Length - code.Length - 1).Append('\n');
        var start = code.Length;
        code.Append("string? M() => System.Environment.GetEnvironmentVariable(\"X\");\n");
        var end = code.Length;
        code.Append("    int g;\n").Append(' ', 2 * Window).Append("}\n");
        var gate = new TextMentions("EnvironmentVariable");
        var tree = CSharpSyntaxTree.ParseText(Chunked(code.ToString()));
        var word = code.ToString().IndexOf("EnvironmentVariable", StringComparison.Ordinal);
        Assert.Equal(at, word);

        Assert.True(gate.InTree(tree, CancellationToken.None));
        Assert.True(gate.InSpan(tree, TextSpan.FromBounds(start, end), CancellationToken.None));
        Assert.True(gate.InSpan(tree, new TextSpan(word, 1), CancellationToken.None));
        Assert.False(gate.InSpan(tree, TextSpan.FromBounds(0, word), CancellationToken.None));
        Assert.False(gate.InSpan(tree, TextSpan.FromBounds(word + 1, code.Length), CancellationToken.None));
    }

    [Fact]
    public void An_identifier_spelt_with_escapes_is_found_by_its_value()
    {
        const string Code = """class C { string S = "Mari\u0061chi"; int Mari\u0061chi; int Mari\u0061chi2; }""";
        var set = new IdentifierWords(new SortedSet<string>(FewWords, StringComparer.Ordinal), "Mariachi");

        Assert.Equal([Code.IndexOf("Mari\\u0061chi;", StringComparison.Ordinal)], set.Find(CSharpSyntaxTree.ParseText(Code), CancellationToken.None));
    }

    [Fact]
    public void The_mention_gate_places_an_escaped_spelling_at_its_identifier()
    {
        const string Code = """class C { string S = "GetEnvironment\u0056ariable"; void GetEnvironment\u0056ariable() { } }""";
        var tree = CSharpSyntaxTree.ParseText(Code);
        var identifier = Code.LastIndexOf("GetEnvironment", StringComparison.Ordinal);
        var gate = new TextMentions("EnvironmentVariable");

        Assert.True(gate.InSpan(tree, new TextSpan(identifier, 1), CancellationToken.None));
        Assert.False(gate.InSpan(tree, TextSpan.FromBounds(0, identifier), CancellationToken.None));
    }

    private static Microsoft.CodeAnalysis.SyntaxTree ChunkedTree(string text) => CSharpSyntaxTree.ParseText(Chunked(text));

    /// <summary>A text the compiler keeps in chunks, as it does a large file read from disk.</summary>
    private static SourceText Chunked(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SourceText.From(stream, Encoding.UTF8);
    }

    /// <summary>Identifiers (some of them words, some glued to one, some long), escapes and punctuation.</summary>
    private static string RandomCode(int seed, int length)
    {
        var random = new Random(seed);
        var parts = new[] { "Mariachi", "AddMariachiConfiguration", "Theta", "xMariachi", "Mariachi2", "_Eta", "Eta_", "Gamma", "\\u0041", "\\U00000041", " ", "  ", ".", "(", ");\n", "\n", "é", "Zeta", new string('q', 40) };
        var text = new StringBuilder();
        while (text.Length < length)
        {
            text.Append(parts[random.Next(parts.Length)]);
        }

        return text.ToString();
    }

    /// <summary>Every whole-identifier occurrence of a word (a Unicode escape ends a word's text), in text order.</summary>
    private static int[] Naive(string text, string[] words)
    {
        var found = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if ((i > 0 && IsIdentifierPart(text[i - 1])) || !IsIdentifierPart(text[i]))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && IsIdentifierPart(text[end]))
            {
                end++;
            }

            if (words.Contains(text.Substring(i, end - i)))
            {
                found.Add(i);
            }
        }

        return [.. found];
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
