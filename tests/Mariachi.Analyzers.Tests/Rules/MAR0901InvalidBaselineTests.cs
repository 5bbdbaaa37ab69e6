using Mariachi.Analyzers.Rules;
using Mariachi.Analyzers.Tests.Baseline;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Mariachi.Analyzers.Tests.Rules;

public sealed class MAR0901InvalidBaselineTests
{
    [Fact]
    public async Task A_baseline_that_does_not_read_is_reported_at_the_offending_character()
    {
        var test = new MariachiAnalyzerTest<InvalidBaselineAnalyzer>("class C { }");
        test.TestState.AdditionalFiles.Add(("/0/mariachi-baseline.json", "{\n  \"version\": 1,\n  \"entries\": [\n<<<<<<< HEAD\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InvalidBaseline)
            .WithSpan("/0/mariachi-baseline.json", 4, 1, 4, 2)
            .WithArguments("expected a JSON value"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_valid_baseline_and_other_additional_files_are_not_reported()
    {
        var test = new MariachiAnalyzerTest<InvalidBaselineAnalyzer>("class C { }");
        test.TestState.AdditionalFiles.Add(("/0/mariachi-baseline.json", BaselineTest.File(("C", "class C { }", 1))));
        test.TestState.AdditionalFiles.Add(("/0/other.json", "not json"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Two_baselines_are_reported_once_and_neither_applies()
    {
        const string Source = """
            namespace Shop.Orders;

            public class OrderService
            {
                public string? Currency() => {|#0:System.Environment.GetEnvironmentVariable("CURRENCY")|};
            }
            """;
        var baseline = BaselineTest.File(("Shop.Orders.OrderService.Currency", "public string? Currency() => System.Environment.GetEnvironmentVariable(\"CURRENCY\");", 1));
        var test = new BaselineTest(Source, baseline);
        test.TestState.AdditionalFiles.Add(("/mariachi-baseline.json", baseline));
        test.TestState.AdditionalFiles.Add(("/0/sub/../mariachi-baseline.json", baseline));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EnvironmentReadOutsideConfig)
            .WithLocation(0).WithArguments("System.Environment.GetEnvironmentVariable(\"CURRENCY\")").WithIsSuppressed(false));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.InvalidBaseline)
            .WithSpan(BaselineTest.BaselinePath, 1, 1, 1, 1)
            .WithArguments("the project has more than one ('/0/mariachi-baseline.json', '/mariachi-baseline.json') and only one can apply"));
        await test.RunAsync();
    }
}
