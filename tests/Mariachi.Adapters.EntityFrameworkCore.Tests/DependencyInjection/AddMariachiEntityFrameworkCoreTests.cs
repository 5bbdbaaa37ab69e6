using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Adapters.InMemory.Data;
using Mariachi.Configuration;
using Mariachi.Data;
using Mariachi.Testing.Conformance;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.DependencyInjection;

public sealed class AddMariachiEntityFrameworkCoreTests
{
    private static readonly Context Caller = Context.Create("tenant-a", "user-a");

    private static ServiceProvider Build(Action<IServiceCollection> register, string? databaseUrl = null)
    {
        var services = new ServiceCollection();
        var settings = new Dictionary<string, string?>();
        if (databaseUrl is not null)
        {
            settings[ConfigKeys.DatabaseUrl] = databaseUrl;
        }

        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public void Replaces_the_in_memory_repository_whichever_is_registered_first()
    {
        using var after = Build(s => s.AddMariachi().Services.AddMariachiEntityFrameworkCore<TestDbContext>());
        using var before = Build(s => s.AddMariachiEntityFrameworkCore<TestDbContext>().Services.AddMariachi());
        using var inMemory = Build(s => s.AddMariachi());

        Assert.IsType<EfRepository<ConformanceItem>>(after.GetRequiredService<IRepository<ConformanceItem>>());
        Assert.IsType<EfRepository<ConformanceItem>>(before.GetRequiredService<IRepository<ConformanceItem>>());
        Assert.IsType<InMemoryRepository<ConformanceItem>>(inMemory.GetRequiredService<IRepository<ConformanceItem>>());
        Assert.Same(after.GetRequiredService<IRepository<ConformanceItem>>(), after.GetRequiredService<IRepository<ConformanceItem>>());
    }

    [Fact]
    public void Without_a_database_url_the_database_is_the_default_sqlite_file()
    {
        using var provider = Build(s => s.AddMariachiEntityFrameworkCore<TestDbContext>());
        using var db = provider.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Equal(MariachiDatabaseUrl.DefaultSqliteFile, new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
    }

    [Fact]
    public void A_postgres_database_url_selects_npgsql()
    {
        using var provider = Build(s => s.AddMariachiEntityFrameworkCore<TestDbContext>(), "postgres://app:secret@db:5432/orders");
        using var db = provider.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Contains("Database=orders", db.Database.GetConnectionString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sqlite_database_url_from_configuration_serves_the_repositories()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mariachi-di-{Guid.NewGuid():N}.db");
        try
        {
            await using (var provider = Build(s => s.AddMariachi().Services.AddMariachiEntityFrameworkCore<TestDbContext>(), $"sqlite:{path}"))
            {
                await using (var db = await provider.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContextAsync())
                {
                    await db.Database.EnsureCreatedAsync();
                }

                var items = provider.GetRequiredService<IRepository<ConformanceItem>>();
                var created = await items.CreateAsync(Caller, new ConformanceItem { Name = "stored" });

                Assert.Equal("stored", (await items.FindByIdAsync(Caller, created.Id))?.Name);
                Assert.True(File.Exists(path));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void A_configure_callback_chooses_the_provider()
    {
        using var provider = Build(s => s.AddMariachiEntityFrameworkCore<TestDbContext>(o => o.UseSqlite("Data Source=custom.db")), "postgres://ignored/db");
        using var db = provider.GetRequiredService<IDbContextFactory<TestDbContext>>().CreateDbContext();

        Assert.Equal("custom.db", new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
    }
}
