namespace Mariachi.Data;

/// <summary>
/// The tenant rule every repository adapter applies, in one place: a tenant entity needs a tenant in the context
/// (fail closed), except that a <see cref="Context.System"/> context without a tenant crosses tenants.
/// </summary>
public readonly struct TenantScope
{
    private TenantScope(bool appliesToTenants, string? tenantId)
    {
        AppliesToTenants = appliesToTenants;
        TenantId = tenantId;
    }

    /// <summary>True when the entity type is a tenant entity.</summary>
    public bool AppliesToTenants { get; }

    /// <summary>The tenant to filter and stamp with; null for non-tenant entities and cross-tenant system work.</summary>
    public string? TenantId { get; }

    /// <summary>True when rows must be filtered by <see cref="TenantId"/>.</summary>
    public bool IsRestricted => AppliesToTenants && TenantId is not null;

    /// <summary>Resolves the scope of <paramref name="context"/> for <typeparamref name="T"/>, or throws <see cref="ErrorCodes.Tenancy.MissingTenant"/>.</summary>
    public static TenantScope For<T>(Context context)
        where T : class, IEntity
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!typeof(ITenantEntity).IsAssignableFrom(typeof(T)))
        {
            return new TenantScope(false, null);
        }

        if (context.TenantId is { } tenantId)
        {
            return new TenantScope(true, tenantId);
        }

        if (context.IsSystem)
        {
            return new TenantScope(true, null);
        }

        throw new TenancyError(
            ErrorCodes.Tenancy.MissingTenant,
            $"'{typeof(T).Name}' is tenant data, but the context has no tenant. Pass the request's context, or use Context.System(reason) for deliberate cross-tenant work.",
            MariachiError.Meta(("entity", typeof(T).Name), ("traceId", context.TraceId)));
    }

    /// <summary>True when <paramref name="entity"/> is visible in this scope.</summary>
    public bool CanSee(IEntity entity) =>
        !IsRestricted || (entity is ITenantEntity owned && string.Equals(owned.TenantId, TenantId, StringComparison.Ordinal));

    /// <summary>
    /// The tenant to stamp on a new entity: the context's, never the caller's. A cross-tenant system context must
    /// name the tenant on the entity itself.
    /// </summary>
    public string? TenantForNew(IEntity entity)
    {
        if (!AppliesToTenants)
        {
            return null;
        }

        if (TenantId is not null)
        {
            return TenantId;
        }

        var supplied = (entity as ITenantEntity)?.TenantId;
        return string.IsNullOrEmpty(supplied)
            ? throw new TenancyError(
                ErrorCodes.Tenancy.MissingTenant,
                $"A system context without a tenant creates '{entity.GetType().Name}' only when the entity names its tenant.",
                MariachiError.Meta(("entity", entity.GetType().Name)))
            : supplied;
    }

    /// <summary>
    /// The copy of <paramref name="entity"/> a repository stores on create: a new id when it has none, created and
    /// updated at <paramref name="now"/>, version 1, not deleted, and the tenant from <see cref="TenantForNew"/>. The
    /// tenant is resolved first, so a refused create has no side effects; the caller's instance is never changed.
    /// </summary>
    public T PrepareForCreate<T>(T entity, DateTimeOffset now)
        where T : class, IEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var tenantId = TenantForNew(entity);
        var stored = EntityCopier<T>.Copy(entity);
        if (stored.Id == Guid.Empty)
        {
            stored.Id = Guid.NewGuid();
        }

        if (stored is BaseEntity audited)
        {
            audited.CreatedAt = now;
            audited.UpdatedAt = now;
            audited.DeletedAt = null;
            audited.Version = 1;
        }

        if (stored is ITenantEntity owned)
        {
            owned.TenantId = tenantId!;
        }

        return stored;
    }
}
