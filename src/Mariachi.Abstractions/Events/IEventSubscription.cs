namespace Mariachi.Events;

/// <summary>An active subscription; disposing it stops delivery to its handler.</summary>
public interface IEventSubscription : IAsyncDisposable
{
    /// <summary>The event name subscribed to.</summary>
    string EventName { get; }
}
