using Mariachi;
using Violations.Services;

namespace Violations.Controllers;

// MAR0001: the controller holds and calls the service instead of calling the procedure.
public sealed class OrdersController(OrderService orders)
{
    public Task<Guid> Create(Context ctx, CreateOrder input) => orders.CreateAsync(ctx, input);
}
