using Mariachi;
using Mariachi.Events;

namespace Violations.Services;

public static class OrderEvents
{
    // MAR0011: an event name is 'domain.entity.verb' in lowercase; at run time PublishAsync throws events/invalid-name.
    public static Task PublishShippedAsync(IEventBus bus, Context ctx, Guid id) => bus.PublishAsync(ctx, "Orders.Order.Shipped", id);
}
