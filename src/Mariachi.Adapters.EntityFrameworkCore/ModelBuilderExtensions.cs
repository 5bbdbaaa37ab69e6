using System.Linq.Expressions;
using System.Reflection;
using Mariachi.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>The Mariachi model conventions, applied by <see cref="MariachiDbContext"/> or called directly.</summary>
public static class ModelBuilderExtensions
{
    private static readonly PropertyInfo CrossesTenantsProperty =
        typeof(MariachiDbContext).GetProperty(nameof(MariachiDbContext.TenantFilterCrossesTenants), BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static readonly PropertyInfo FilterTenantProperty =
        typeof(MariachiDbContext).GetProperty(nameof(MariachiDbContext.TenantFilterTenantId), BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>
    /// Applies the conventions to every <see cref="IEntity"/> type registered so far (call it after configuring them):
    /// <list type="bullet">
    /// <item>tenant entities get the <see cref="MariachiQueryFilters.Tenant"/> query filter (rows of
    /// <paramref name="context"/>'s tenant), a required, indexed <c>TenantId</c> that is a concurrency token, and every
    /// unique index gets <c>TenantId</c> as its first column, so uniqueness is per tenant;</item>
    /// <item><see cref="BaseEntity"/> types get the <see cref="MariachiQueryFilters.SoftDelete"/> query filter,
    /// <c>Version</c> as the concurrency token, and unique indexes filtered on <c>DeletedAt IS NULL</c> (valid SQL on
    /// SQLite and PostgreSQL), so a soft-deleted row does not block a new one;</item>
    /// <item>every <see cref="DateTimeOffset"/> property is stored as a UTC <see cref="DateTime"/> (timestamptz on
    /// PostgreSQL, sortable ISO text on SQLite, which cannot order DateTimeOffset) and read back with offset zero;</item>
    /// <item>every <see cref="decimal"/> property reads back in the form it was saved in, whatever the provider does to
    /// it: rounded to its scale when it has one, without trailing zeros (the save interceptor saves that form).</item>
    /// </list>
    /// Calling it again changes nothing.
    /// </summary>
    public static ModelBuilder ApplyMariachiConventions(this ModelBuilder modelBuilder, MariachiDbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().ToList())
        {
            if (!typeof(IEntity).IsAssignableFrom(entityType.ClrType) || entityType.IsOwned())
            {
                continue;
            }

            var builder = modelBuilder.Entity(entityType.ClrType);
            var isTenant = typeof(ITenantEntity).IsAssignableFrom(entityType.ClrType);
            var isAudited = typeof(BaseEntity).IsAssignableFrom(entityType.ClrType);

            // Query filters are declared on the root of a hierarchy only.
            if (entityType.BaseType is null)
            {
                if (isTenant)
                {
                    builder.HasQueryFilter(MariachiQueryFilters.Tenant, TenantFilter(entityType.ClrType, context));
                }

                if (isAudited)
                {
                    builder.HasQueryFilter(MariachiQueryFilters.SoftDelete, SoftDeleteFilter(entityType.ClrType));
                }
            }

            if (isTenant)
            {
                builder.Property(nameof(ITenantEntity.TenantId)).IsRequired().IsConcurrencyToken();
                if (entityType.BaseType is null)
                {
                    builder.HasIndex(nameof(ITenantEntity.TenantId));
                }
            }

            if (isAudited)
            {
                builder.Property(nameof(BaseEntity.Version)).IsConcurrencyToken();
            }

            ScopeUniqueIndexes(entityType, isTenant, isAudited);
            StoreTimestampsAsUtc(entityType);
            Data.CanonicalDecimals.Apply(entityType);
        }

        return modelBuilder;
    }

    /// <summary><c>e =&gt; context.CrossesTenants || e.TenantId == context.TenantId</c>, read per query.</summary>
    private static LambdaExpression TenantFilter(Type clrType, MariachiDbContext context)
    {
        // The DbContext is a constant of its own type: EF swaps in the DbContext running the query.
        var entity = Expression.Parameter(clrType, "entity");
        var db = Expression.Constant(context, context.GetType());
        var body = Expression.OrElse(
            Expression.Property(db, CrossesTenantsProperty),
            Expression.Equal(Expression.Property(entity, nameof(ITenantEntity.TenantId)), Expression.Property(db, FilterTenantProperty)));
        return Expression.Lambda(body, entity);
    }

    private static LambdaExpression SoftDeleteFilter(Type clrType)
    {
        var entity = Expression.Parameter(clrType, "entity");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(BaseEntity.DeletedAt)),
            Expression.Constant(null, typeof(DateTimeOffset?)));
        return Expression.Lambda(body, entity);
    }

    private static void ScopeUniqueIndexes(IMutableEntityType entityType, bool isTenant, bool isAudited)
    {
        if (!isTenant && !isAudited)
        {
            return;
        }

        var tenant = isTenant ? entityType.FindProperty(nameof(ITenantEntity.TenantId)) : null;
        var deletedAt = isAudited ? entityType.FindProperty(nameof(BaseEntity.DeletedAt)) : null;
        foreach (var index in entityType.GetDeclaredIndexes().Where(i => i.IsUnique).ToList())
        {
            var properties = index.Properties.ToList();
            var filter = index.GetFilter();
            var needsTenant = tenant is not null && properties[0] != tenant;
            var needsFilter = deletedAt is not null && filter is null;
            if (!needsTenant && !needsFilter)
            {
                continue;
            }

            if (needsTenant)
            {
                properties.Remove(tenant!);
                properties.Insert(0, tenant!);
            }

            var name = index.Name;
            var databaseName = index.GetDatabaseName();
            var descending = index.IsDescending;
            entityType.RemoveIndex(index);
            var scoped = name is null ? entityType.AddIndex(properties) : entityType.AddIndex(properties, name);
            scoped.IsUnique = true;
            if (descending is not null)
            {
                scoped.IsDescending = needsTenant && descending.Count == properties.Count - 1 ? [false, .. descending] : descending;
            }

            if (databaseName is not null)
            {
                scoped.SetDatabaseName(databaseName);
            }

            // Double-quoted identifiers are standard SQL, valid on SQLite and PostgreSQL alike.
            scoped.SetFilter(needsFilter ? $"\"{deletedAt!.GetColumnName()}\" IS NULL" : filter);
        }
    }

    private static void StoreTimestampsAsUtc(IMutableEntityType entityType)
    {
        foreach (var property in entityType.GetDeclaredProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(DateTimeOffset) && property.GetValueConverter() is null && property.GetProviderClrType() is null)
            {
                property.SetValueConverter(UtcDateTimeConverter.Instance);
            }
        }
    }

    /// <summary>
    /// <see cref="DateTimeOffset"/> to a UTC <see cref="DateTime"/> and back with offset zero. Keeps the order of
    /// instants, so range filters and ORDER BY work on both providers.
    /// </summary>
    private sealed class UtcDateTimeConverter : ValueConverter<DateTimeOffset, DateTime>
    {
        private UtcDateTimeConverter()
            : base(value => value.UtcDateTime, value => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)))
        {
        }

        public static UtcDateTimeConverter Instance { get; } = new();
    }
}
