using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using Mariachi.Testing.Conformance;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>The foundation's communication conformance suite, unchanged, over a real nats-server.</summary>
[RequiresNats]
public sealed class NatsCommunicationConformanceTests : CommunicationConformanceTests
{
    private NatsConnection? _connection;

    protected override async Task<ICommunication> CreateCommunicationAsync()
    {
        _connection = await TestNats.ConnectAsync();
        return new NatsCommunication(_connection, TestNats.Options());
    }

    protected override async Task DisposeCommunicationAsync(ICommunication communication)
    {
        await base.DisposeCommunicationAsync(communication);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
