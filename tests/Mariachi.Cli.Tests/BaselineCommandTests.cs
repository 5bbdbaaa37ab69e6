using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>`mariachi baseline` and `mariachi check --baseline` on a copy of samples/Violations: the round trip a team makes.</summary>
public sealed class BaselineCommandTests
{
    private const string NewViolation = "    public string? Country() => Environment.GetEnvironmentVariable(\"DEFAULT_COUNTRY\");\n";

    [Fact]
    public async Task Moved_code_stays_accepted_a_new_violation_is_the_one_new_finding_and_a_fixed_one_is_listed_as_gone()
    {
        var tool = await InstalledTool.GetAsync();
        var copy = SampleCopies.Copy("Violations");

        var write = await tool.RunAsync(copy, "baseline", "--quiet");
        Assert.True(write.ExitCode == 0, write.ToString());
        // Two findings on one line of one member share an entry (MAR0007 twice in TenantService, MAR0010 twice in OrderArchive).
        Assert.True(write.Output.Contains("wrote mariachi-baseline.json: 19 findings in 17 entries", StringComparison.Ordinal), write.ToString());

        // Lines shift in two files, one violation is added and one (MAR0009) is fixed.
        var service = Path.Combine(copy, "Services", "OrderService.cs");
        var text = await File.ReadAllTextAsync(service);
        text = text.Replace("namespace Violations.Services;\n", "namespace Violations.Services;\n\n// Moved down three lines.\n\n", StringComparison.Ordinal);
        text = text.Replace("=> throw new InvalidOperationException($\"Order {id} is shipped.\");", "=> Task.CompletedTask;", StringComparison.Ordinal);
        text = text.Insert(text.LastIndexOf('}'), NewViolation);
        await File.WriteAllTextAsync(service, text);
        var controller = Path.Combine(copy, "Controllers", "OrdersController.cs");
        await File.WriteAllTextAsync(controller, "// A header.\n\n" + await File.ReadAllTextAsync(controller));

        var check = await tool.RunAsync(copy, "check", "--baseline", "mariachi-baseline.json", "--format", "json", "--no-restore", "--quiet");

        Assert.True(check.ExitCode == 1, check.ToString());
        using var report = JsonDocument.Parse(check.Output);
        var line = text.Split('\n').ToList().IndexOf(NewViolation.TrimEnd('\n')) + 1;
        Assert.Equal(
            [("Services/OrderService.cs", line, "MAR0002")],
            report.RootElement.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("id").GetString())));
        Assert.Contains("mariachi-baseline.json: 18 accepted, 1 new, 1 gone", check.Error, StringComparison.Ordinal);
        var applied = Assert.Single(report.RootElement.GetProperty("baselines").EnumerateArray());
        Assert.Equal(("mariachi-baseline.json", 18, 1), (applied.GetProperty("file").GetString(), applied.GetProperty("accepted").GetInt32(), applied.GetProperty("new").GetInt32()));
        var gone = Assert.Single(applied.GetProperty("gone").EnumerateArray());
        Assert.Equal(
            ("MAR0009", "Services/OrderService.cs", "Violations.Services.OrderService.CancelAsync", 1),
            (gone.GetProperty("rule").GetString(), gone.GetProperty("file").GetString(), gone.GetProperty("symbol").GetString(), gone.GetProperty("count").GetInt32()));
        Assert.Contains("gone: MAR0009 Services/OrderService.cs Violations.Services.OrderService.CancelAsync: public Task CancelAsync(Context ctx, Guid id) => throw new InvalidOperationException($\"Order {id} is shipped.\");", check.Error, StringComparison.Ordinal);

        // --update drops what is gone and keeps the new finding out; check then reports it alone.
        var update = await tool.RunAsync(copy, "baseline", "--update", "--no-restore", "--quiet");
        Assert.True(update.ExitCode == 0, update.ToString());
        Assert.Contains("updated mariachi-baseline.json: 1 gone findings dropped, 0 new added, 18 findings in 16 entries", update.Output, StringComparison.Ordinal);
        Assert.Contains("1 new findings not added", update.Output, StringComparison.Ordinal);

        var again = await tool.RunAsync(copy, "check", "--baseline", "mariachi-baseline.json", "--no-restore", "--quiet");
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("mariachi-baseline.json: 18 accepted, 1 new, 0 gone", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_check_applies_the_baseline_each_projects_build_applies_and_no_baseline_shows_every_finding()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("project-baselines");
        const string Net10 = "<PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>";
        var targets = $"<Import Project=\"{WrittenProjects.PackageTargets}\" />";
        // With the analyzer package's targets (the baseline is an additional file), with them but turned off, and
        // without them (the analyzers referenced as a project): the nearest baseline above the project.
        WrittenProjects.Write(folder, "Counted", Net10 + targets, WrittenProjects.ServiceReadingTheEnvironment("Counted"));
        WrittenProjects.Write(folder, "OptedOut", Net10 + "<PropertyGroup><MariachiUseBaseline>false</MariachiUseBaseline></PropertyGroup>" + targets, WrittenProjects.ServiceReadingTheEnvironment("OptedOut"));
        WrittenProjects.Write(folder, "Plain", Net10, WrittenProjects.ServiceReadingTheEnvironment("Plain"));
        WrittenProjects.WriteSolution(folder, "Stock.slnx", "Counted", "OptedOut", "Plain");

        var write = await tool.RunAsync(folder, "baseline", "--quiet");
        Assert.True(write.ExitCode == 0, write.ToString());
        Assert.Contains("wrote mariachi-baseline.json: 3 findings in 3 entries", write.Output, StringComparison.Ordinal);

        var check = await tool.RunAsync(folder, "check", "--format", "json", "--no-restore", "--quiet");

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Equal([("OptedOut/Code.cs", 5, "MAR0002")], Findings(check));
        Assert.Contains("mariachi-baseline.json: 2 accepted, 0 new, 0 gone", check.Error, StringComparison.Ordinal);
        Assert.Contains("`mariachi check --no-baseline` shows every finding", check.Error, StringComparison.Ordinal);

        // A fixed finding is listed as gone, as with --baseline.
        await File.WriteAllTextAsync(Path.Combine(folder, "Plain", "Code.cs"), "namespace Plain;\n\npublic sealed class StockService;\n");
        var fixedOne = await tool.RunAsync(folder, "check", "--no-restore", "--quiet");
        Assert.True(fixedOne.ExitCode == 1, fixedOne.ToString());
        Assert.Contains("mariachi-baseline.json: 1 accepted, 0 new, 1 gone", fixedOne.Output, StringComparison.Ordinal);
        Assert.Contains("gone: MAR0002 Plain/Code.cs Plain.StockService.Region: public string? Region() => Environment.GetEnvironmentVariable(\"REGION\");", fixedOne.Output, StringComparison.Ordinal);

        var all = await tool.RunAsync(folder, "check", "--no-baseline", "--format", "json", "--no-restore", "--quiet");
        Assert.True(all.ExitCode == 1, all.ToString());
        Assert.Equal([("Counted/Code.cs", 5, "MAR0002"), ("OptedOut/Code.cs", 5, "MAR0002")], Findings(all));
        Assert.DoesNotContain("accepted", all.Output + all.Error, StringComparison.Ordinal);
        using (var allReport = JsonDocument.Parse(all.Output))
        {
            Assert.False(allReport.RootElement.TryGetProperty("baselines", out _), all.Output);
        }

        var both = await tool.RunAsync(folder, "check", "--no-baseline", "--baseline", "mariachi-baseline.json");
        Assert.True(both.ExitCode == 2, both.ToString());
        Assert.Contains("mariachi check: --baseline and --no-baseline exclude each other", both.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_that_does_not_read_is_a_usage_error_naming_where()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("bad-baseline");
        await File.WriteAllTextAsync(Path.Combine(folder, "Shop.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        await File.WriteAllTextAsync(Path.Combine(folder, "mariachi-baseline.json"), "{ \"version\": 1, \"entries\": [ } ");

        var run = await tool.RunAsync(folder, "check", "--baseline", "mariachi-baseline.json");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("mariachi-baseline.json(1,30): the Mariachi baseline is invalid: expected a JSON value", run.Error, StringComparison.Ordinal);
    }

    private static List<(string?, int, string?)> Findings(ToolRun run)
    {
        using var report = JsonDocument.Parse(run.Output);
        return report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("id").GetString()))
            .ToList();
    }
}
