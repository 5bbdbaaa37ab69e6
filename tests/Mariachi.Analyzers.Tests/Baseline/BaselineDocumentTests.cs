using Mariachi.Analyzers.Baseline;

namespace Mariachi.Analyzers.Tests.Baseline;

public sealed class BaselineDocumentTests
{
    private static readonly BaselineKey Key = new("MAR0001", "Controllers/OrdersController.cs", "Shop.OrdersController..ctor", "public OrdersController(OrderService orders) => _orders = orders;");

    [Fact]
    public void Writes_one_sorted_entry_per_line_and_reads_it_back()
    {
        var other = new BaselineKey("MAR0002", "A.cs", "A.Run", "var s = \"tab\\there\" + Environment.GetEnvironmentVariable(\"Ä\");");
        var document = BaselineDocument.FromFindings([Key, other, Key]);

        var text = document.Write();

        Assert.Equal(
            "{\n  \"version\": 1,\n  \"entries\": [\n"
            + "    { \"rule\": \"MAR0002\", \"file\": \"A.cs\", \"symbol\": \"A.Run\", \"source\": \"var s = \\\"tab\\\\there\\\" + Environment.GetEnvironmentVariable(\\\"Ä\\\");\", \"count\": 1 },\n"
            + "    { \"rule\": \"MAR0001\", \"file\": \"Controllers/OrdersController.cs\", \"symbol\": \"Shop.OrdersController..ctor\", \"source\": \"public OrdersController(OrderService orders) => _orders = orders;\", \"count\": 2 }\n"
            + "  ]\n}\n",
            text);
        var read = BaselineDocument.Read(text);
        Assert.Null(read.Error);
        Assert.Equal([(other, 1), (Key, 2)], read.Document!.Entries.Select(e => (e.Key, e.Count)));
        Assert.Equal("{\n  \"version\": 1,\n  \"entries\": []\n}\n", new BaselineDocument([]).Write());
        Assert.Empty(BaselineDocument.Read("\uFEFF{ \"entries\": [], \"version\": 1 }\r\n").Document!.Entries);
    }

    [Theory]
    [InlineData("", "unexpected end of file", 0)]
    [InlineData("{ \"version\": 1, \"entries\": [] } x", "unexpected text after the end of the JSON value", 32)]
    [InlineData("{ \"version\": 1, \"entries\": [], }", "expected a property name in double quotes", 31)]
    [InlineData("// baseline\n{}", "expected a JSON value", 0)]
    [InlineData("{ \"version\": 1 }", "the baseline has no 'entries'", 0)]
    [InlineData("{ \"version\": 2, \"entries\": [] }", "version 2 is not supported (this Mariachi reads version 1)", 13)]
    [InlineData("{ \"version\": 1.0, \"entries\": [] }", "only whole numbers are allowed", 13)]
    [InlineData("{ \"version\": 1, \"entries\": [], \"extra\": 1 }", "the baseline has an unknown property 'extra' (expected version, entries)", 31)]
    [InlineData("{ \"version\": 1, \"version\": 1, \"entries\": [] }", "the baseline has the property 'version' twice", 16)]
    [InlineData("{ \"version\": 1, \"entries\": {} }", "'entries' must be an array", 27)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MAR0001\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"x\" } ] }", "entry 1 has no 'count'", 29)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"CA2016\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"x\", \"count\": 1 } ] }", "entry 1: 'rule' must be a Mariachi rule id such as MAR0001, not 'CA2016'", 39)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MAR0001\", \"file\": \"A\\\\B.cs\", \"symbol\": \"A\", \"source\": \"x\", \"count\": 1 } ] }", "entry 1: 'file' must be a path relative to the baseline's folder, with forward slashes", 58)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MAR0001\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"x\", \"count\": 0 } ] }", "entry 1: 'count' must be at least 1 (and fit an int)", 105)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MAR0001\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"x\", \"count\": \"1\" } ] }", "entry 1: 'count' must be a whole number", 105)]
    [InlineData("{ \"version\": 1, \"entries\": [ { \"rule\": \"MAR0001\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"\\q\", \"count\": 1 } ] }", "unknown escape sequence in a string", 93)]
    public void Rejects_what_is_not_a_baseline_with_the_reason_and_where(string text, string message, int offset)
    {
        var read = BaselineDocument.Read(text);

        Assert.Null(read.Document);
        Assert.Equal((message, offset), (read.Error!.Message, read.Error.Offset));
    }

    [Fact]
    public void Rejects_an_entry_repeated_after_a_merge()
    {
        var entry = "{ \"rule\": \"MAR0001\", \"file\": \"A.cs\", \"symbol\": \"A\", \"source\": \"x\", \"count\": 1 }";

        var read = BaselineDocument.Read("{ \"version\": 1, \"entries\": [ " + entry + ", " + entry + " ] }");

        Assert.Equal("entry 2 repeats the finding of entry 1; keep one and add up their counts", read.Error!.Message);
    }

    [Fact]
    public void A_budget_accepts_each_entry_up_to_its_count_and_lists_what_was_not_used()
    {
        var gone = new BaselineKey("MAR0002", "B.cs", "B", "y");
        var budget = new BaselineBudget(new BaselineDocument([new BaselineEntry(Key, 2), new BaselineEntry(gone, 1)]));

        Assert.Equal([true, true, false], new[] { budget.TryAccept(Key), budget.TryAccept(Key), budget.TryAccept(Key) });
        Assert.False(budget.TryAccept(new BaselineKey("MAR0003", "B.cs", "B", "y")));
        Assert.Equal([(gone, 1)], budget.Unused().Select(e => (e.Key, e.Count)));
    }
}
