using Mariachi.Adapters.InMemory.Events;
using Mariachi.Events;
using Mariachi.Testing.Conformance;
using Microsoft.Extensions.Logging;

namespace Mariachi.Adapters.InMemory.Tests.Events;

/// <summary>What is specific to the in-memory bus: synchronous delivery and logging of failures.</summary>
public sealed class InMemoryEventBusTests
{
    private static readonly Context Publisher = Context.Create(tenantId: "t1");
    private readonly RecordingLogger<InMemoryEventBus> _logger = new();
    private readonly InMemoryEventBus _bus;

    public InMemoryEventBusTests() => _bus = new InMemoryEventBus(_logger);

    [Fact]
    public async Task Publish_returns_after_every_subscriber_ran()
    {
        var received = 0;
        await using var a = await _bus.SubscribeAsync<OrderPlaced>("orders.order.placed", (_, _) => Task.FromResult(Interlocked.Increment(ref received)));
        await using var b = await _bus.SubscribeAsync<OrderPlaced>("orders.order.placed", (_, _) => Task.FromResult(Interlocked.Increment(ref received)));

        await _bus.PublishAsync(Publisher, "orders.order.placed", new OrderPlaced());

        Assert.Equal(2, received);
    }

    [Fact]
    public async Task A_failing_subscriber_is_logged_with_the_event_and_trace()
    {
        await using var failing = await _bus.SubscribeAsync<OrderPlaced>("orders.order.placed", (_, _) =>
            throw new EventsError(ErrorCodes.Events.HandlerFailed, "nope"));

        await _bus.PublishAsync(Publisher, "orders.order.placed", new OrderPlaced());

        var (level, message, exception) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("orders.order.placed", message, StringComparison.Ordinal);
        Assert.Contains(Publisher.TraceId, message, StringComparison.Ordinal);
        Assert.Contains(ErrorCodes.Events.HandlerFailed, message, StringComparison.Ordinal);
        Assert.IsType<EventsError>(exception);
    }

    [Fact]
    public async Task A_subscriber_of_another_payload_type_is_logged_as_type_mismatch_and_skipped()
    {
        var matching = 0;
        await using var wrong = await _bus.SubscribeAsync<string>("orders.order.placed", (_, _) => Task.CompletedTask);
        await using var right = await _bus.SubscribeAsync<OrderPlaced>("orders.order.placed", (_, _) => Task.FromResult(Interlocked.Increment(ref matching)));

        await _bus.PublishAsync(Publisher, "orders.order.placed", new OrderPlaced());

        Assert.Equal(1, matching);
        var logged = Assert.IsType<EventsError>(Assert.Single(_logger.Entries).Exception);
        Assert.Equal(ErrorCodes.Events.TypeMismatch, logged.Code);
    }

    [Fact]
    public async Task Publishing_with_a_cancelled_token_throws()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _bus.PublishAsync(Publisher, "orders.order.placed", new OrderPlaced(), new CancellationToken(canceled: true)));
    }
}
