using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mariachi.Analyzers.Package.Tests.Templates;

/// <summary>
/// The <c>--transport nats</c> app split in two processes, as its README runs them: the worker serves the procedures
/// over a NATS server of this test's own (so no other test's procedures answer), the API calls them there.
/// </summary>
[Collection(GeneratedApps.Collection)]
public sealed class NatsSplitTests(GeneratedApps apps)
{
    private const string ServerVariable = "MARIACHI_TEST_NATS_SERVER";

    [Fact]
    public async Task The_api_calls_the_worker_over_nats()
    {
        Assert.True(apps.Build.ExitCode == 0, apps.Build.ToString());
        var binary = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(binary))
        {
            Assert.False(
                GeneratedApps.IsCi,
                $"{ServerVariable} is not set, and CI=true: the NATS split must run (.ci/run starts nats-server with .ci/nats.sh).");
            return;
        }

        var port = LocalApp.FreePort();
        using var server = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", Path.Combine(apps.Root, "nats-" + port) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var environment = new Dictionary<string, string>(apps.Environment)
            {
                ["NATS_URL"] = $"nats://127.0.0.1:{port}",
                ["DATABASE_URL"] = "sqlite:" + Path.Combine(apps.Root, $"market-{port}.db"),
            };
            var url = $"http://127.0.0.1:{LocalApp.FreePort()}";
            await using var worker = DotNet.Start(apps.Market, environment, "run", "--no-build", "--project", "Market.Worker");
            await using var api = DotNet.Start(apps.Market, environment, "run", "--no-build", "--project", "Market.Api", "--urls", url);
            using var http = new HttpClient { BaseAddress = new Uri(url) };

            using var ready = await LocalApp.SendWhenReadyAsync(http, api, () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"));
            var created = await CreateWhenServedAsync(http, worker);
            using var read = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Get, $"/orders/{created.GetProperty("id").GetGuid()}"));

            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{read.StatusCode}\n{api.Output}\n{worker.Output}");
            Assert.Equal(created.GetProperty("customer").GetString(), (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customer").GetString());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Creates an order once the worker has registered its procedures (until then the call is refused).</summary>
    private static async Task<JsonElement> CreateWhenServedAsync(HttpClient http, DotNet.Running worker)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            Assert.False(worker.HasExited, "The worker stopped:\n" + worker.Output);
            using var response = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Post, "/orders", new { customer = "Ana", total = 42.5m }));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            Assert.True(DateTime.UtcNow < deadline, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{worker.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
