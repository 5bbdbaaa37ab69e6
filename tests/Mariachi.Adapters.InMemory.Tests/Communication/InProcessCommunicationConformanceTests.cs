using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.InMemory.Tests.Communication;

public sealed class InProcessCommunicationConformanceTests : CommunicationConformanceTests
{
    protected override Task<ICommunication> CreateCommunicationAsync() => Task.FromResult<ICommunication>(new InProcessCommunication());
}
