using System.Net;
using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>The README's adoption snippet, built from the packed packages as a user would, and called over HTTP.</summary>
public sealed partial class AdoptTests(AdoptedApp app) : IClassFixture<AdoptedApp>
{
    [Fact]
    public async Task The_snippet_builds_without_warnings_and_answers_through_the_procedure_as_the_readme_shows()
    {
        var directory = app.NewCopy();
        var call = Call().Match(app.Blocks["call"]);
        Assert.True(call.Success, "The README's call block is not '$ curl -s host:port/path -H ...' followed by the response: " + app.Blocks["call"]);

        var build = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.True(build.ExitCode == 0, build.ToString());
        // The snippet follows the conventions that the packages' analyzers check.
        Assert.Empty(build.Warnings);

        var url = $"http://127.0.0.1:{LocalApp.FreePort()}";
        await using var running = DotNet.Start(directory, "run", "--no-build", "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var response = await LocalApp.SendWhenReadyAsync(http, running, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, call.Groups["path"].Value);
            foreach (Match header in Header().Matches(call.Groups["headers"].Value))
            {
                request.Headers.Add(header.Groups["name"].Value, header.Groups["value"].Value);
            }

            return request;
        });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}\n{running.Output}");
        Assert.Equal(call.Groups["body"].Value, body);
    }

    [Fact]
    public async Task The_analyzers_come_with_the_package()
    {
        var directory = app.NewCopy();
        await File.WriteAllTextAsync(Path.Combine(directory, "ReportService.cs"), """
            namespace Shop;

            public sealed class ReportService
            {
                public string Run(Mariachi.Context ctx) => Mariachi.Context.Create().TraceId;
            }
            """);

        var build = await DotNet.RunAsync(directory, "build", "--no-restore");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("MAR0005", PackagedConsumer.Ids(build.Output, "warning"));
    }

    [GeneratedRegex(@"^\$ curl -s \S+?:\d+(?<path>/\S*)(?<headers>(?: -H '[^']*')*)\n(?<body>[^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex Call();

    [GeneratedRegex(@"-H '(?<name>[^:']+): (?<value>[^']*)'")]
    private static partial Regex Header();
}
