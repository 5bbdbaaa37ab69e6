using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Testing.Conformance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Adapter;

/// <summary>The model <see cref="ModelBuilderExtensions.ApplyMariachiConventions"/> builds, and the DDL it yields per provider.</summary>
public sealed class ConventionTests
{
    private static readonly DbContextOptions<TestDbContext> SqliteOptions =
        new DbContextOptionsBuilder<TestDbContext>().UseSqlite("Data Source=:memory:").Options;

    private static readonly DbContextOptions<TestDbContext> PostgresOptions =
        new DbContextOptionsBuilder<TestDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;

    private static IModel DesignModel(DbContextOptions<TestDbContext> options)
    {
        using var db = new TestDbContext(options);
        return db.GetService<IDesignTimeModel>().Model;
    }

    [Fact]
    public void Tenant_entities_get_both_named_filters_and_other_entities_only_what_applies()
    {
        var model = DesignModel(SqliteOptions);

        Assert.Equal(
            [MariachiQueryFilters.SoftDelete, MariachiQueryFilters.Tenant],
            model.FindEntityType(typeof(ConformanceItem))!.GetDeclaredQueryFilters().Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            [MariachiQueryFilters.SoftDelete],
            model.FindEntityType(typeof(ConformanceGlobalItem))!.GetDeclaredQueryFilters().Select(f => f.Key));
        Assert.Empty(model.FindEntityType(typeof(Tag))!.GetDeclaredQueryFilters());
    }

    [Fact]
    public void Version_and_tenant_are_concurrency_tokens()
    {
        var item = DesignModel(SqliteOptions).FindEntityType(typeof(ConformanceItem))!;

        Assert.True(item.FindProperty("Version")!.IsConcurrencyToken);
        Assert.True(item.FindProperty("TenantId")!.IsConcurrencyToken);
        Assert.False(item.FindProperty("TenantId")!.IsNullable);
        Assert.False(item.FindProperty("Name")!.IsConcurrencyToken);
    }

    [Fact]
    public void Unique_indexes_lead_with_the_tenant_and_ignore_deleted_rows()
    {
        var account = DesignModel(SqliteOptions).FindEntityType(typeof(Account))!;

        var unique = Assert.Single(account.GetIndexes(), i => i.IsUnique);
        Assert.Equal(["TenantId", "Email"], unique.Properties.Select(p => p.Name));
        Assert.Equal("\"DeletedAt\" IS NULL", unique.GetFilter());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void The_schema_script_has_the_filtered_tenant_unique_index_and_utc_columns(string provider)
    {
        using var db = new TestDbContext(provider == "sqlite" ? SqliteOptions : PostgresOptions);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("(\"TenantId\", \"Email\") WHERE \"DeletedAt\" IS NULL", script, StringComparison.Ordinal);
        Assert.Contains(provider == "sqlite" ? "\"CreatedAt\" TEXT NOT NULL" : "\"CreatedAt\" timestamp with time zone NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_are_stored_as_utc_date_times()
    {
        var appointment = DesignModel(SqliteOptions).FindEntityType(typeof(Appointment))!;

        foreach (var name in new[] { "CreatedAt", "UpdatedAt", "DeletedAt", "StartsAt", "EndsAt" })
        {
            Assert.Equal(typeof(DateTime), appointment.FindProperty(name)!.GetValueConverter()?.ProviderClrType);
        }
    }

    [Fact]
    public void Applying_the_conventions_twice_changes_nothing()
    {
        var builder = new ModelBuilder();
        builder.Entity<Account>().HasIndex(a => a.Email).IsUnique();
        using var db = new TestDbContext(SqliteOptions);

        builder.ApplyMariachiConventions(db);
        builder.ApplyMariachiConventions(db);

        var account = builder.Model.FindEntityType(typeof(Account))!;
        var unique = Assert.Single(account.GetIndexes(), i => i.IsUnique);
        Assert.Equal(["TenantId", "Email"], unique.Properties.Select(p => p.Name));
        Assert.Equal(2, account.GetDeclaredQueryFilters().Count);
    }
}
