using Mariachi;
using Mariachi.Communication;
using Mariachi.Data;
using Orders.Contracts;

namespace Orders.Services;

/// <summary>
/// The orders service: registers its procedures and does the work, with the caller's Context first in every call
/// and data only through the repository (tenant isolation and soft delete come from there).
/// </summary>
public sealed class OrderService(IRepository<Order> orders) : IProcedureModule
{
    public void Register(ICommunication communication)
    {
        communication.Register(OrderProcedures.Create, CreateAsync);
        communication.Register(OrderProcedures.Get, GetAsync);
        communication.Register(OrderProcedures.List, ListAsync);
        communication.Register(OrderProcedures.Cancel, CancelAsync);
    }

    public async Task<OrderView> CreateAsync(Context ctx, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await orders.CreateAsync(ctx, new Order { Customer = input.Customer, Total = input.Total }, cancellationToken);
        ctx.Logger.LogOrderCreated(order.Id);
        return View(order);
    }

    public async Task<OrderView> GetAsync(Context ctx, GetOrder input, CancellationToken cancellationToken) =>
        View(await orders.FindByIdAsync(ctx, input.Id, cancellationToken: cancellationToken) ?? throw NotFound(input.Id));

    public async Task<Page<OrderView>> ListAsync(Context ctx, ListOrders input, CancellationToken cancellationToken)
    {
        var page = await orders.PaginateAsync(
            ctx,
            new PageRequest(input.Page, input.PageSize),
            sort: Sort<Order>.ByDescending(o => o.CreatedAt),
            cancellationToken: cancellationToken);
        return new Page<OrderView>(page.Items.Select(View).ToList(), page.PageNumber, page.PageSize, page.TotalCount);
    }

    public async Task<bool> CancelAsync(Context ctx, CancelOrder input, CancellationToken cancellationToken) =>
        await orders.SoftDeleteAsync(ctx, input.Id, cancellationToken) ? true : throw NotFound(input.Id);

    private static NotFoundError NotFound(Guid id) => new(ErrorCodes.NotFound, $"Order {id} does not exist.", MariachiError.Meta(("orderId", id)));

    private static OrderView View(Order order) => new(order.Id, order.Customer, order.Total, order.CreatedAt, order.Version);
}
