using System.Collections.Immutable;
using Mariachi.Diagnostics;
using Mariachi.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mariachi.Adapters.InMemory.Events;

/// <summary>
/// An in-process event bus. <see cref="PublishAsync{T}"/> delivers to the subscribers one after another and returns
/// when all have run; a failing subscriber is logged and the others still receive the event. Subscribers sharing a
/// <see cref="EventSubscriptionOptions.Group"/> take turns. Durable names are accepted and ignored: nothing outlives
/// the process here.
/// </summary>
public sealed partial class InMemoryEventBus : IEventBus
{
    /// <summary>The <c>messaging.system</c> of this bus's spans and metrics.</summary>
    private const string MessagingSystem = "mariachi";

    private readonly object _writeLock = new();
    private readonly ILogger _logger;
    private ImmutableDictionary<string, ImmutableArray<Subscription>> _subscriptions =
        ImmutableDictionary.Create<string, ImmutableArray<Subscription>>(StringComparer.Ordinal);

    public InMemoryEventBus(ILogger<InMemoryEventBus>? logger = null)
    {
        _logger = logger ?? NullLogger<InMemoryEventBus>.Instance;
    }

    public async Task PublishAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        EventName.EnsureValid(name);
        cancellationToken.ThrowIfCancellationRequested();
        using var publish = MariachiTelemetry.StartEventPublish(MessagingSystem, name, context);
        if (!Volatile.Read(ref _subscriptions).TryGetValue(name, out var subscribers))
        {
            return;
        }

        Dictionary<string, Subscription>? turns = null;
        foreach (var subscription in subscribers)
        {
            if (subscription.Group is { } group)
            {
                turns ??= new Dictionary<string, Subscription>(StringComparer.Ordinal);
                if (!turns.TryGetValue(group, out var member))
                {
                    turns[group] = member = Subscription.NextInGroup(subscribers, group);
                }

                if (!ReferenceEquals(member, subscription))
                {
                    continue;
                }
            }

            using var process = MariachiTelemetry.StartEventProcess(MessagingSystem, name, context, subscription.Group);
            try
            {
                await subscription.DeliverAsync(context, payload, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
            {
                process?.Fail(exception);
                publish?.Fail(exception);
                throw;
            }
            catch (Exception exception)
            {
                process?.Fail(exception);
                LogSubscriberFailed(_logger, exception, name, subscription.Id, context.TraceId, context.TenantId, (exception as MariachiError)?.Code);
            }
        }
    }

    public Task<IEventSubscription> SubscribeAsync<T>(
        string name,
        Func<Context, T, CancellationToken, Task> handler,
        EventSubscriptionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        EventName.EnsureValid(name);
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        var subscription = new Subscription<T>(this, name, options?.Group, handler);
        lock (_writeLock)
        {
            var existing = _subscriptions.GetValueOrDefault(name, ImmutableArray<Subscription>.Empty);
            Volatile.Write(ref _subscriptions, _subscriptions.SetItem(name, existing.Add(subscription)));
        }

        return Task.FromResult<IEventSubscription>(subscription);
    }

    private void Remove(Subscription subscription)
    {
        lock (_writeLock)
        {
            if (_subscriptions.TryGetValue(subscription.EventName, out var existing))
            {
                var remaining = existing.Remove(subscription);
                Volatile.Write(ref _subscriptions, remaining.IsEmpty
                    ? _subscriptions.Remove(subscription.EventName)
                    : _subscriptions.SetItem(subscription.EventName, remaining));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber {SubscriptionId} of event {EventName} failed (trace {TraceId}, tenant {TenantId}, code {Code}); the other subscribers still received the event")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string eventName, Guid subscriptionId, string traceId, string? tenantId, string? code);

    private abstract class Subscription(InMemoryEventBus bus, string eventName, string? group) : IEventSubscription
    {
        private int _turn;

        public Guid Id { get; } = Guid.NewGuid();

        public string EventName { get; } = eventName;

        public abstract Task DeliverAsync<TPayload>(Context context, TPayload payload, CancellationToken cancellationToken);

        public string? Group => group;

        /// <summary>The member of <paramref name="group"/> whose turn it is; the group's first member keeps the counter.</summary>
        public static Subscription NextInGroup(ImmutableArray<Subscription> all, string group)
        {
            var members = all.Where(s => s.Group == group).ToArray();
            var turn = (uint)Interlocked.Increment(ref members[0]._turn);
            return members[(int)(turn % (uint)members.Length)];
        }

        public ValueTask DisposeAsync()
        {
            bus.Remove(this);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Subscription<T>(InMemoryEventBus bus, string eventName, string? group, Func<Context, T, CancellationToken, Task> handler)
        : Subscription(bus, eventName, group)
    {
        public override Task DeliverAsync<TPayload>(Context context, TPayload payload, CancellationToken cancellationToken) => payload switch
        {
            T typed => handler(context, typed, cancellationToken),
            null when default(T) is null => handler(context, default!, cancellationToken),
            _ => throw new EventsError(
                ErrorCodes.Events.TypeMismatch,
                $"Event '{EventName}' was published with {Describe(payload)}, but this subscriber expects {typeof(T).FullName}.",
                MariachiError.Meta(("event", EventName), ("expected", typeof(T).FullName), ("actual", Describe(payload)))),
        };

        private static string Describe(object? payload) => payload?.GetType().FullName ?? "null";
    }
}
