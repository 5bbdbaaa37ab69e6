using Mariachi;
using Mariachi.Communication;
using Microsoft.AspNetCore.Mvc;
using Shop.Contracts;

namespace Shop.Api.Controllers;

public sealed partial class WidgetsController
{
    [HttpPost("frobnicate")]
    public ValueTask<WidgetsFrobnicateResponse> Frobnicate(Context ctx, WidgetsFrobnicateRequest input, CancellationToken cancellationToken) =>
        communication.CallAsync(WidgetsProcedures.Frobnicate, ctx, input, cancellationToken);
}
