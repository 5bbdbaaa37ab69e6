using Mariachi;
using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Api.Endpoints;

/// <summary>The HTTP face of the orders service: each endpoint binds the request and calls a procedure.</summary>
internal static class OrdersEndpoints
{
    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders");
        orders.MapPost("/", CreateAsync).WithName("CreateOrder");
        orders.MapGet("/{id:guid}", GetAsync).WithName("GetOrder");
        return app;
    }

    private static async Task<IResult> CreateAsync(ICommunication communication, Context ctx, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await communication.CallAsync(OrdersProcedures.Create, ctx, input, cancellationToken);
        return Results.CreatedAtRoute("GetOrder", new { id = order.Id }, order);
    }

    private static async Task<OrderView> GetAsync(ICommunication communication, Context ctx, Guid id, CancellationToken cancellationToken) =>
        await communication.CallAsync(OrdersProcedures.Get, ctx, new GetOrder(id), cancellationToken);
}
