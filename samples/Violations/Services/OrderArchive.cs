using Mariachi.Adapters.InMemory.Data;
using Mariachi.Data;

namespace Violations.Services;

// MAR0010 (twice): an adapter written as a field's type and created in place; depend on IRepository<T> instead.
public sealed class OrderArchive
{
    private readonly InMemoryRepository<ArchivedOrder> _orders = new InMemoryRepository<ArchivedOrder>();

    public IRepository<ArchivedOrder> Orders => _orders;
}

public sealed class ArchivedOrder : IEntity
{
    public Guid Id { get; set; }
}
