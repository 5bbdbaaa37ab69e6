using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Orders.Services;

/// <summary>Creates the orders schema on first run, before the host serves anything. Production would migrate instead.</summary>
internal sealed class OrdersSchema(IDbContextFactory<OrdersDb> databases) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Database.EnsureCreatedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
