using System.Collections.Concurrent;
using System.Diagnostics;
using Mariachi.Adapters.Nats.Events;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Events;
using Mariachi.Testing.Telemetry;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>JetStream durable subscriptions: acknowledged after success, delivered again after a failure.</summary>
[RequiresNats]
public sealed class NatsEventBusTests : IAsyncLifetime
{
    private const string Placed = "orders.order.placed";

    private readonly MariachiNatsOptions _options = TestNats.Options();
    private NatsConnection? _connection;
    private NatsEventBus? _bus;

    private NatsEventBus Bus => _bus!;

    public async Task InitializeAsync()
    {
        _connection = await TestNats.ConnectAsync();
        _bus = new NatsEventBus(_connection, _options);
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        if (_connection is not null)
        {
            try
            {
                await _connection.CreateJetStreamContext().DeleteStreamAsync(_options.Events.StreamName);
            }
            catch (NatsJSApiException)
            {
                // Never created.
            }

            await _connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_durable_subscriber_that_fails_once_gets_the_event_again_and_processes_it_exactly_once()
    {
        var attempts = 0;
        var processed = new ConcurrentQueue<(Context Context, Placement Payload)>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await Bus.SubscribeAsync<Placement>(
            Placed,
            (context, payload, _) =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    throw new InvalidOperationException("The warehouse is briefly unreachable.");
                }

                processed.Enqueue((context, payload));
                done.TrySetResult();
                return Task.CompletedTask;
            },
            new EventSubscriptionOptions { DurableName = "billing" });
        var publisher = Context.Create(tenantId: "tenant-d", userId: "user-d");
        var order = new Placement(Guid.NewGuid(), 99.5m);

        await Bus.PublishAsync(publisher, Placed, order);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Settled on the server: nothing pending, nothing waiting for an acknowledgement.
        var consumer = await ConsumerAsync("billing");
        var settled = Stopwatch.StartNew();
        while ((consumer.NumAckPending > 0 || consumer.NumPending > 0) && settled.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50);
            consumer = await ConsumerAsync("billing");
        }

        Assert.Equal(0, consumer.NumAckPending);
        Assert.Equal(0UL, consumer.NumPending);

        // Several redelivery delays later it still ran exactly twice: one failure, one success.
        await Task.Delay(_options.Events.RedeliveryDelay * 4);
        consumer = await ConsumerAsync("billing");
        Assert.Equal(2, Volatile.Read(ref attempts));
        var (context, payload) = Assert.Single(processed);
        Assert.Equal(order, payload);
        Assert.Equal(publisher.TraceId, context.TraceId);
        Assert.Equal("tenant-d", context.TenantId);
        Assert.Equal(2UL, consumer.Delivered.ConsumerSeq);
        Assert.Equal(1UL, consumer.AckFloor.StreamSeq);
    }

    [Fact]
    public async Task Each_delivery_of_a_durable_event_is_a_process_span_under_the_publish_the_redelivery_counted()
    {
        using var telemetry = new TelemetryRecorder();
        var attempts = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await Bus.SubscribeAsync<Placement>(
            Placed,
            (_, _, _) =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    throw new ConflictError(ErrorCodes.Conflict.Concurrency, "The stock moved meanwhile.");
                }

                done.TrySetResult();
                return Task.CompletedTask;
            },
            new EventSubscriptionOptions { DurableName = "traced" });
        var publisher = Context.Create(tenantId: "tenant-d");

        await Bus.PublishAsync(publisher, Placed, new Placement(Guid.NewGuid(), 1m));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var spans = await telemetry.WaitForSpansAsync(publisher.TraceId, 3, TimeSpan.FromSeconds(10));

        var publish = Assert.Single(spans, s => s.Kind == ActivityKind.Producer);
        var deliveries = spans.Where(s => s.Kind == ActivityKind.Consumer).OrderBy(s => s.GetTagItem("mariachi.event.delivery")).ToArray();
        Assert.Equal([1L, 2L], deliveries.Select(s => s.GetTagItem("mariachi.event.delivery")));
        Assert.All(deliveries, d => Assert.Equal(publish.SpanId, d.ParentSpanId));
        Assert.All(deliveries, d => Assert.Equal("traced", d.GetTagItem("messaging.consumer.group.name")));
        Assert.Equal("nats", publish.GetTagItem("messaging.system"));
        Assert.Equal([ActivityStatusCode.Error, ActivityStatusCode.Unset], deliveries.Select(d => d.Status));
        Assert.Equal(ErrorCodes.Conflict.Concurrency, deliveries[0].GetTagItem("mariachi.error.code"));
    }

    [Fact]
    public async Task A_durable_subscriber_receives_what_was_published_while_it_was_away()
    {
        var received = new ConcurrentQueue<int>();
        var first = await Bus.SubscribeAsync<Placement>(Placed, (_, _, _) => Task.CompletedTask, new EventSubscriptionOptions { DurableName = "audit" });
        await first.DisposeAsync();
        var publisher = Context.Create(tenantId: "tenant-d");
        for (var i = 1; i <= 3; i++)
        {
            await Bus.PublishAsync(publisher, Placed, new Placement(Guid.NewGuid(), i));
        }

        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var again = await Bus.SubscribeAsync<Placement>(
            Placed,
            (_, payload, _) =>
            {
                received.Enqueue((int)payload.Total);
                if (received.Count == 3)
                {
                    all.TrySetResult();
                }

                return Task.CompletedTask;
            },
            new EventSubscriptionOptions { DurableName = "audit" });

        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2, 3], received);
    }

    [Fact]
    public async Task Durable_names_are_checked_and_need_jetstream()
    {
        var invalid = await Assert.ThrowsAsync<EventsError>(() => Bus.SubscribeAsync<Placement>(
            Placed, (_, _, _) => Task.CompletedTask, new EventSubscriptionOptions { DurableName = "has space" }));
        Assert.Equal(ErrorCodes.Events.InvalidName, invalid.Code);

        var coreOnly = TestNats.Options();
        coreOnly.Events.UseJetStream = false;
        await using var core = new NatsEventBus(_connection!, coreOnly);
        var error = await Assert.ThrowsAsync<ConfigError>(() => core.SubscribeAsync<Placement>(
            Placed, (_, _, _) => Task.CompletedTask, new EventSubscriptionOptions { DurableName = "billing" }));
        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
    }

    private async Task<ConsumerInfo> ConsumerAsync(string durable)
    {
        var consumer = await _connection!.CreateJetStreamContext()
            .GetConsumerAsync(_options.Events.StreamName, NatsEventBus.ConsumerName(durable, Placed));
        return consumer.Info;
    }

    public sealed record Placement(Guid OrderId, decimal Total);
}
