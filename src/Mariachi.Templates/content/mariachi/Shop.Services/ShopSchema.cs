using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Shop.Services;

/// <summary>Creates the schema on first run, before the host serves anything. Move to migrations when it settles.</summary>
internal sealed class ShopSchema(IDbContextFactory<ShopDb> databases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
