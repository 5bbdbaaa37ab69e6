using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// samples/Violations breaks every convention once; its build must print exactly the diagnostic lines the README
/// shows under "Every rule firing", so the README cannot drift from what users see.
/// </summary>
public sealed partial class ViolationsSampleTests
{
    [Fact]
    public async Task Building_the_violations_sample_prints_exactly_the_lines_the_readme_shows()
    {
        var repository = PackagedConsumer.FindRepositoryRoot();
        var configuration = PackagedConsumer.Configuration;
        var documented = ReadmeViolations.Lines(await File.ReadAllTextAsync(Path.Combine(repository, "README.md")));

        // The analyzers and Abstractions are already built in this configuration; only the sample is (re)compiled.
        var build = await DotNet.RunAsync(repository, "build", "samples/Violations/Violations.csproj", "-c", configuration, "--no-dependencies", "--no-incremental");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal(documented.Order(StringComparer.Ordinal), ShortenedDiagnostics(build.Output).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_build_line_is_shortened_the_way_the_readme_says()
    {
        const string Line = "/home/ana/mariachi/samples/Violations/Services/OrderService.cs(18,16): warning MAR0003: 'null' is passed; "
            + "pass it (https://github.com/mariachi-dotnet/mariachi/blob/main/docs/rules/MAR0003.md) [/home/ana/mariachi/samples/Violations/Violations.csproj]";

        Assert.Equal(["Services/OrderService.cs(18,16): warning MAR0003: 'null' is passed; pass it"], ShortenedDiagnostics(Line + "\n" + Line));
    }

    /// <summary>
    /// Each distinct MAR diagnostic of a build as the README prints it: path relative to the sample, without the help
    /// link and the project suffix (MSBuild repeats a warning in its summary, hence distinct).
    /// </summary>
    internal static IReadOnlyList<string> ShortenedDiagnostics(string output) =>
        BuildDiagnostic().Matches(output)
            .Select(m => $"{m.Groups["file"].Value.Replace('\\', '/')}{m.Groups["message"].Value}")
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"samples[/\\]Violations[/\\](?<file>[^(\r\n\[]+)(?<message>\(\d+,\d+\): warning MAR\d{4}: [^\r\n]*?) \(https://[^\s)]+\) \[[^\]\r\n]+\]")]
    private static partial Regex BuildDiagnostic();
}
