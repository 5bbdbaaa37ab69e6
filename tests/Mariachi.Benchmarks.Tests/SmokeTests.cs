using System.Text.Json;

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
        Assert.Contains("By difference (`--marginal`)", output, StringComparison.Ordinal);
        Assert.Contains("Allocated in the analysis pass (`--allocations`, MB)", output, StringComparison.Ordinal);
    }
}

public sealed class AnalyzerCostRealCodeSmokeTests
{
    [Fact]
    public async Task Builds_a_tiny_web_project_and_measures_it_as_its_build_compiled_it()
    {
        var project = TinyProject.Write();
        var output = Path.Combine(project, "out");
        var name = $"smoke-{Guid.NewGuid():N}";
        try
        {
            var (exitCode, text) = await BenchProgram.RunAsync(
                "AnalyzerCost", $"--real \"{Path.Combine(project, "Tiny.csproj")}\" --name {name} --runs 1 --warmup 0 --out \"{output}\"", TimeSpan.FromSeconds(300));

            Assert.True(exitCode == 0, text);
            Assert.Contains("REAL-CODE OK: 1 projects measured, no analyzer threw (no AD0001)", text, StringComparison.Ordinal);
            Assert.Contains("Analyzer exceptions (AD0001): none.", text, StringComparison.Ordinal);

            // The [LoggerMessage] method has no body but the generated one: the project compiles only with its generator's output.
            Assert.Contains("Microsoft.Extensions.Logging.Generators.dll (1)", text, StringComparison.Ordinal);
            Assert.Contains("Generator problems: none.", text, StringComparison.Ordinal);

            // Issue 20's total (rules and the catalog generator) next to issue 18's, and the suppressor under a label of its own.
            Assert.Contains("| **Mariachi, all rules + catalog generator** |", text, StringComparison.Ordinal);
            Assert.Contains("| baseline suppressor (MARB*) |", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\n|  | ", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);

            // Its .editorconfig raises CA2016 to a warning, and the bench bans the environment read for RS0030.
            var report = Directory.GetFiles(output, "analyzer-cost-real-smoke-*.json").Single();
            using var json = JsonDocument.Parse(File.ReadAllText(report));
            var totals = json.RootElement.GetProperty("totals");
            Assert.Equal(1, totals.GetProperty("projects").GetInt32());
            Assert.Equal(1, totals.GetProperty("generatedFiles").GetInt32());
            Assert.True(totals.GetProperty("catalogGeneratorMs").GetDouble() > 0);
            var diagnostics = totals.GetProperty("diagnostics");
            Assert.Equal(2, diagnostics.GetProperty("MAR0001").GetInt32());
            Assert.Equal(1, diagnostics.GetProperty("MAR0002").GetInt32());
            Assert.Equal(1, diagnostics.GetProperty("CA2016").GetInt32());
            Assert.Equal(1, diagnostics.GetProperty("RS0030").GetInt32());
            var findings = json.RootElement.GetProperty("findings").EnumerateArray()
                .Select(f => $"{f.GetProperty("Id").GetString()} {f.GetProperty("Path").GetString()}:{f.GetProperty("Line").GetInt32()}")
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Equal(["MAR0001 Code.cs:12", "MAR0001 Code.cs:15", "MAR0002 Code.cs:26"], findings);
        }
        finally
        {
            Directory.Delete(project, recursive: true);

            // The bench's work folder for this name: the injected targets, the build log and the captured command lines.
            var work = Path.Combine(Path.GetTempPath(), "mariachi-analyzer-cost-real", name);
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
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
        foreach (var benchmark in new[] { "CallAsync by handle", "Mediator Send (IMediator)", "Validate, type without attributes", "FindById: EfRepository", "Paginate: EfRepository", "The listener check alone" })
        {
            Assert.Contains(benchmark, output, StringComparison.Ordinal);
        }
    }
}
