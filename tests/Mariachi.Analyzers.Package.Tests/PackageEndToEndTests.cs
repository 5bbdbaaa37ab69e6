namespace Mariachi.Analyzers.Package.Tests;

/// <summary>What a team sees after adding the package: warnings, a failing gate, dotnet format repairs, config, SARIF.</summary>
public sealed class PackageEndToEndTests(PackagedConsumer consumer) : IClassFixture<PackagedConsumer>
{
    private static readonly string[] AllRules = ["MAR0001", "MAR0002", "MAR0003", "MAR0004", "MAR0005"];

    [Fact]
    public async Task Build_reports_every_rule_as_a_warning()
    {
        var build = await DotNet.RunAsync(consumer.NewCopy(), "build", "--no-restore");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(AllRules, PackagedConsumer.Ids(build.Output, "warning").Order());
    }

    [Fact]
    public async Task Warnings_as_errors_fails_the_build()
    {
        var build = await DotNet.RunAsync(consumer.NewCopy(), "build", "--no-restore", "-warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(AllRules, PackagedConsumer.Ids(build.Output, "error").Order());
    }

    [Fact]
    public async Task Gate_property_fails_the_build_on_violations_even_when_the_project_is_up_to_date()
    {
        var directory = consumer.NewCopy();

        var plain = await DotNet.RunAsync(directory, "build", "--no-restore");
        var gated = await DotNet.RunAsync(directory, "build", "--no-restore", "-p:MariachiViolationsAsErrors=true");
        var again = await DotNet.RunAsync(directory, "build", "--no-restore", "-p:MariachiViolationsAsErrors=true");
        var off = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(gated.ExitCode != 0, "the gate passed a project that the plain build had just left up to date:\n" + gated);
        Assert.Equal(AllRules, PackagedConsumer.Ids(gated.Output, "error").Order());
        Assert.Empty(PackagedConsumer.Ids(gated.Output, "warning"));
        Assert.True(again.ExitCode != 0, again.ToString());
        Assert.Equal(AllRules, PackagedConsumer.Ids(again.Output, "error").Order());
        Assert.True(off.ExitCode == 0, "turning the gate off again must give warnings back:\n" + off);
        Assert.Equal(AllRules, PackagedConsumer.Ids(off.Output, "warning").Order());
    }

    [Fact]
    public async Task Gate_property_leaves_other_warnings_and_per_rule_settings_alone()
    {
        var directory = consumer.NewCopy();
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), """
            var unused = 1;
            System.Console.WriteLine(Environment.GetEnvironmentVariable("DATABASE_URL"));
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.MAR0002.severity = warning
            """);

        var gated = await DotNet.RunAsync(directory, "build", "--no-restore", "-p:MariachiViolationsAsErrors=true");

        Assert.True(gated.ExitCode == 0, gated.ToString());
        Assert.Contains("warning CS0219", gated.Output, StringComparison.Ordinal);
        Assert.Equal(["MAR0002"], PackagedConsumer.Ids(gated.Output, "warning"));
    }

    [Fact]
    public async Task Dotnet_format_repairs_context_rules_and_the_build_is_clean_of_them()
    {
        var directory = consumer.NewCopy();

        var format = await DotNet.RunAsync(directory, "format", "analyzers", "--diagnostics", "MAR0003", "MAR0005", "--severity", "warn", "--no-restore");
        var build = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.True(format.ExitCode == 0, format.ToString());
        var source = await File.ReadAllTextAsync(Path.Combine(directory, "Program.cs"));
        Assert.Contains("return Save(ctx, input + url);", source, StringComparison.Ordinal);
        Assert.Contains("=> Save(ctx, value);", source, StringComparison.Ordinal);
        var remaining = PackagedConsumer.Ids(build.Output, "warning");
        Assert.DoesNotContain("MAR0003", remaining);
        Assert.DoesNotContain("MAR0005", remaining);
        Assert.Contains("MAR0002", remaining);
    }

    [Fact]
    public async Task Editorconfig_severity_and_options_take_effect()
    {
        var directory = consumer.NewCopy();
        await File.WriteAllTextAsync(Path.Combine(directory, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.MAR0002.severity = error
            dotnet_diagnostic.MAR0005.severity = none
            mariachi.service_patterns = *Manager
            """);

        var build = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("MAR0002", PackagedConsumer.Ids(build.Output, "error"));
        Assert.DoesNotContain("MAR0005", PackagedConsumer.Ids(build.Output, "warning"));
        Assert.Contains(
            build.Output.Split('\n'),
            line => line.Contains("warning MAR0001", StringComparison.Ordinal) && line.Contains("OrderManager", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sarif_error_log_carries_the_help_links()
    {
        var directory = consumer.NewCopy();
        var log = Path.Combine(directory, "build.sarif");

        var build = await DotNet.RunAsync(directory, "build", "--no-restore", $"-p:ErrorLog={log}%2Cversion=2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        var sarif = await File.ReadAllTextAsync(log);
        foreach (var rule in AllRules)
        {
            Assert.Contains($"docs/rules/{rule}.md", sarif, StringComparison.Ordinal);
        }
    }
}
