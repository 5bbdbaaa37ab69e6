using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Baseline;

public sealed class BaselineSuppressorTests
{
    private const string Symbol = "Shop.Orders.OrderService.Currency";
    private const string Line = "public string? Currency() => System.Environment.GetEnvironmentVariable(\"CURRENCY\");";

    private const string Source = """
        namespace Shop.Orders;

        public class OrderService
        {
            public string? Currency() => {|#0:System.Environment.GetEnvironmentVariable("CURRENCY")|};
        }
        """;

    private static DiagnosticResult Read(int markup, bool suppressed) =>
        new DiagnosticResult(DiagnosticDescriptors.EnvironmentReadOutsideConfig)
            .WithLocation(markup)
            .WithArguments("System.Environment.GetEnvironmentVariable(\"CURRENCY\")")
            .WithIsSuppressed(suppressed);

    [Fact]
    public async Task A_baselined_finding_is_suppressed()
    {
        var test = new BaselineTest(Source, BaselineTest.File((Symbol, Line, 1)));
        test.ExpectedDiagnostics.Add(Read(0, suppressed: true));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_a_baseline_or_with_another_line_the_finding_stays()
    {
        var none = new BaselineTest(Source, baseline: null);
        none.ExpectedDiagnostics.Add(Read(0, suppressed: false));
        await none.RunAsync();

        var other = new BaselineTest(Source, BaselineTest.File((Symbol, Line.Replace("CURRENCY", "COUNTRY", StringComparison.Ordinal), 1)));
        other.ExpectedDiagnostics.Add(Read(0, suppressed: false));
        await other.RunAsync();

        var otherMember = new BaselineTest(Source, BaselineTest.File(("Shop.Orders.OrderService.Country", Line, 1)));
        otherMember.ExpectedDiagnostics.Add(Read(0, suppressed: false));
        await otherMember.RunAsync();
    }

    [Fact]
    public async Task Shifted_lines_reindented_code_and_edits_elsewhere_in_the_file_keep_the_finding_suppressed()
    {
        const string Moved = """
            using System;

            namespace Shop.Orders;

            // A comment and a new member above the finding move it down four lines.
            public class OrderService
            {
                public int Added() => 42;

                    public   string? Currency()   =>   {|#0:System.Environment.GetEnvironmentVariable("CURRENCY")|};
            }
            """;

        var test = new BaselineTest(Moved, BaselineTest.File((Symbol, Line, 1)));
        test.ExpectedDiagnostics.Add(Read(0, suppressed: true));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_entry_accepts_its_count_and_no_more_so_the_third_of_three_stays()
    {
        // Three overloads: one key (the symbol has no parameter list, the flagged line is the same).
        const string Three = """
            namespace Shop.Orders;

            public class OrderService
            {
                public string? Currency() =>
                    {|#0:System.Environment.GetEnvironmentVariable("CURRENCY")|};

                public string? Currency(int fallback) =>
                    {|#1:System.Environment.GetEnvironmentVariable("CURRENCY")|};

                public string? Currency(long fallback) =>
                    {|#2:System.Environment.GetEnvironmentVariable("CURRENCY")|};
            }
            """;
        const string Body = "System.Environment.GetEnvironmentVariable(\"CURRENCY\");";

        var twoOfThree = new BaselineTest(Three, BaselineTest.File((Symbol, Body, 2)));
        twoOfThree.ExpectedDiagnostics.AddRange([Read(0, true), Read(1, true), Read(2, false)]);
        await twoOfThree.RunAsync();

        var all = new BaselineTest(Three, BaselineTest.File((Symbol, Body, 3)));
        all.ExpectedDiagnostics.AddRange([Read(0, true), Read(1, true), Read(2, true)]);
        await all.RunAsync();
    }

    [Fact]
    public async Task A_malformed_baseline_suppresses_nothing_and_is_reported_where_it_breaks()
    {
        var test = new BaselineTest(Source, "{\n  \"version\": 1,\n  \"entries\": [],\n}\n");
        test.ExpectedDiagnostics.Add(Read(0, suppressed: false));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InvalidBaseline)
            .WithSpan(BaselineTest.BaselinePath, 4, 1, 4, 2)
            .WithArguments("expected a property name in double quotes"));
        await test.RunAsync();
    }
}
