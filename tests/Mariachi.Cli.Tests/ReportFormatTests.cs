using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>The machine-readable reports of `mariachi check`, from the installed tool on samples/Violations.</summary>
public sealed class ReportFormatTests
{
    [Fact]
    public async Task Json_has_the_summary_every_finding_with_relative_path_and_position_and_the_projects()
    {
        var run = await SampleRuns.ViolationsAsJsonAsync();
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;

        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("mariachi", root.GetProperty("tool").GetProperty("name").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal((19, 0, 19, 1, 0), (summary.GetProperty("findings").GetInt32(), summary.GetProperty("errors").GetInt32(),
            summary.GetProperty("warnings").GetInt32(), summary.GetProperty("projects").GetInt32(), summary.GetProperty("loadFailures").GetInt32()));
        Assert.Equal(["Violations"], root.GetProperty("projects").EnumerateArray().Select(p => p.GetString()));
        var first = root.GetProperty("findings")[0];
        Assert.Equal("Controllers/ArchiveController.cs", first.GetProperty("file").GetString());
        Assert.Equal(("MAR0006", "warning", "Violations"), (first.GetProperty("id").GetString(), first.GetProperty("severity").GetString(), first.GetProperty("project").GetString()));
        Assert.Equal("https://github.com/mariachi-dotnet/mariachi/blob/main/docs/rules/MAR0006.md", first.GetProperty("helpLink").GetString());
        Assert.True(first.GetProperty("endColumn").GetInt32() > first.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Sarif_is_version_2_1_0_shaped_as_the_compilers_error_log()
    {
        var run = await SampleRuns.ViolationsAsSarifAsync();
        var folder = await SampleRuns.ViolationsFolderAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        using var log = JsonDocument.Parse(run.Output);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Equal("http://json.schemastore.org/sarif-2.1.0", log.RootElement.GetProperty("$schema").GetString());
        var sarifRun = Assert.Single(log.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("utf16CodeUnits", sarifRun.GetProperty("columnKind").GetString());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 14).Select(n => $"MAR{n:0000}"), rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("shortDescription").GetProperty("text").GetString())));
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(19, results.Count);
        foreach (var result in results)
        {
            // ruleIndex points at the rule, as the compiler writes it.
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Equal("warning", result.GetProperty("level").GetString());
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
            Assert.True(uri.IsFile && File.Exists(uri.LocalPath) && uri.LocalPath.StartsWith(folder, StringComparison.Ordinal), uri.ToString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }
    }
}
