using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>`mariachi check`, installed from its package, on the Orders and Violations samples.</summary>
public sealed class CheckSamplesTests
{
    [Fact]
    public async Task Orders_is_clean_including_the_nats_split()
    {
        var tool = await InstalledTool.GetAsync();

        // Orders is in Mariachi.sln, restored with it; the tool only reads it (design-time builds in Debug).
        var run = await tool.RunAsync(Path.Combine(Repository.Root, "samples", "Orders"), "check", "--no-restore");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No Mariachi findings in 5 projects", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Violations_reports_exactly_the_findings_the_readme_shows_for_a_build()
    {
        var run = await SampleRuns.ViolationsAsJsonAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        using var report = JsonDocument.Parse(run.Output);
        var lines = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("file").GetString()}({f.GetProperty("line").GetInt32()},{f.GetProperty("column").GetInt32()}): "
                + $"{f.GetProperty("severity").GetString()} {f.GetProperty("id").GetString()}: {f.GetProperty("message").GetString()}");
        Assert.Equal(ReadmeViolations.Lines().Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_human_report_groups_by_file_shows_the_line_with_a_caret_and_the_help_link_and_sums_up()
    {
        var run = await SampleRuns.ViolationsAsHumanAsync();

        // Only warnings: below --fail-on error.
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = run.Output.ReplaceLineEndings("\n");
        Assert.Contains("""
            Services/OrderService.cs
              12:24  warning MAR0002: 'Environment.GetEnvironmentVariable("DEFAULT_CURRENCY")' reads the environment outside the config layer; read the setting through IConfiguration or options instead
                12 |         var currency = Environment.GetEnvironmentVariable("DEFAULT_CURRENCY") ?? "EUR";
                   |                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                https://github.com/mariachi-dotnet/mariachi/blob/main/docs/rules/MAR0002.md
            """, output, StringComparison.Ordinal);
        Assert.Matches(@"\nMAR0004 +Duplicate procedure name +Violations +2\n", output);
        Assert.Contains("19 findings (19 warnings) in 1 project", output, StringComparison.Ordinal);
        // Redirected: plain progress lines on standard error, nothing redrawn with carriage returns.
        Assert.Contains("analyzed [1/1] Violations", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', run.Output + run.Error);
    }
}
