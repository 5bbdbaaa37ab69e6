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
