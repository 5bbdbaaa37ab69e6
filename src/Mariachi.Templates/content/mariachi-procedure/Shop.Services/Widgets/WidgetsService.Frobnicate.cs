using Mariachi;
using Shop.Contracts;

namespace Shop.Services;

public sealed partial class WidgetsService
{
    /// <summary>Answers widgets.frobnicate for the caller of <paramref name="ctx"/>.</summary>
    public Task<WidgetsFrobnicateResponse> FrobnicateAsync(Context ctx, WidgetsFrobnicateRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new WidgetsFrobnicateResponse(input.Id));
    }
}
