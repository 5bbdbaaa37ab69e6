using System.ComponentModel.DataAnnotations;
using Mariachi;
using Mariachi.Communication;
using Mariachi.Data;
using Mariachi.Events;

namespace HelloMariachi;

/// <summary>A tenant-owned order: the repository stamps tenant, timestamps and version.</summary>
public sealed class Order : TenantEntity
{
    public string Customer { get; set; } = string.Empty;

    public decimal Total { get; set; }
}

public sealed record CreateOrder([Required, StringLength(100, MinimumLength = 1)] string Customer, [Range(0.01, 1_000_000)] decimal Total);

public sealed record GetOrder(Guid Id);

public sealed record OrderPlaced(Guid OrderId, decimal Total);

/// <summary>The procedures of the orders service: the only way in is through the communication layer.</summary>
public static class OrderProcedures
{
    public static readonly Procedure<CreateOrder, Order> Create = new("orders.create");
    public static readonly Procedure<GetOrder, Order> Get = new("orders.get");
}

/// <summary>The orders service: business logic with the Context first, data through the repository.</summary>
public sealed class OrderService(IRepository<Order> orders, IEventBus events) : IProcedureModule
{
    public void Register(ICommunication communication)
    {
        communication.Register(OrderProcedures.Create, CreateAsync);
        communication.Register(OrderProcedures.Get, GetAsync);
    }

    private async Task<Order> CreateAsync(Context context, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await orders.CreateAsync(context, new Order { Customer = input.Customer, Total = input.Total }, cancellationToken);
        await events.PublishAsync(context, "orders.order.placed", new OrderPlaced(order.Id, order.Total), cancellationToken);
        return order;
    }

    private async Task<Order> GetAsync(Context context, GetOrder input, CancellationToken cancellationToken) =>
        await orders.FindByIdAsync(context, input.Id, cancellationToken: cancellationToken)
            ?? throw new NotFoundError(ErrorCodes.NotFound, $"Order {input.Id} does not exist.");
}
