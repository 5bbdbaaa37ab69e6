using Mariachi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>
/// Enforces tenancy on writes, which EF's query filters do not cover (SaveChanges updates and deletes rows by key):
/// before a <see cref="MariachiDbContext"/> saves, every added tenant row is stamped with the context's tenant and
/// every updated or deleted tenant row must belong to it and keep its owner. A violation throws
/// <see cref="TenancyError"/> and nothing is saved. Decimals of added and updated rows are first brought into the form
/// they read back in (see <see cref="ModelBuilderExtensions.ApplyMariachiConventions"/>), so the saved entity and a
/// later read agree.
/// </summary>
/// <remarks>
/// <see cref="ITenantEntity.TenantId"/> is also a concurrency token, so the UPDATE or DELETE statement itself matches
/// the owner the row was read with: a row attached with a forged owner is not written either. Bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> do not pass through SaveChanges; they are scoped by the tenant query filter.
/// </remarks>
public sealed class MariachiSaveChangesInterceptor : SaveChangesInterceptor
{
    private MariachiSaveChangesInterceptor()
    {
    }

    /// <summary>The interceptor <see cref="MariachiDbContext"/> adds to its options; it keeps no state.</summary>
    public static MariachiSaveChangesInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Enforce(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Enforce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Enforce(DbContext? context)
    {
        if (context is not MariachiDbContext db)
        {
            return;
        }

        // SaveChanges calls interceptors before it detects changes; detect them here so edits are seen.
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Data.CanonicalDecimals.OnSaving(entry);
            }
        }

        foreach (var entry in db.ChangeTracker.Entries<ITenantEntity>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.TenantId = db.RequireTenantScope(entry.Entity).TenantForNew(entry.Entity)!;
                    break;
                case EntityState.Modified:
                case EntityState.Deleted:
                    CheckOwner(db.RequireTenantScope(entry.Entity), entry);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckOwner(TenantScope scope, EntityEntry<ITenantEntity> entry)
    {
        var property = entry.Property(e => e.TenantId);
        var owner = property.OriginalValue;
        var entityName = entry.Entity.GetType().Name;
        if (!scope.IsRestricted || string.Equals(owner, scope.TenantId, StringComparison.Ordinal))
        {
            if (entry.State == EntityState.Modified && !string.Equals(property.CurrentValue, owner, StringComparison.Ordinal))
            {
                throw new TenancyError(
                    ErrorCodes.Tenancy.AccessDenied,
                    $"'{entityName}' cannot move to another tenant: its TenantId is set when it is created and never changes.",
                    MariachiError.Meta(("entity", entityName)));
            }

            return;
        }

        var verb = entry.State == EntityState.Deleted ? "delete" : "update";
        throw new TenancyError(
            ErrorCodes.Tenancy.AccessDenied,
            $"Refused to {verb} a '{entityName}' of another tenant: the context's tenant may only write its own rows.",
            MariachiError.Meta(("entity", entityName), ("tenant", scope.TenantId)));
    }
}
