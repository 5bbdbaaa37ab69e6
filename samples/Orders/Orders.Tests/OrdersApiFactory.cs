using Mariachi.Configuration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Orders.Tests;

/// <summary>
/// The Orders API on a real SQLite file of its own, created on start like a first run, with its own configuration
/// (appsettings.json); <see cref="Logs"/> holds the console lines it wrote.
/// </summary>
public sealed class OrdersApiFactory : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"orders-{Guid.NewGuid():N}.db");

    public ConsoleLineCapture Logs => Services.GetRequiredService<ConsoleLineCapture>();

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
        .UseSetting(ConfigKeys.DatabaseUrl, "sqlite:" + _database)
        .ConfigureServices(services => services
            .AddSingleton<ConsoleLineCapture>()
            .AddSingleton<ILoggerProvider>(provider => provider.GetRequiredService<ConsoleLineCapture>()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
