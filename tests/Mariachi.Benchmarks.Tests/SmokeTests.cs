namespace Mariachi.Benchmarks.Tests;

public sealed class AnalyzerCostSmokeTests
{
    [Fact]
    public async Task Compiles_a_small_synthetic_solution_and_every_measured_rule_reports_on_it()
    {
        var (exitCode, output) = await BenchProgram.RunAsync("AnalyzerCost", "--smoke", TimeSpan.FromSeconds(150));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SMOKE OK", output, StringComparison.Ordinal);
        Assert.Contains("| **Mariachi, all rules** |", output, StringComparison.Ordinal);
    }
}

public sealed class BenchmarkDotNetSmokeTests
{
    [Fact]
    public async Task Every_benchmark_runs_one_iteration()
    {
        var (exitCode, output) = await BenchProgram.RunAsync("Mariachi.Benchmarks", "--smoke", TimeSpan.FromSeconds(150));

        Assert.True(exitCode == 0, output);
        Assert.Contains("BENCHMARKS OK", output, StringComparison.Ordinal);
        foreach (var benchmark in new[] { "CallAsync by handle", "Mediator Send (IMediator)", "Validate, type without attributes", "FindById: EfRepository", "Paginate: EfRepository" })
        {
            Assert.Contains(benchmark, output, StringComparison.Ordinal);
        }
    }
}
