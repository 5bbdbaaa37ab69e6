using Mariachi.Cli.Commands;
using Mariachi.Cli.Loading;
using Microsoft.CodeAnalysis;

namespace Mariachi.Cli.Tests;

/// <summary>The command line's parsing, in process: options, --fail-on, and what a PATH names.</summary>
public sealed class ArgumentsTests
{
    private static readonly CommandOption[] Options = [CommandOption.Format("human", "json"), new("rule", "ID", "", Repeatable: true), new("quiet", null, "")];

    [Fact]
    public void Options_take_values_inline_or_next_repeat_only_when_repeatable_and_unknown_ones_are_usage_errors()
    {
        var parsed = ParsedArguments.Parse(["src/Shop.sln", "--format=json", "--rule", "MAR0001,MAR0003", "--rule", "MAR0005", "--quiet"], Options);

        Assert.Equal("src/Shop.sln", parsed.SinglePath());
        Assert.Equal("json", parsed.Choice("format", "human", "json"));
        Assert.Equal(["MAR0001", "MAR0003", "MAR0005"], parsed.Values("rule"));
        Assert.True(parsed.Has("quiet"));
        Assert.Throws<UsageException>(() => ParsedArguments.Parse(["--format", "json", "--format", "human"], Options));
        Assert.Throws<UsageException>(() => ParsedArguments.Parse(["--colour"], Options));
        Assert.Throws<UsageException>(() => ParsedArguments.Parse(["--format"], Options));
        Assert.Throws<UsageException>(() => ParsedArguments.Parse(["--quiet=yes"], Options));
        Assert.Throws<UsageException>(() => ParsedArguments.Parse(["a.sln", "b.sln"], Options).SinglePath());
    }

    [Fact]
    public void A_short_option_is_an_unknown_option_not_a_path_and_a_path_starting_with_a_dash_goes_after_the_separator()
    {
        var error = Assert.Throws<UsageException>(() => ParsedArguments.Parse(["-q"], Options));
        Assert.Equal("unknown option '-q' (options start with --)", error.Message);
        Assert.Equal("-odd.sln", ParsedArguments.Parse(["--", "-odd.sln"], Options).SinglePath());
    }

    [Fact]
    public async Task Help_of_a_command_goes_to_standard_output_and_no_command_at_all_is_a_usage_error_on_standard_error()
    {
        var table = CommandTable.Discover();

        var (helpCode, helpOut, helpError) = await RunAsync(table, "help", "check");
        Assert.Equal(0, helpCode);
        Assert.StartsWith("Usage: mariachi check [PATH] [options]", helpOut, StringComparison.Ordinal);
        Assert.Contains("--no-baseline", helpOut, StringComparison.Ordinal);
        Assert.Empty(helpError);

        var (noneCode, noneOut, noneError) = await RunAsync(table);
        Assert.Equal(2, noneCode);
        Assert.Empty(noneOut);
        Assert.Contains("Usage: mariachi <command> [PATH] [options]", noneError, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(CommandTable table, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await table.RunAsync(arguments, new CliConsole(output, error, IsTerminal: false, Path.GetTempPath()), CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning, true)]
    [InlineData(null, DiagnosticSeverity.Info, false)]
    [InlineData("error", DiagnosticSeverity.Warning, false)]
    [InlineData("error", DiagnosticSeverity.Error, true)]
    [InlineData("info", DiagnosticSeverity.Info, true)]
    [InlineData("never", DiagnosticSeverity.Error, false)]
    public void Fail_on_is_a_threshold(string? option, DiagnosticSeverity severity, bool fails) =>
        Assert.Equal(fails, FailOn.Parse(option).Fails(severity));

    [Fact]
    public void A_folder_names_its_one_solution_else_its_one_project_else_every_project_below_it()
    {
        var folder = SampleCopies.NewFolder("paths");
        Directory.CreateDirectory(Path.Combine(folder, "A", "obj"));
        Directory.CreateDirectory(Path.Combine(folder, "B"));
        File.WriteAllText(Path.Combine(folder, "A", "A.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "A", "obj", "Stale.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "B", "B.csproj"), "<Project />");

        Assert.Equal([Path.Combine(folder, "A", "A.csproj"), Path.Combine(folder, "B", "B.csproj")], SolutionPath.Resolve(null, folder).ProjectFiles);
        Assert.Equal([Path.Combine(folder, "A", "A.csproj")], SolutionPath.Resolve("A", folder).ProjectFiles);

        File.WriteAllText(Path.Combine(folder, "Shop.slnx"), "<Solution />");
        Assert.Equal(Path.Combine(folder, "Shop.slnx"), SolutionPath.Resolve(".", folder).SolutionFile);
        File.WriteAllText(Path.Combine(folder, "Other.sln"), "");
        Assert.Throws<UsageException>(() => SolutionPath.Resolve(null, folder));
        Assert.Throws<UsageException>(() => SolutionPath.Resolve("README.md", folder));
    }
}
