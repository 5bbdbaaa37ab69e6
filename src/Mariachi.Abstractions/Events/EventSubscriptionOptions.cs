namespace Mariachi.Events;

/// <summary>How a subscription receives events.</summary>
public sealed record EventSubscriptionOptions
{
    /// <summary>
    /// A durable consumer name: transports that persist events (NATS JetStream) redeliver an event until the handler
    /// succeeds. The in-memory bus delivers synchronously and ignores it.
    /// </summary>
    public string? DurableName { get; init; }

    /// <summary>
    /// Subscribers sharing a group split the events between them (each event reaches one member of the group)
    /// instead of each receiving every event.
    /// </summary>
    public string? Group { get; init; }
}
