namespace Mariachi.Data;

/// <summary>Options of <see cref="IRepository{T}.FindManyAsync"/>.</summary>
public sealed record QueryOptions<T>
{
    /// <summary>The order of the results; the id always breaks ties.</summary>
    public Sort<T>? Sort { get; init; }

    /// <summary>At most this many results (must be positive).</summary>
    public int? Limit { get; init; }

    /// <summary>Include soft-deleted rows.</summary>
    public bool IncludeDeleted { get; init; }
}
