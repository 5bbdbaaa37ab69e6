using Mariachi.Adapters.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Shop.Services;

/// <summary>The database of the services, at DATABASE_URL (a SQLite file by default).</summary>
public sealed class ShopDb(DbContextOptions<ShopDb> options) : MariachiDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Every IEntityTypeConfiguration of this assembly: an entity added with `dotnet new mariachi-entity` is
        // mapped by its configuration file alone.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopDb).Assembly);

        // Last: the Mariachi conventions (tenant and soft-delete filters, concurrency, UTC timestamps).
        base.OnModelCreating(modelBuilder);
    }
}
