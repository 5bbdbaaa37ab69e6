#if (!postgres)
using Mariachi.Configuration;
using Microsoft.AspNetCore.Hosting;
#endif
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Tests;

#if (postgres)
/// <summary>
/// The API in memory, on the database of its configuration: the DATABASE_URL environment variable, else
/// appsettings.json. The schema is created on start when the database is new.
/// </summary>
public sealed class ShopApiFactory : WebApplicationFactory<Program>;
#else
/// <summary>The API in memory, on a SQLite file of its own, created on start like a first run.</summary>
public sealed class ShopApiFactory : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"shop-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting(ConfigKeys.DatabaseUrl, "sqlite:" + _database);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
#endif
