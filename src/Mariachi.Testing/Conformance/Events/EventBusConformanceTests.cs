using System.Collections.Concurrent;
using Mariachi.Events;

namespace Mariachi.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IEventBus"/> adapter must have. Delivery may be asynchronous (a transport), so
/// the tests wait for what must arrive and use a later sentinel event to prove what must not.
/// </summary>
public abstract partial class EventBusConformanceTests : IAsyncLifetime
{
    private const string Placed = "orders.order.placed";
    private const string Sentinel = "orders.order.sentinel";

    private IEventBus? _bus;

    protected IEventBus Bus => _bus ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>How long to wait for a delivery that must happen.</summary>
    protected virtual TimeSpan DeliveryTimeout => TimeSpan.FromSeconds(10);

    protected static Context Publisher { get; } = Context.Create(tenantId: "tenant-a", userId: "user-1");

    /// <summary>Creates an event bus with no subscribers for one test.</summary>
    protected abstract Task<IEventBus> CreateEventBusAsync();

    protected virtual Task DisposeEventBusAsync(IEventBus bus) =>
        bus is IAsyncDisposable disposable ? disposable.DisposeAsync().AsTask() : Task.CompletedTask;

    public virtual async Task InitializeAsync() => _bus = await CreateEventBusAsync().ConfigureAwait(false);

