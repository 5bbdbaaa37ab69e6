using Mariachi;
using Mariachi.Communication;
using Microsoft.AspNetCore.Mvc;
using Shop.Contracts;

namespace Shop.Api.Controllers;

/// <summary>
/// The HTTP face of the gadgets service: it binds the request, calls a procedure, and shapes the result. Partial, so
/// that <c>dotnet new mariachi-procedure</c> adds an action in a file of its own.
/// </summary>
[ApiController]
[Route("gadgets")]
public sealed partial class GadgetsController(ICommunication communication) : ControllerBase
{
    [HttpGet("status")]
    public ValueTask<GadgetsStatusResponse> Status(Context ctx, CancellationToken cancellationToken) =>
        communication.CallAsync(GadgetsProcedures.Status, ctx, new GadgetsStatusRequest(), cancellationToken);
}
