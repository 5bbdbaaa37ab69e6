namespace Mariachi.Events;

/// <summary>Conveniences over <see cref="IEventBus"/>.</summary>
public static class EventBusExtensions
{
    /// <summary>Subscribes a handler that does not observe cancellation.</summary>
    public static Task<IEventSubscription> SubscribeAsync<T>(
        this IEventBus bus,
        string name,
        Func<Context, T, Task> handler,
        EventSubscriptionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(handler);
        return bus.SubscribeAsync<T>(name, (context, payload, _) => handler(context, payload), options, cancellationToken);
    }
}
