using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mariachi.Events;

/// <summary>
/// Subscribes every <see cref="IEventModule"/> registered in DI when the host starts and disposes the subscriptions
/// when it stops, whichever <see cref="IEventBus"/> adapter is registered.
/// </summary>
public sealed class EventModuleInitializer(IServiceProvider services) : IHostedService
{
    private readonly List<IEventSubscription> _subscriptions = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var modules = services.GetServices<IEventModule>().ToArray();
        if (modules.Length == 0)
        {
            return;
        }

        var bus = new TrackingBus(services.GetRequiredService<IEventBus>(), _subscriptions);
        foreach (var module in modules)
        {
            await module.SubscribeAsync(bus, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }

        _subscriptions.Clear();
    }

    /// <summary>Records the subscriptions modules make, so they end with the host.</summary>
    private sealed class TrackingBus(IEventBus inner, List<IEventSubscription> subscriptions) : IEventBus
    {
        public Task PublishAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken = default) =>
            inner.PublishAsync(context, name, payload, cancellationToken);

        public async Task<IEventSubscription> SubscribeAsync<T>(
            string name,
            Func<Context, T, CancellationToken, Task> handler,
            EventSubscriptionOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            var subscription = await inner.SubscribeAsync(name, handler, options, cancellationToken).ConfigureAwait(false);
            subscriptions.Add(subscription);
            return subscription;
        }
    }
}
