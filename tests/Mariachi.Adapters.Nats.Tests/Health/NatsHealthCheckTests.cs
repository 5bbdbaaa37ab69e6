using System.Diagnostics;
using Mariachi.Adapters.Nats.Health;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests.Health;

[RequiresNats]
public sealed class NatsHealthCheckTests
{
    [Fact]
    public async Task Registered_with_one_call_it_reports_the_adapters_connection_and_JetStream_healthy()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.NatsUrl] = NatsTestEnvironment.RequireUrl() })
            .Build());
        services.AddMariachiNats();
        services.AddHealthChecks().AddMariachiNats();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[MariachiNatsHealthChecksBuilderExtensions.DefaultName];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("The NATS server and its JetStream answer.", entry.Description);
        Assert.Equal(nameof(NatsConnectionState.Open), entry.Data["state"]);
    }

    [Fact]
    [RequiresNats(ServerBinary = true)]
    public async Task The_check_follows_the_server_going_down_and_up_and_never_waits_for_the_reconnect()
    {
        await using var server = await NatsServerProcess.StartAsync();
        await using var connection = new NatsConnection(TestNats.ConnectionOptions(server.Url));
        var check = new MariachiNatsHealthCheck(connection, TestNats.Options());
        Assert.Equal(HealthStatus.Healthy, (await Check(check)).Status);

        await server.KillAsync();
        var down = await Eventually(check, HealthStatus.Unhealthy);
        Assert.True(
            down.Description!.Contains("reconnecting", StringComparison.Ordinal) || down.Description.Contains("does not answer", StringComparison.Ordinal),
            down.Description);

        // While the client reconnects, a probe answers at once (kubelet probes time out in about a second).
        var clock = Stopwatch.StartNew();
        Assert.Equal(HealthStatus.Unhealthy, (await Check(check)).Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The check took {clock.Elapsed} while the server was down.");

        await server.RestartAsync();
        await Eventually(check, HealthStatus.Healthy);
    }

    [Fact]
    [RequiresNats(ServerBinary = true)]
    public async Task A_server_without_JetStream_is_unhealthy_only_when_events_use_JetStream()
    {
        await using var server = await NatsServerProcess.StartAsync(jetStream: false);
        await using var connection = new NatsConnection(TestNats.ConnectionOptions(server.Url));
        var coreOnly = TestNats.Options();
        coreOnly.Events.UseJetStream = false;

        var withJetStream = await Check(new MariachiNatsHealthCheck(connection, TestNats.Options()));
        var withoutJetStream = await Check(new MariachiNatsHealthCheck(connection, coreOnly));

        Assert.Equal(HealthStatus.Unhealthy, withJetStream.Status);
        Assert.StartsWith("JetStream does not answer for this account: ", withJetStream.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, withoutJetStream.Status);
        Assert.Equal("The NATS server answers.", withoutJetStream.Description);
    }

    private static async Task<HealthCheckResult> Check(IHealthCheck check)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await check.CheckHealthAsync(
            new HealthCheckContext { Registration = new HealthCheckRegistration("nats", check, HealthStatus.Unhealthy, tags: null) },
            timeout.Token);
    }

    private static async Task<HealthCheckResult> Eventually(IHealthCheck check, HealthStatus expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var result = await Check(check);
            if (result.Status == expected || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.Equal(expected, result.Status);
                return result;
            }

            await Task.Delay(100);
        }
    }
}
