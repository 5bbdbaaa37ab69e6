namespace Mariachi.Events;

/// <summary>A group of event subscriptions, made through DI by <c>EventModuleInitializer</c> when the host starts.</summary>
public interface IEventModule
{
    Task SubscribeAsync(IEventBus bus, CancellationToken cancellationToken);
}
