using System.Net;
using System.Net.Sockets;
using Mariachi.Adapters.EntityFrameworkCore.Health;
using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Health;

public sealed class SqliteDatabaseHealthCheckTests
{
    [Fact]
    public async Task Registered_with_one_call_it_reports_the_database_of_the_repositories_healthy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"health-{Guid.NewGuid():N}.db");
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [ConfigKeys.DatabaseUrl] = "sqlite:" + file })
                .Build());
            services.AddMariachiEntityFrameworkCore<TestDbContext>();
            services.AddHealthChecks().AddMariachiDatabase();
            await using var provider = services.BuildServiceProvider();

            var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            var entry = report.Entries[MariachiEntityFrameworkCoreHealthChecksBuilderExtensions.DefaultName];
            Assert.Equal(HealthStatus.Healthy, entry.Status);
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", entry.Data["provider"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_is_unhealthy_with_the_providers_reason()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-dir-{Guid.NewGuid():N}", "orders.db");
        var options = new DbContextOptionsBuilder<TestDbContext>().UseSqlite($"Data Source={missing}").Options;

        var result = await Check(new MariachiDbContextFactory<TestDbContext>(() => new TestDbContext(options)), HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("unable to open database file", result.Description, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(result.Exception);
    }

    internal static Task<HealthCheckResult> Check(IMariachiDbContextFactory factory, HealthStatus failureStatus = HealthStatus.Unhealthy) =>
        new MariachiDatabaseHealthCheck(factory).CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("db", _ => throw new InvalidOperationException(), failureStatus, tags: null),
        });
}

[RequiresPostgres]
public sealed class PostgresDatabaseHealthCheckTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_running_server_is_healthy()
    {
        await using var database = await postgres.CreateDatabaseAsync(createSchema: false);

        var result = await SqliteDatabaseHealthCheckTests.Check(database.Factory);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", result.Data["provider"]);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_unhealthy_without_the_connection_string_in_the_report()
    {
        var down = new NpgsqlConnectionStringBuilder(PostgresServer.RequireConnectionString())
        {
            Host = "127.0.0.1",
            Port = UnusedPort(),
            Password = "secret-password",
            Timeout = 5,
        };
        var options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(down.ConnectionString).Options;

        var result = await SqliteDatabaseHealthCheckTests.Check(new MariachiDbContextFactory<TestDbContext>(() => new TestDbContext(options)));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("Cannot connect to the database (Npgsql.EntityFrameworkCore.PostgreSQL): ", result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", result.Description, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The check against a PostgreSQL server of the test's own, stopped and started again.</summary>
[RequiresPostgresBinaries]
public sealed class PostgresDownAndUpHealthCheckTests
{
    private const string Password = "secret-password";

    [Fact]
    public async Task The_check_follows_the_server_down_with_the_providers_reason_and_up_again()
    {
        await using var server = await OwnPostgres.CreateAsync();
        var options = new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(server.ConnectionString(Password)).Options;
        var factory = new MariachiDbContextFactory<TestDbContext>(() => new TestDbContext(options));

        var up = await SqliteDatabaseHealthCheckTests.Check(factory);
        await server.StopAsync();
        var down = await SqliteDatabaseHealthCheckTests.Check(factory);
        await server.StartAsync();
        var upAgain = await SqliteDatabaseHealthCheckTests.Check(factory);

        Assert.Equal(HealthStatus.Healthy, up.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        const string Prefix = "Cannot connect to the database (Npgsql.EntityFrameworkCore.PostgreSQL): ";
        Assert.StartsWith(Prefix, down.Description, StringComparison.Ordinal);
        Assert.Equal(Prefix + down.Exception!.Message, down.Description);
        Assert.DoesNotContain(Password, down.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", down.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HealthStatus.Healthy, upAgain.Status);
    }
}
