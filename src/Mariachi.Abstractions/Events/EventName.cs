using Mariachi.Naming;

namespace Mariachi.Events;

/// <summary>
/// The event naming rule: exactly three lowercase dot-separated segments, <c>domain.entity.verb</c>
/// (<c>orders.order.created</c>); a segment starts with a letter and holds letters, digits, <c>-</c> or <c>_</c>.
/// </summary>
public static class EventName
{
    /// <summary>The rule itself is <see cref="NameRule"/>, shared with the analyzers (MAR0011).</summary>
    public static bool IsValid(string? name) => NameRule.IsEvent(name);

    /// <summary>Throws <see cref="EventsError"/> (<see cref="ErrorCodes.Events.InvalidName"/>) for a malformed name.</summary>
    public static void EnsureValid(string? name)
    {
        if (!IsValid(name))
        {
            throw new EventsError(
                ErrorCodes.Events.InvalidName,
                $"'{name}' is not a valid event name: use 'domain.entity.verb' in lowercase, such as 'orders.order.created'.",
                MariachiError.Meta(("event", name)));
        }
    }
}
