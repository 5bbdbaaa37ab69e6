using Mariachi;
using Mariachi.Data;
using Shop.Contracts;

namespace Shop.Services;

/// <summary>
/// The orders service: the Context comes first in every operation and is passed on; data goes through the
/// repository, which keeps tenants apart. Partial, so that <c>dotnet new mariachi-procedure</c> adds an operation in a
/// file of its own.
/// </summary>
public sealed partial class OrdersService(IRepository<Order> orders)
{
    public async Task<OrderView> CreateAsync(Context ctx, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await orders.CreateAsync(ctx, new Order { Customer = input.Customer, Total = input.Total }, cancellationToken);
        return View(order);
    }

    public async Task<OrderView> GetAsync(Context ctx, GetOrder input, CancellationToken cancellationToken) =>
        View(await orders.FindByIdAsync(ctx, input.Id, cancellationToken: cancellationToken)
            ?? throw new NotFoundError(ErrorCodes.NotFound, $"Order {input.Id} does not exist.", MariachiError.Meta(("orderId", input.Id))));

    private static OrderView View(Order order) => new(order.Id, order.Customer, order.Total, order.CreatedAt);
}