    public virtual async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await DisposeEventBusAsync(_bus).ConfigureAwait(false);
        }
    }

    [Fact]
    public async Task A_subscriber_receives_the_payload_and_the_publishers_context()
    {
        var received = new TaskCompletionSource<(Context Context, OrderPlaced Payload)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await Bus.SubscribeAsync<OrderPlaced>(Placed, (context, payload, _) =>
        {
            received.TrySetResult((context, payload));
            return Task.CompletedTask;
        });
        var order = new OrderPlaced { OrderId = Guid.NewGuid(), Total = 12.5m };

        await Bus.PublishAsync(Publisher, Placed, order);
        var (context, payload) = await received.Task.WaitAsync(DeliveryTimeout);

        Assert.Equal(order, payload);
        Assert.Equal(Publisher.TraceId, context.TraceId);
        Assert.Equal("tenant-a", context.TenantId);
        Assert.Equal("user-1", context.UserId);
        Assert.Equal(Placed, subscription.EventName);
    }

    [Fact]
    public async Task Every_subscriber_receives_every_event()
    {
        var first = new EventRecorder<OrderPlaced>(expected: 2);
        var second = new EventRecorder<OrderPlaced>(expected: 2);
        await using var a = await Bus.SubscribeAsync<OrderPlaced>(Placed, first.Handle);
        await using var b = await Bus.SubscribeAsync<OrderPlaced>(Placed, second.Handle);

        await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = 1 });
        await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = 2 });

        Assert.Equal([1m, 2m], (await first.Completed.WaitAsync(DeliveryTimeout)).Select(e => e.Total).Order());
        Assert.Equal([1m, 2m], (await second.Completed.WaitAsync(DeliveryTimeout)).Select(e => e.Total).Order());
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others_or_fail_the_publisher()
    {
        var healthy = new EventRecorder<OrderPlaced>(expected: 1);
        await using var failing = await Bus.SubscribeAsync<OrderPlaced>(Placed, (_, _, _) => throw new InvalidOperationException("boom"));
        await using var ok = await Bus.SubscribeAsync<OrderPlaced>(Placed, healthy.Handle);

        await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = 3 });

        Assert.Equal(3m, Assert.Single(await healthy.Completed.WaitAsync(DeliveryTimeout)).Total);
    }

    [Fact]
    public async Task A_disposed_subscription_receives_nothing_more()
    {
        var removed = new EventRecorder<OrderPlaced>(expected: 1);
        var sentinel = new EventRecorder<OrderPlaced>(expected: 1);
        var subscription = await Bus.SubscribeAsync<OrderPlaced>(Placed, removed.Handle);
        await using var sentinelSubscription = await Bus.SubscribeAsync<OrderPlaced>(Sentinel, sentinel.Handle);
        await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = 1 });
        await removed.Completed.WaitAsync(DeliveryTimeout);

        await subscription.DisposeAsync();
        await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = 2 });
        await Bus.PublishAsync(Publisher, Sentinel, new OrderPlaced { Total = 9 });
        await sentinel.Completed.WaitAsync(DeliveryTimeout);

        Assert.Equal([1m], removed.Received.Select(e => e.Total));
    }

    [Fact]
    public async Task Events_of_other_names_are_not_delivered()
    {
        var placed = new EventRecorder<OrderPlaced>(expected: 1);
        var sentinel = new EventRecorder<OrderPlaced>(expected: 1);
        await using var a = await Bus.SubscribeAsync<OrderPlaced>(Placed, placed.Handle);
        await using var b = await Bus.SubscribeAsync<OrderPlaced>(Sentinel, sentinel.Handle);

        await Bus.PublishAsync(Publisher, Sentinel, new OrderPlaced { Total = 5 });
        await sentinel.Completed.WaitAsync(DeliveryTimeout);

        Assert.Empty(placed.Received);
    }

    [Fact]
    public async Task Members_of_a_group_share_the_events_and_others_get_all()
    {
        const int Events = 20;
        var groupReceived = new ConcurrentBag<decimal>();
        var everyone = new EventRecorder<OrderPlaced>(expected: Events);
        var group = new EventSubscriptionOptions { Group = "workers" };
        var groupDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Context, OrderPlaced, CancellationToken, Task> member = (_, payload, _) =>
        {
            groupReceived.Add(payload.Total);
            if (groupReceived.Count >= Events)
            {
                groupDone.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await using var first = await Bus.SubscribeAsync(Placed, member, group);
        await using var second = await Bus.SubscribeAsync(Placed, member, group);
        await using var all = await Bus.SubscribeAsync<OrderPlaced>(Placed, everyone.Handle);

        for (var i = 0; i < Events; i++)
        {
            await Bus.PublishAsync(Publisher, Placed, new OrderPlaced { Total = i });
        }

        await groupDone.Task.WaitAsync(DeliveryTimeout);
        await everyone.Completed.WaitAsync(DeliveryTimeout);
        Assert.Equal(Enumerable.Range(0, Events).Select(i => (decimal)i), groupReceived.Order());
    }

    [Theory]
    [InlineData("order.created")]
    [InlineData("Orders.order.created")]
    [InlineData("orders.order.created.now")]
    [InlineData("")]
    public async Task Malformed_event_names_are_rejected(string name)
    {
        var onPublish = await Assert.ThrowsAsync<EventsError>(() => Bus.PublishAsync(Publisher, name, new OrderPlaced()));
        var onSubscribe = await Assert.ThrowsAsync<EventsError>(() => Bus.SubscribeAsync<OrderPlaced>(name, (_, _, _) => Task.CompletedTask));

        Assert.Equal(ErrorCodes.Events.InvalidName, onPublish.Code);
        Assert.Equal(ErrorCodes.Events.InvalidName, onSubscribe.Code);
    }

    /// <summary>Collects delivered payloads and completes once the expected number arrived.</summary>
    protected sealed class EventRecorder<T>(int expected)
    {
        private readonly ConcurrentQueue<T> _received = new();
        private readonly TaskCompletionSource<IReadOnlyList<T>> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<T> Received => _received.ToArray();

        public Task<IReadOnlyList<T>> Completed => _completed.Task;

        public Task Handle(Context context, T payload, CancellationToken cancellationToken)
        {
            _received.Enqueue(payload);
            if (_received.Count >= expected)
            {
                _completed.TrySetResult(_received.ToArray());
            }

            return Task.CompletedTask;
        }
    }
}
