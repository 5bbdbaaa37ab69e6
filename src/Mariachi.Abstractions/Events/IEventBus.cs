namespace Mariachi.Events;

/// <summary>
/// Publishes domain events (<c>domain.entity.verb</c>, e.g. <c>orders.order.created</c>) to every subscriber. A
/// subscriber receives the publisher's context (same trace, tenant and user), so the flow continues in the handler.
/// </summary>
public interface IEventBus
{
    /// <summary>
    /// Publishes <paramref name="payload"/> as event <paramref name="name"/>. A failing subscriber is logged and does
    /// not stop the others or fail the publisher.
    /// </summary>
    Task PublishAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to event <paramref name="name"/> until the returned subscription is
    /// disposed.
    /// </summary>
    Task<IEventSubscription> SubscribeAsync<T>(
        string name,
        Func<Context, T, CancellationToken, Task> handler,
        EventSubscriptionOptions? options = null,
        CancellationToken cancellationToken = default);
}
