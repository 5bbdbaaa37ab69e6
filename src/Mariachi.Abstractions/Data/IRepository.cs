using System.Linq.Expressions;

namespace Mariachi.Data;

/// <summary>
/// Data access for one entity type. Every method takes the caller's <see cref="Context"/> first: tenant entities are
/// scoped to its tenant (and fail closed without one), deleted rows stay hidden unless asked for.
/// </summary>
public interface IRepository<T>
    where T : class, IEntity
{
    /// <summary>The entity with <paramref name="id"/>, or null when it does not exist or is not visible.</summary>
    Task<T?> FindByIdAsync(Context context, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default);

    /// <summary>The entities matching <paramref name="filter"/>, ordered by <see cref="QueryOptions{T}.Sort"/> then id.</summary>
    Task<IReadOnlyList<T>> FindManyAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        QueryOptions<T>? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts <paramref name="entity"/> and returns the stored copy. Assigns an id when empty, stamps timestamps,
    /// version 1 and, for tenant entities, the context's tenant (never a caller-supplied one).
    /// </summary>
    Task<T> CreateAsync(Context context, T entity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored entity with <paramref name="entity"/> when its version equals
    /// <paramref name="expectedVersion"/> (or, when null, <see cref="BaseEntity.Version"/> of <paramref name="entity"/>):
    /// else <see cref="ErrorCodes.Conflict.Concurrency"/>. A missing or invisible row is <see cref="ErrorCodes.NotFound"/>.
    /// </summary>
    Task<T> UpdateAsync(Context context, T entity, long? expectedVersion = null, CancellationToken cancellationToken = default);

    /// <summary>Marks the entity deleted. False when it does not exist, is not visible or is already deleted.</summary>
    Task<bool> SoftDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default);

    /// <summary>Removes the entity for good. False when it does not exist or is not visible.</summary>
    Task<bool> HardDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default);

    /// <summary>One page of the matching entities, in a deterministic order (requested sort, then id).</summary>
    Task<Page<T>> PaginateAsync(
        Context context,
        PageRequest request,
        Expression<Func<T, bool>>? filter = null,
        Sort<T>? sort = null,
        CancellationToken cancellationToken = default);

    /// <summary>The number of matching entities.</summary>
    Task<long> CountAsync(
        Context context,
        Expression<Func<T, bool>>? filter = null,
        bool includeDeleted = false,
        CancellationToken cancellationToken = default);
}
