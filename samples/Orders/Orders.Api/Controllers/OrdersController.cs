using Mariachi;
using Mariachi.Communication;
using Mariachi.Data;
using Microsoft.AspNetCore.Mvc;
using Orders.Contracts;

namespace Orders.Api.Controllers;

/// <summary>The HTTP face of the orders service: it validates the route, calls procedures, and returns results.</summary>
[ApiController]
[Route("orders")]
public sealed class OrdersController(ICommunication communication) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<OrderView>> Create(Context ctx, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await communication.CallAsync(OrderProcedures.Create, ctx, input, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpGet("{id:guid}")]
    public ValueTask<OrderView> Get(Context ctx, Guid id, CancellationToken cancellationToken) =>
        communication.CallAsync(OrderProcedures.Get, ctx, new GetOrder(id), cancellationToken);

    [HttpGet]
    public ValueTask<Page<OrderView>> List(Context ctx, [FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default) =>
        communication.CallAsync(OrderProcedures.List, ctx, new ListOrders(page, pageSize), cancellationToken);

    [HttpDelete("{id:guid}")]
    public async Task<IActionResult> Cancel(Context ctx, Guid id, CancellationToken cancellationToken)
    {
        await communication.CallAsync(OrderProcedures.Cancel, ctx, new CancelOrder(id), cancellationToken);
        return NoContent();
    }
}
