namespace Mariachi.Data;

/// <summary>An entity with audit timestamps, soft delete and an optimistic-concurrency <see cref="Version"/>.</summary>
public abstract class BaseEntity : IEntity
{
    public Guid Id { get; set; }

    /// <summary>Set by the repository on create (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set by the repository on every write (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set by a soft delete; deleted rows are hidden from reads unless asked for.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Incremented by every write; an update must name the version it read.</summary>
    public long Version { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
