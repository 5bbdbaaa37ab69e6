using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>samples/Violations breaks every convention once; its build must show exactly those diagnostics.</summary>
public sealed partial class ViolationsSampleTests
{
    [Fact]
    public async Task Building_the_violations_sample_reports_exactly_the_expected_rules_and_files()
    {
        var repository = PackagedConsumer.FindRepositoryRoot();
        var configuration = PackagedConsumer.Configuration;

        // The analyzers and Abstractions are already built in this configuration; only the sample is (re)compiled.
        var build = await DotNet.RunAsync(repository, "build", "samples/Violations/Violations.csproj", "-c", configuration, "--no-dependencies", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        var found = Diagnostic().Matches(build.Output)
            .Select(m => (Id: m.Groups["id"].Value, File: m.Groups["file"].Value.Replace('\\', '/')))
            .ToHashSet();
        Assert.Equal(
            [
                ("MAR0001", "Controllers/OrdersController.cs"),
                ("MAR0002", "Services/OrderService.cs"),
                ("MAR0003", "Services/OrderService.cs"),
                ("MAR0004", "Services/Registrations.cs"),
                ("MAR0005", "Services/OrderService.cs"),
            ],
            found.OrderBy(d => d.Id).ThenBy(d => d.File));
    }

    [GeneratedRegex(@"samples[/\\]Violations[/\\](?<file>[^(\r\n\[]+)\(\d+,\d+\): warning (?<id>MAR\d{4}):")]
    private static partial Regex Diagnostic();
}
