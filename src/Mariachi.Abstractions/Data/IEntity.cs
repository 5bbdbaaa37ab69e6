namespace Mariachi.Data;

/// <summary>An entity with a <see cref="Guid"/> identity.</summary>
public interface IEntity
{
    Guid Id { get; set; }
}
