namespace Mariachi.Cli.Tests;

/// <summary>Exit codes and errors of the installed tool: 0 clean, 1 findings at or above --fail-on, 2 usage or load error.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public async Task Findings_at_or_above_the_default_warning_exit_1_and_below_fail_on_error_exit_0()
    {
        Assert.Equal(1, (await SampleRuns.ViolationsAsJsonAsync()).ExitCode);
        Assert.Equal(0, (await SampleRuns.ViolationsAsHumanAsync()).ExitCode);
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--fail-on", "sometimes")]
    [InlineData("check", "--no-such-option")]
    [InlineData("check", "does/not/exist.sln")]
    [InlineData("no-such-command")]
    public async Task Bad_arguments_exit_2_with_a_message_and_no_stack_trace(params string[] arguments)
    {
        var tool = await InstalledTool.GetAsync();

        var run = await tool.RunAsync(SampleCopies.NewFolder("usage"), arguments);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("mariachi", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_fails_to_load_is_named_with_msbuilds_reason_and_exits_2()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("broken");
        File.WriteAllText(Path.Combine(folder, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup></Project>");

        var run = await tool.RunAsync(folder, "check", "--no-restore");

        Assert.True(run.ExitCode == 2, run.ToString());
        // MSBuild's own words for malformed project XML.
        Assert.Matches(@"could not load Broken\.csproj: The project file could not be loaded\. The 'PropertyGroup' start tag", run.Output);
        Assert.Contains("in 0 projects; 1 could not be loaded", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Error, StringComparison.Ordinal);
    }
}
