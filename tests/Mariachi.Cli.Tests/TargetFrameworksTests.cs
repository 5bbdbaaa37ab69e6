using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>
/// A multi-targeting project is checked in each of its target frameworks, as `dotnet build` compiles each: a finding
/// every framework reports is reported once, one only some report is reported once with those frameworks named.
/// </summary>
public sealed class TargetFrameworksTests
{
    private const string Code = """
        namespace Multi;

        public sealed class ZoneService
        {
            public string? Region() => Environment.GetEnvironmentVariable("REGION");

        #if NET10_0_OR_GREATER
            public string? Zone() => Environment.GetEnvironmentVariable("ZONE");
        #else
            public string? Zone() => Environment.GetEnvironmentVariable("LEGACY_ZONE");
        #endif
        }
        """;

    [Fact]
    public async Task A_finding_of_every_framework_is_reported_once_and_one_of_some_frameworks_names_them()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("multi-target");
        WrittenProjects.Write(folder, "Multi", "<PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup>", Code);

        var json = await tool.RunAsync(folder, "check", "--format", "json", "--quiet");

        Assert.True(json.ExitCode == 1, json.ToString());
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal(
            ["Multi/Code.cs(5) MAR0002 [all]", "Multi/Code.cs(8) MAR0002 [net10.0]", "Multi/Code.cs(10) MAR0002 [net8.0]"],
            report.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
                $"{f.GetProperty("file").GetString()}({f.GetProperty("line").GetInt32()}) {f.GetProperty("id").GetString()} "
                + (f.TryGetProperty("targetFrameworks", out var only) ? $"[{string.Join(", ", only.EnumerateArray().Select(e => e.GetString()))}]" : "[all]")));
        Assert.Equal(1, report.RootElement.GetProperty("summary").GetProperty("projects").GetInt32());

        var human = await tool.RunAsync(folder, "check", "--no-restore", "--quiet");

        Assert.Contains("GetEnvironmentVariable(\"ZONE\")' reads the environment outside the config layer; read the setting through IConfiguration or options instead (only in net10.0)", human.Output, StringComparison.Ordinal);
        Assert.Contains("3 findings", human.Output, StringComparison.Ordinal);
    }
}
