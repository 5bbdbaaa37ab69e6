using System.Collections.Concurrent;
using System.Linq.Expressions;
using Mariachi.Data;
using Mariachi.Diagnostics;

namespace Mariachi.Adapters.InMemory.Data;

/// <summary>
/// A thread-safe repository that keeps its rows in process memory: the default for development and tests, with the
/// same semantics as the database adapters (tenant isolation that fails closed, soft delete, optimistic concurrency,
/// deterministic ordering). Rows are stored and returned as shallow copies, so callers never share instances with
/// the store. Queries run the shared <see cref="QueryableExtensions"/> over a snapshot of the rows.
/// </summary>
/// <remarks>
/// A stored row is never mutated: every write builds a new instance and swaps it in with a compare-and-swap on the
/// row it read, so concurrent writers cannot lose updates and readers never see a half-written row.
/// </remarks>
public sealed class InMemoryRepository<T> : IRepository<T>
    where T : class, IEntity
{
    /// <summary>The <c>db.system.name</c> of this repository's spans and metrics.</summary>
    private const string DbSystem = "mariachi.in_memory";

    private static readonly bool IsVersioned = typeof(BaseEntity).IsAssignableFrom(typeof(T));
    private static readonly string EntityName = typeof(T).Name;

    private readonly ConcurrentDictionary<Guid, Row> _rows = new();
    private readonly TimeProvider _clock;

    /// <summary>Creates a repository that stamps rows with the system clock.</summary>
    public InMemoryRepository()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a repository that stamps rows with <paramref name="timeProvider"/>.</summary>
    public InMemoryRepository(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _clock = timeProvider;
    }

    public Task<T?> FindByIdAsync(Context context, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        Run(
            context,
            "find",
            () =>
            {
                var scope = Scope(context);
                return _rows.TryGetValue(id, out var row) && IsVisible(scope, row.Entity, includeDeleted)
                    ? EntityCopier<T>.Copy(row.Entity)
                    : null;
            },
            cancellationToken);

    public Task<IReadOnlyList<T>> FindManyAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        QueryOptions<T>? options = null,
        CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<T>>(
            context,
            "query",
            () =>
            {
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

                IQueryable<T> query = Query(scope, filter, options?.IncludeDeleted ?? false).OrderDeterministically(options?.Sort);
                if (options?.Limit is { } limit)
                {
                    query = query.Take(limit);
                }

                return query.AsEnumerable().Select(EntityCopier<T>.Copy).ToList();
            },
            cancellationToken);

    public Task<T> CreateAsync(Context context, T entity, CancellationToken cancellationToken = default) =>
        Run(
            context,
            "create",
            () =>
            {
                var scope = Scope(context);
                ArgumentNullException.ThrowIfNull(entity);

                var stored = scope.PrepareForCreate(entity, _clock.GetUtcNow());
                if (!_rows.TryAdd(stored.Id, new Row(stored)))
                {
                    throw new ConflictError(
                        ErrorCodes.Conflict.Unique,
                        $"A '{typeof(T).Name}' with id {stored.Id} already exists.",
                        MariachiError.Meta(("entity", typeof(T).Name), ("id", stored.Id)));
                }

                return EntityCopier<T>.Copy(stored);
            },
            cancellationToken);

    public Task<T> UpdateAsync(Context context, T entity, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        Run(
            context,
            "update",
            () =>
            {
                var scope = Scope(context);
                ArgumentNullException.ThrowIfNull(entity);
                var expected = IsVersioned ? expectedVersion ?? ((BaseEntity)(object)entity).Version : (long?)null;
                while (true)
                {
                    if (!_rows.TryGetValue(entity.Id, out var current) || !IsVisible(scope, current.Entity, includeDeleted: false))
                    {
                        throw NotFound(entity.Id);
                    }

                    if (expected is { } version && current.Entity is BaseEntity { Version: var actual } && actual != version)
                    {
                        throw new ConflictError(
                            ErrorCodes.Conflict.Concurrency,
                            $"'{typeof(T).Name}' {entity.Id} was changed by someone else: expected version {version}, found {actual}. Read it again and retry.",
                            MariachiError.Meta(("entity", typeof(T).Name), ("id", entity.Id), ("expected", version), ("actual", actual)));
                    }

                    var replacement = EntityCopier<T>.Copy(entity);
                    if (replacement is BaseEntity audited && current.Entity is BaseEntity previous)
                    {
                        audited.CreatedAt = previous.CreatedAt;
                        audited.UpdatedAt = _clock.GetUtcNow();
                        audited.DeletedAt = null;
                        audited.Version = previous.Version + 1;
                    }

                    // The owner never changes: an update cannot move a row into another tenant.
                    if (replacement is ITenantEntity owned && current.Entity is ITenantEntity owner)
                    {
                        owned.TenantId = owner.TenantId;
                    }

                    if (_rows.TryUpdate(entity.Id, new Row(replacement), current))
                    {
                        return EntityCopier<T>.Copy(replacement);
                    }

                    // Another writer swapped the row in between: re-read, which re-checks visibility and version.
                }
            },
            cancellationToken);

    public Task<bool> SoftDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default) =>
        Run(
            context,
            "soft-delete",
            () =>
            {
                var scope = Scope(context);
                if (!IsVersioned)
                {
                    throw new DatabaseError(
                        ErrorCodes.Database.Failure,
                        $"'{typeof(T).Name}' does not support soft delete: only BaseEntity types have DeletedAt. Use HardDeleteAsync.",
                        MariachiError.Meta(("entity", typeof(T).Name)));
                }

                while (true)
                {
                    if (!_rows.TryGetValue(id, out var current) || !IsVisible(scope, current.Entity, includeDeleted: false))
                    {
                        return false;
                    }

                    var replacement = EntityCopier<T>.Copy(current.Entity);
                    var audited = (BaseEntity)(object)replacement;
                    var now = _clock.GetUtcNow();
                    audited.DeletedAt = now;
                    audited.UpdatedAt = now;
                    audited.Version++;
                    if (_rows.TryUpdate(id, new Row(replacement), current))
                    {
                        return true;
                    }
                }
            },
            cancellationToken);

    public Task<bool> HardDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default) =>
        Run(
            context,
            "hard-delete",
            () =>
            {
                var scope = Scope(context);
                while (true)
                {
                    if (!_rows.TryGetValue(id, out var current) || !IsVisible(scope, current.Entity, includeDeleted: true))
                    {
                        return false;
                    }

                    // Removes only the row that was checked; a concurrent change makes the loop check again.
                    if (_rows.TryRemove(new KeyValuePair<Guid, Row>(id, current)))
                    {
                        return true;
                    }
                }
            },
            cancellationToken);

    public Task<Page<T>> PaginateAsync(
        Context context,
        PageRequest request,
        Expression<Func<T, bool>>? filter = null,
        Sort<T>? sort = null,
        CancellationToken cancellationToken = default) =>
        Run(
            context,
            "paginate",
            () =>
            {
                var scope = Scope(context);
                ArgumentNullException.ThrowIfNull(request);
                request.Validate();

                // One snapshot for both the total and the page, so they agree with each other.
                var matching = Query(scope, filter, includeDeleted: false).OrderDeterministically(sort).ToList();
                var items = request.Offset >= matching.Count
                    ? []
                    : matching.Skip((int)request.Offset).Take(request.PageSize).Select(EntityCopier<T>.Copy).ToList();
                return new Page<T>(items, request.Page, request.PageSize, matching.Count);
            },
            cancellationToken);

    public Task<long> CountAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        bool includeDeleted = false,
        CancellationToken cancellationToken = default) =>
        Run(context, "count", () => Query(Scope(context), filter, includeDeleted).LongCount(), cancellationToken);

    private static TenantScope Scope(Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TenantScope.For<T>(context);
    }

    /// <summary>The same rule as <see cref="QueryableExtensions.WhereVisible{T}"/>, for a single row.</summary>
    private static bool IsVisible(TenantScope scope, T entity, bool includeDeleted) =>
        scope.CanSee(entity) && (includeDeleted || entity is not BaseEntity { IsDeleted: true });

    private static NotFoundError NotFound(Guid id) =>
        new(
            ErrorCodes.NotFound,
            $"'{typeof(T).Name}' {id} does not exist or is not visible.",
            MariachiError.Meta(("entity", typeof(T).Name), ("id", id)));

    /// <summary>
    /// Completes synchronously but reports failures on the returned task, like an awaited database call would, and
    /// returns a canceled task for a canceled token.
    /// </summary>
    private static Task<TResult> Run<TResult>(Context context, string name, Func<TResult> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        using var observed = MariachiTelemetry.StartRepository(DbSystem, name, EntityName, context);
        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception exception)
        {
            observed?.Fail(exception);
            return Task.FromException<TResult>(exception);
        }
    }

    private IQueryable<T> Query(TenantScope scope, Expression<Func<T, bool>>? filter, bool includeDeleted)
    {
        // Values copies the rows under the dictionary's locks: a consistent snapshot of immutable rows.
        var query = _rows.Values.Select(row => row.Entity).ToArray().AsQueryable().WhereVisible(scope, includeDeleted);
        return filter is null ? query : query.Where(filter);
    }

    /// <summary>
    /// Holds a stored entity, so compare-and-swap compares references even when <typeparamref name="T"/> overrides
    /// equality (a record, say).
    /// </summary>
    private sealed class Row(T entity)
    {
        public T Entity { get; } = entity;
    }
}
