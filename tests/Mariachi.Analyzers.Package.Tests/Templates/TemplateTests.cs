using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests.Templates;

/// <summary>The apps made with Mariachi.Templates build clean, pass their own tests and answer over HTTP.</summary>
[Collection(GeneratedApps.Collection)]
public sealed partial class TemplateTests(GeneratedApps apps)
{
    [Fact]
    public void Every_template_and_option_builds_with_warnings_as_errors_and_no_diagnostic()
    {
        Assert.True(apps.Build.ExitCode == 0, apps.Instantiation + apps.Build);
        Assert.Empty(apps.Build.Warnings);
        Assert.DoesNotMatch(@"\b(warning|error) MAR\d{4}", apps.Build.Output);
        // Every piece is there, under the app's names.
        Assert.All(
            new[]
            {
                "Shop/Shop.slnx", "Shop/Shop.Services/Orders/OrdersService.Cancel.cs", "Shop/Shop.Api/Controllers/OrdersController.Cancel.cs",
                "Shop/Shop.Services/Billing/BillingModule.cs", "Shop/Shop.Api/Controllers/BillingController.cs",
                "Shop/Shop.Services/Billing/BillingService.ChargeCard.cs", "Shop/Shop.Services/Entities/InvoiceConfiguration.cs",
                "Market/Market.Worker/Market.Worker.csproj", "Market/Market.Api/Endpoints/OrdersEndpoints.cs",
                "Market/Market.Services/Orders/OrdersCancelModule.cs", "Depot/Depot.Api/Controllers/OrdersController.cs",
            },
            file => Assert.True(File.Exists(Path.Combine(apps.Root, file)), file));
        Assert.False(File.Exists(Path.Combine(apps.Root, "Shop/Shop.Worker/Shop.Worker.csproj")));
        Assert.False(Directory.Exists(Path.Combine(apps.Root, "Market/Market.Api/Controllers")));
        Assert.Contains("\"billing.charge-card\"", File.ReadAllText(Path.Combine(apps.Root, "Shop/Shop.Contracts/Billing/BillingChargeCard.cs")), StringComparison.Ordinal);
        Assert.Contains("postgres://", File.ReadAllText(Path.Combine(apps.Root, "Depot/Depot.Api/appsettings.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_generated_readme_commands_run_the_tests_and_start_an_api_that_answers()
    {
        var commands = ReadmeCommands(apps.Shop);
        Assert.Equal(["dotnet test", "dotnet run --project Shop.Api --urls http://localhost:5080"], commands);

        var test = await DotNet.RunAsync(apps.Shop, apps.Environment, GeneratedApps.Limit, Arguments(commands[0]));
        Assert.True(test.ExitCode == 0, test.ToString());
        // The solution's five tests and one for each procedure or service the item templates added.
        Assert.Equal(("0", "8"), (Counter(test, "Failed"), Counter(test, "Passed")));

        var url = $"http://127.0.0.1:{LocalApp.FreePort()}";
        await using var api = DotNet.Start(apps.Shop, apps.Environment, Arguments(commands[1].Replace("http://localhost:5080", url, StringComparison.Ordinal)));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var ready = await LocalApp.SendWhenReadyAsync(http, api, () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"));
        using var created = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Post, "/orders", new { customer = "Ana", total = 42.5m }));
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var read = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Get, $"/orders/{order.GetProperty("id").GetGuid()}"));
        using var missing = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Get, $"/orders/{Guid.NewGuid()}"));
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        using var cancelled = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Post, "/orders/cancel", new { id = Guid.Empty }));
        using var status = await http.SendAsync(GeneratedApps.AsTenant(HttpMethod.Get, "/billing/status"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync() + api.Output);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task The_generated_editorconfig_makes_a_mariachi_rule_an_error()
    {
        Assert.True(apps.Build.ExitCode == 0, apps.Build.ToString());
        var violation = Path.Combine(apps.Shop, "Shop.Services", "ReportService.cs");
        await File.WriteAllTextAsync(violation, """
            namespace Shop.Services;

            internal sealed class ReportModule(ReportService reports) : Mariachi.Communication.IProcedureModule
            {
                public void Register(Mariachi.Communication.ICommunication communication) => _ = reports;
            }

            public sealed class ReportService
            {
                public string Run(Mariachi.Context ctx) => Mariachi.Context.Create().TraceId;
            }
            """);
        try
        {
            var build = await DotNet.RunAsync(apps.Shop, apps.Environment, GeneratedApps.Limit, "build", "Shop.Services", "--no-restore");

            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("MAR0005", PackagedConsumer.Ids(build.Output, "error"));
        }
        finally
        {
            File.Delete(violation);
        }
    }

    [Fact]
    public async Task The_nats_and_minimal_api_app_passes_its_tests()
    {
        Assert.True(apps.Build.ExitCode == 0, apps.Build.ToString());

        var test = await DotNet.RunAsync(apps.Market, apps.Environment, GeneratedApps.Limit, "test", "--no-build");

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal(("0", "6"), (Counter(test, "Failed"), Counter(test, "Passed")));
    }

    [Fact]
    public async Task The_postgres_app_passes_its_tests_on_a_server_when_one_is_configured()
    {
        Assert.True(apps.Build.ExitCode == 0, apps.Build.ToString());
        var server = System.Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            // Built above like every app; its tests need a server, which CI always has.
            Assert.False(GeneratedApps.IsCi, $"{PostgresVariable} is not set, and CI=true: the PostgreSQL app's tests must run (.ci/run starts a server).");
            return;
        }

        var environment = new Dictionary<string, string>(apps.Environment) { ["DATABASE_URL"] = DatabaseUrl(server, $"depot_{Guid.NewGuid():N}") };
        var test = await DotNet.RunAsync(apps.Depot, environment, GeneratedApps.Limit, "test", "--no-build");

        Assert.True(test.ExitCode == 0, test.ToString());
        Assert.Equal(("0", "5"), (Counter(test, "Failed"), Counter(test, "Passed")));
    }

    private const string PostgresVariable = "MARIACHI_TEST_POSTGRES";

    /// <summary>The DATABASE_URL of a new database on the server of an Npgsql connection string (Host, Port, Username, Password).</summary>
    private static string DatabaseUrl(string connectionString, string database)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0].Trim().ToLowerInvariant(), pair => pair[1].Trim());
        var user = Uri.EscapeDataString(parts.GetValueOrDefault("username") ?? parts.GetValueOrDefault("user id") ?? "postgres");
        var password = parts.GetValueOrDefault("password") is { Length: > 0 } secret ? ":" + Uri.EscapeDataString(secret) : string.Empty;
        return $"postgres://{user}{password}@{parts.GetValueOrDefault("host") ?? "localhost"}:{parts.GetValueOrDefault("port") ?? "5432"}/{database}";
    }

    /// <summary>The commands of the first bash block of an app's README.</summary>
    private static IReadOnlyList<string> ReadmeCommands(string app)
    {
        var readme = File.ReadAllText(Path.Combine(app, "README.md")).ReplaceLineEndings("\n");
        var block = BashBlock().Match(readme);
        Assert.True(block.Success, readme);
        return GeneratedApps.Commands(block.Groups["code"].Value);
    }

    private static string[] Arguments(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", words[0]);
        return words[1..];
    }

    private static string Counter(DotNet.Result test, string name)
    {
        var counter = Regex.Match(test.Output, $@"\b{name}:\s+(\d+)");
        Assert.True(counter.Success, test.ToString());
        return counter.Groups[1].Value;
    }

    [GeneratedRegex(@"^```bash\n(?<code>.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();
}
