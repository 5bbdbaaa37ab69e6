using Mariachi.Adapters.EntityFrameworkCore;
using Mariachi.Configuration;
using Mariachi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core adapter.</summary>
public static class MariachiEntityFrameworkCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TDb"/> (through <c>AddDbContextFactory</c>) and <see cref="EfRepository{T}"/> as
    /// <see cref="IRepository{T}"/> for every entity type, replacing the in-memory default of <c>AddMariachi</c>
    /// whichever is called first. Without <paramref name="configure"/> the database comes from the config layer:
    /// <see cref="ConfigKeys.DatabaseUrl"/> (<c>sqlite:path</c> or <c>postgres://...</c>, see
    /// <see cref="MariachiDatabaseUrl"/>), or the SQLite file <see cref="MariachiDatabaseUrl.DefaultSqliteFile"/> when it
    /// is not set. With it, e.g. <c>o =&gt; o.UseSqlite(...)</c> or <c>o =&gt; o.UseNpgsql(...)</c>, the provider is yours.
    /// The schema is not created here: see the README (EnsureCreated or migrations).
    /// </summary>
    public static MariachiBuilder AddMariachiEntityFrameworkCore<TDb>(this IServiceCollection services, Action<DbContextOptionsBuilder>? configure = null)
        where TDb : MariachiDbContext =>
        services.AddMariachiEntityFrameworkCore<TDb>(configure is null ? null : (_, options) => configure(options));

    /// <summary>As above, with the service provider, e.g. to read other options while configuring the provider.</summary>
    public static MariachiBuilder AddMariachiEntityFrameworkCore<TDb>(
        this IServiceCollection services,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure)
        where TDb : MariachiDbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddMariachiConfiguration();
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContextFactory<TDb>((provider, options) =>
        {
            if (configure is null)
            {
                options.UseMariachiDatabaseUrl(provider.GetRequiredService<IOptions<MariachiOptions>>().Value.DatabaseUrl);
            }
            else
            {
                configure(provider, options);
            }
        });
        services.Replace(ServiceDescriptor.Singleton<IMariachiDbContextFactory>(
            provider => new MariachiDbContextFactory<TDb>(provider.GetRequiredService<IDbContextFactory<TDb>>())));

        // Replace, not TryAdd: AddMariachi registers the in-memory repository with TryAdd and may have run first.
        services.Replace(ServiceDescriptor.Singleton(typeof(IRepository<>), typeof(EfRepository<>)));
        return builder;
    }
}
