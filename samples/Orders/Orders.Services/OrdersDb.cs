using Mariachi.Adapters.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Orders.Services;

/// <summary>The orders database: SQLite by default, PostgreSQL when DATABASE_URL says so.</summary>
public sealed class OrdersDb(DbContextOptions<OrdersDb> options) : MariachiDbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>().Property(o => o.Customer).HasMaxLength(100);
        modelBuilder.Entity<Order>().Property(o => o.Total).HasPrecision(18, 2);

        // Last: applies the Mariachi conventions (tenant and soft-delete filters, concurrency, UTC timestamps).
        base.OnModelCreating(modelBuilder);
    }
}
