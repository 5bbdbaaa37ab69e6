using Mariachi.Data;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>
/// The base of an application's DbContext: applies the Mariachi conventions to every <see cref="IEntity"/> type of the
/// model (tenant and soft-delete query filters, <see cref="BaseEntity.Version"/> and <see cref="ITenantEntity.TenantId"/>
/// as concurrency tokens, unique indexes scoped to the tenant and to live rows, timestamps stored as UTC) and adds
/// <see cref="MariachiSaveChangesInterceptor"/>, which stamps and checks the tenant of every saved tenant row. On SQLite it
/// also sets a busy timeout on each connection, so concurrent writers wait for the lock instead of stalling.
/// </summary>
/// <remarks>
/// Set <see cref="MariachiContext"/> before querying or saving tenant entities: without it, the tenant filter
/// matches no row and saving a tenant row throws <see cref="ErrorCodes.Tenancy.MissingTenant"/> (fail closed).
/// <see cref="EfRepository{T}"/> sets it on every DbContext it creates. When overriding
/// <see cref="OnModelCreating"/>, configure your entities first and call <c>base.OnModelCreating(modelBuilder)</c>
/// last, so the conventions see every entity type and unique index; when overriding <see cref="OnConfiguring"/>, call
/// the base method. Do not use a pooled DbContext factory: the tenant travels on the instance.
/// </remarks>
public abstract class MariachiDbContext : DbContext
{
    private Context? _mariachiContext;
    private TenantScope? _tenantScope;

    protected MariachiDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// The caller's context: its tenant scopes the queries and writes of tenant entities made through this instance;
    /// a <see cref="Context.System"/> context without a tenant crosses tenants. Null (the default) sees no tenant row.
    /// </summary>
    public Context? MariachiContext
    {
        get => _mariachiContext;
        set
        {
            _mariachiContext = value;
            _tenantScope = ResolveScope(value);
        }
    }

    /// <summary>Read by the tenant query filter: true for a cross-tenant system context.</summary>
    internal bool TenantFilterCrossesTenants => _tenantScope is { IsRestricted: false };

    /// <summary>Read by the tenant query filter: the tenant whose rows are visible, or null.</summary>
    internal string? TenantFilterTenantId => _tenantScope?.TenantId;

    /// <summary>The tenant scope for writing tenant rows; throws <see cref="ErrorCodes.Tenancy.MissingTenant"/> without one.</summary>
    internal TenantScope RequireTenantScope(object entity)
    {
        if (_mariachiContext is null)
        {
            throw new TenancyError(
                ErrorCodes.Tenancy.MissingTenant,
                $"'{entity.GetType().Name}' is tenant data, but the DbContext has no Mariachi context. Set MariachiContext to the request's context, or to Context.System(reason) for deliberate cross-tenant work.",
                MariachiError.Meta(("entity", entity.GetType().Name)));
        }

        return TenantScope.For<ITenantEntity>(_mariachiContext);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        base.OnConfiguring(optionsBuilder);
        optionsBuilder.AddInterceptors(MariachiSaveChangesInterceptor.Instance, Data.SqliteBusyTimeoutInterceptor.Instance);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyMariachiConventions(this);
    }

    /// <summary>The scope of <paramref name="context"/> for tenant data, or null when it has none (fail closed).</summary>
    private static TenantScope? ResolveScope(Context? context)
    {
        if (context is null)
        {
            return null;
        }

        try
        {
            return TenantScope.For<ITenantEntity>(context);
        }
        catch (TenancyError)
        {
            // A context without a tenant that is not system work: the filter shows nothing and saves are refused.
            return null;
        }
    }
}
