using Mariachi.Adapters.Nats.Events;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Events;
using Mariachi.Testing.Conformance;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>The foundation's event bus conformance suite, unchanged, over a real nats-server with JetStream.</summary>
[RequiresNats]
public sealed class NatsEventBusConformanceTests : EventBusConformanceTests
{
    private NatsConnection? _connection;
    private MariachiNatsOptions? _options;

    protected override async Task<IEventBus> CreateEventBusAsync()
    {
        _connection = await TestNats.ConnectAsync();
        _options = TestNats.Options();
        return new NatsEventBus(_connection, _options);
    }

    protected override async Task DisposeEventBusAsync(IEventBus bus)
    {
        await base.DisposeEventBusAsync(bus);
        if (_connection is not null)
        {
            try
            {
                await _connection.CreateJetStreamContext().DeleteStreamAsync(_options!.Events.StreamName);
            }
            catch (NatsJSApiException)
            {
                // Never created (the test published nothing).
            }

            await _connection.DisposeAsync();
        }
    }
}

/// <summary>The same suite with JetStream off: core NATS publish and subscribe only.</summary>
[RequiresNats]
public sealed class NatsCoreEventBusConformanceTests : EventBusConformanceTests
{
    private NatsConnection? _connection;

    protected override async Task<IEventBus> CreateEventBusAsync()
    {
        _connection = await TestNats.ConnectAsync();
        var options = TestNats.Options();
        options.Events.UseJetStream = false;
        return new NatsEventBus(_connection, options);
    }

    protected override async Task DisposeEventBusAsync(IEventBus bus)
    {
        await base.DisposeEventBusAsync(bus);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
