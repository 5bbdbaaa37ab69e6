using Mariachi.Adapters.EntityFrameworkCore;
using Mariachi.Data;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Benchmarks.Repository;

public sealed class BenchOrder : TenantEntity
{
    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}

/// <summary>The application's DbContext as Mariachi users write it: the conventions come from the base class.</summary>
public sealed class BenchDb(DbContextOptions<BenchDb> options) : MariachiDbContext(options)
{
    public DbSet<BenchOrder> Orders => Set<BenchOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BenchOrder>().ToTable("Orders");
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>
/// The same table mapped by a plain DbContext, as code without the repository would: no Mariachi base class, filters
/// or interceptors; timestamps stored as UTC DateTime like the Mariachi conventions store them.
/// </summary>
public sealed class PlainDb(DbContextOptions<PlainDb> options) : DbContext(options)
{
    public DbSet<BenchOrder> Orders => Set<BenchOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<BenchOrder>();
        order.ToTable("Orders");
        order.Property(o => o.CreatedAt).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        order.Property(o => o.UpdatedAt).HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));
        order.Property(o => o.DeletedAt).HasConversion(
            v => v.HasValue ? v.Value.UtcDateTime : (DateTime?)null,
            v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);
        order.Ignore(o => o.IsDeleted);
    }
}
