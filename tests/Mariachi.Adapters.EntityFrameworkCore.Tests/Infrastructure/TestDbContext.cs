using Mariachi.Data;
using Mariachi.Testing.Conformance;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>The DbContext of the tests: the conformance entities and a few adapter-specific ones.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : MariachiDbContext(options)
{
    public DbSet<ConformanceItem> Items => Set<ConformanceItem>();

    public DbSet<ConformanceGlobalItem> Globals => Set<ConformanceGlobalItem>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Price> Prices => Set<Price>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Declared plainly: the conventions scope it to the tenant and to live rows.
        modelBuilder.Entity<Account>().HasIndex(a => a.Email).IsUnique();
        modelBuilder.Entity<Price>().Property(p => p.Amount).HasPrecision(18, 2);
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>A tenant entity with a unique email.</summary>
public sealed class Account : TenantEntity
{
    public string Email { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;
}

/// <summary>A non-tenant entity with timestamps of its own.</summary>
public sealed class Appointment : BaseEntity
{
    public string Title { get; set; } = string.Empty;

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset? EndsAt { get; set; }
}

/// <summary>An entity that is neither a tenant entity nor a <see cref="BaseEntity"/>: no version, no soft delete.</summary>
public sealed class Tag : IEntity
{
    public Guid Id { get; set; }

    public string Label { get; set; } = string.Empty;
}

/// <summary>Decimals with a scale (<see cref="Amount"/>, 2) and without (<see cref="Rate"/>).</summary>
public sealed class Price : BaseEntity
{
    public decimal Amount { get; set; }

    public decimal? Rate { get; set; }
}
