using System.Data;
using System.Linq.Expressions;
using Mariachi.Adapters.EntityFrameworkCore.Data;
using Mariachi.Data;
using Mariachi.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>
/// <see cref="IRepository{T}"/> over EF Core, with the semantics of the in-memory repository: tenant isolation that
/// fails closed (<see cref="TenantScope"/>, on reads and writes), soft delete, optimistic concurrency on
/// <see cref="BaseEntity.Version"/>, deterministic ordering and paging. Each call uses its own short-lived
/// <see cref="MariachiDbContext"/>, so one instance serves concurrent callers. Entities are returned detached: changing
/// them changes nothing stored. Errors are Mariachi errors, never raw EF or provider exceptions.
/// </summary>
/// <remarks>
/// Timestamps are stamped from the <see cref="TimeProvider"/> in UTC and truncated to whole microseconds, the finest
/// precision both SQLite and PostgreSQL keep, so the returned entity equals the stored one. A filter or sort EF cannot
/// translate to SQL fails with <see cref="ErrorCodes.Database.UntranslatableQuery"/>: nothing is evaluated in memory.
/// </remarks>
public sealed class EfRepository<T> : IRepository<T>
    where T : class, IEntity
{
    private static readonly bool IsVersioned = typeof(BaseEntity).IsAssignableFrom(typeof(T));
    private static readonly string EntityName = typeof(T).Name;

    private readonly IMariachiDbContextFactory _contexts;
    private readonly TimeProvider _clock;

    // What the spans say of the database, worked out on the first call (the factory's provider and model are fixed).
    private string? _dbSystem;
    private string? _collection;

    public EfRepository(IMariachiDbContextFactory contexts, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _contexts = contexts;
        _clock = timeProvider;
    }

    public async Task<T?> FindByIdAsync(Context context, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        return await RunAsync(
            context,
            "find",
            cancellationToken,
            db => Visible(db, scope, includeDeleted).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken));
    }

    public async Task<IReadOnlyList<T>> FindManyAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        QueryOptions<T>? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        if (options?.Limit is <= 0)
        {
            throw new ValidationError(
                ErrorCodes.Validation.InvalidInput,
                $"Limit must be 1 or more, was {options.Limit}.",
                MariachiError.Meta(("errors", new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    [nameof(QueryOptions<T>.Limit)] = [$"Limit must be 1 or more, was {options.Limit}."],
                })));
        }

        return await RunAsync<IReadOnlyList<T>>(
            context,
            "query",
            cancellationToken,
            async db =>
            {
                IQueryable<T> query = Filtered(db, scope, filter, options?.IncludeDeleted ?? false).OrderDeterministically(options?.Sort);
                if (options?.Limit is { } limit)
                {
                    query = query.Take(limit);
                }

                return await query.AsNoTracking().ToListAsync(cancellationToken);
            });
    }

    public async Task<T> CreateAsync(Context context, T entity, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        ArgumentNullException.ThrowIfNull(entity);

        var stored = scope.PrepareForCreate(entity, Now());
        return await RunAsync(
            context,
            "create",
            cancellationToken,
            async db =>
            {
                db.Set<T>().Add(stored);
                await db.SaveChangesAsync(cancellationToken);
                return stored;
            });
    }

    public async Task<T> UpdateAsync(Context context, T entity, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        ArgumentNullException.ThrowIfNull(entity);
        var expected = IsVersioned ? expectedVersion ?? ((BaseEntity)(object)entity).Version : (long?)null;
        var id = entity.Id;

        return await RunAsync(
            context,
            "update",
            cancellationToken,
            async db =>
            {
                // Tracked: the UPDATE names the version and owner read here (both are concurrency tokens), so a
                // row changed in between is not overwritten.
                var current = await Visible(db, scope, includeDeleted: false).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
                    ?? throw NotFound(id);
                if (expected is { } version && current is BaseEntity { Version: var actual } && actual != version)
                {
                    throw Concurrency(id, version, actual);
                }

                var previous = current as BaseEntity;
                var createdAt = previous?.CreatedAt;
                var previousVersion = previous?.Version;
                var owner = (current as ITenantEntity)?.TenantId;

                db.Entry(current).CurrentValues.SetValues(entity);
                if (previous is not null)
                {
                    previous.CreatedAt = createdAt!.Value;
                    previous.UpdatedAt = Now();
                    previous.DeletedAt = null;
                    previous.Version = previousVersion!.Value + 1;
                }

                // The owner never changes: an update cannot move a row into another tenant.
                if (current is ITenantEntity owned)
                {
                    owned.TenantId = owner!;
                }

                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone else wrote or deleted the row between the read and the write: report what is there now.
                    var fresh = await Visible(db, scope, includeDeleted: false).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
                    if (fresh is null)
                    {
                        throw NotFound(id);
                    }

                    if (expected is { } stale && fresh is BaseEntity { Version: var now })
                    {
                        throw Concurrency(id, stale, now);
                    }

                    throw;
                }

                return current;
            });
    }

    public async Task<bool> SoftDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        if (!IsVersioned)
        {
            throw new DatabaseError(
                ErrorCodes.Database.Failure,
                $"'{EntityName}' does not support soft delete: only BaseEntity types have DeletedAt. Use HardDeleteAsync.",
                MariachiError.Meta(("entity", EntityName)));
        }

        var now = Now();
        return await RunAsync(
            context,
            "soft-delete",
            cancellationToken,
            async db =>
            {
                // One statement that re-checks visibility and liveness: of concurrent deletes exactly one matches.
                var changed = await Visible(db, scope, includeDeleted: false)
                    .Where(e => e.Id == id)
                    .ExecuteUpdateAsync(SoftDeleteSetters.Apply(now), cancellationToken);
                return changed > 0;
            });
    }

    public async Task<bool> HardDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        return await RunAsync(
            context,
            "hard-delete",
            cancellationToken,
            async db => await Visible(db, scope, includeDeleted: true).Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) > 0);
    }

    public async Task<Page<T>> PaginateAsync(
        Context context,
        PageRequest request,
        Expression<Func<T, bool>>? filter = null,
        Sort<T>? sort = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();

        return await RunAsync(
            context,
            "paginate",
            cancellationToken,
            async db =>
            {
                // One snapshot for the total and the page, so they agree with each other.
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                var query = Filtered(db, scope, filter, includeDeleted: false);
                var total = await query.LongCountAsync(cancellationToken);
                IReadOnlyList<T> items = request.Offset >= total
                    ? []
                    : await query.OrderDeterministically(sort)
                        .Skip((int)request.Offset)
                        .Take(request.PageSize)
                        .AsNoTracking()
                        .ToListAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new Page<T>(items, request.Page, request.PageSize, total);
            });
    }

    public async Task<long> CountAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        bool includeDeleted = false,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = Scope(context);
        return await RunAsync(context, "count", cancellationToken, db => Filtered(db, scope, filter, includeDeleted).LongCountAsync(cancellationToken));
    }

    private static TenantScope Scope(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TenantScope.For<T>(context);
    }

    /// <summary>
    /// The rows <paramref name="scope"/> may see. The model's Mariachi filters are replaced by the shared
    /// <see cref="QueryableExtensions.WhereVisible{T}"/>, so every adapter applies the same rule; the application's
    /// own named filters stay.
    /// </summary>
    private static IQueryable<T> Visible(MariachiDbContext db, TenantScope scope, bool includeDeleted) =>
        db.Set<T>().IgnoreQueryFilters(MariachiQueryFilters.All).WhereVisible(scope, includeDeleted);

    private static IQueryable<T> Filtered(MariachiDbContext db, TenantScope scope, Expression<Func<T, bool>>? filter, bool includeDeleted)
    {
        var query = Visible(db, scope, includeDeleted);
        return filter is null ? query : query.Where(filter);
    }

    private static NotFoundError NotFound(Guid id) =>
        new(
            ErrorCodes.NotFound,
            $"'{EntityName}' {id} does not exist or is not visible.",
            MariachiError.Meta(("entity", EntityName), ("id", id)));

    private static ConflictError Concurrency(Guid id, long expected, long actual) =>
        new(
            ErrorCodes.Conflict.Concurrency,
            $"'{EntityName}' {id} was changed by someone else: expected version {expected}, found {actual}. Read it again and retry.",
            MariachiError.Meta(("entity", EntityName), ("id", id), ("expected", expected), ("actual", actual)));

    /// <summary>The clock's time in UTC, truncated to whole microseconds (the precision PostgreSQL keeps).</summary>
    private DateTimeOffset Now()
    {
        var utc = _clock.GetUtcNow().UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a new DbContext bound to <paramref name="context"/>, in the operation's span when
    /// observed, and turns EF and provider exceptions into Mariachi errors.
    /// </summary>
    private async Task<TResult> RunAsync<TResult>(
        Context context,
        string operation,
        CancellationToken cancellationToken,
        Func<MariachiDbContext, Task<TResult>> work)
    {
        MariachiOperation? observed = null;
        try
        {
            await using var db = _contexts.CreateDbContext();
            db.MariachiContext = context;
            var entityType = db.Model.FindEntityType(typeof(T));
            observed = MariachiTelemetry.StartRepository(
                _dbSystem ??= DbSystemOf(db.Database.ProviderName),
                operation,
                _collection ??= entityType?.GetTableName() ?? EntityName,
                context);
            if (entityType is null)
            {
                throw new DatabaseError(
                    ErrorCodes.Database.Failure,
                    $"'{EntityName}' is not an entity type of {db.GetType().Name}: add a DbSet<{EntityName}> property or configure it in OnModelCreating.",
                    MariachiError.Meta(("entity", EntityName), ("dbContext", db.GetType().Name)));
            }

            return await work(db);
        }
        catch (Exception exception)
        {
            var surfaced = Surfaced(exception, operation, cancellationToken);
            observed?.Fail(surfaced);
            if (ReferenceEquals(surfaced, exception))
            {
                throw;
            }

            throw surfaced;
        }
        finally
        {
            observed?.Dispose();
        }
    }

    /// <summary>
    /// What the caller gets for <paramref name="exception"/>: a Mariachi error, or a cancellation (a provider may report
    /// a cancellation as its own error: the caller asked to cancel, so it is a cancellation).
    /// </summary>
    private static Exception Surfaced(Exception exception, string operation, CancellationToken cancellationToken) =>
        exception is not (OperationCanceledException or MariachiError) && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException($"The {operation} of '{EntityName}' was canceled.", exception, cancellationToken)
            : DatabaseErrors.Translate(exception, EntityName, operation) ?? exception;

    /// <summary>The semantic conventions' <c>db.system.name</c> of an EF Core provider.</summary>
    private static string DbSystemOf(string? provider) => provider switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "postgresql",
        "Microsoft.EntityFrameworkCore.Sqlite" => "sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer" => "microsoft.sql_server",
        _ => "other_sql",
    };

    /// <summary>The SET clause of a soft delete, built once per entity type (T is only known to be a BaseEntity at run time).</summary>
    private static class SoftDeleteSetters
    {
        private static readonly Expression<Func<T, DateTimeOffset?>> DeletedAt = Property<DateTimeOffset?>(nameof(BaseEntity.DeletedAt));
        private static readonly Expression<Func<T, DateTimeOffset>> UpdatedAt = Property<DateTimeOffset>(nameof(BaseEntity.UpdatedAt));
        private static readonly Expression<Func<T, long>> Version = Property<long>(nameof(BaseEntity.Version));
        private static readonly Expression<Func<T, long>> NextVersion =
            Expression.Lambda<Func<T, long>>(Expression.Add(Version.Body, Expression.Constant(1L)), Version.Parameters);

        public static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<T>> Apply(DateTimeOffset now) =>
            setters => setters
                .SetProperty(DeletedAt, now)
                .SetProperty(UpdatedAt, now)
                .SetProperty(Version, NextVersion);

        private static Expression<Func<T, TValue>> Property<TValue>(string name)
        {
            var entity = Expression.Parameter(typeof(T), "entity");
            return Expression.Lambda<Func<T, TValue>>(Expression.Property(entity, name), entity);
        }
    }
}
