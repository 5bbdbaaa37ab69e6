using Mariachi;
using Mariachi.Communication;
using Microsoft.AspNetCore.Mvc;
using Shop.Contracts;

namespace Shop.Api.Controllers;

/// <summary>
/// The HTTP face of the orders service: it binds the request, calls a procedure, and shapes the result. Partial, so
/// that <c>dotnet new mariachi-procedure</c> adds an action in a file of its own.
/// </summary>
[ApiController]
[Route("orders")]
public sealed partial class OrdersController(ICommunication communication) : ControllerBase
{
    [HttpPost]
    public async Task<ActionResult<OrderView>> Create(Context ctx, CreateOrder input, CancellationToken cancellationToken)
    {
        var order = await communication.CallAsync(OrdersProcedures.Create, ctx, input, cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
    }

    [HttpGet("{id:guid}")]
    public ValueTask<OrderView> Get(Context ctx, Guid id, CancellationToken cancellationToken) =>
        communication.CallAsync(OrdersProcedures.Get, ctx, new GetOrder(id), cancellationToken);
}
