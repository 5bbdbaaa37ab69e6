using Mariachi.Adapters.InMemory.Events;
using Mariachi.Events;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.InMemory.Tests.Events;

public sealed class InMemoryEventBusConformanceTests : EventBusConformanceTests
{
    protected override Task<IEventBus> CreateEventBusAsync() => Task.FromResult<IEventBus>(new InMemoryEventBus());
}
