using Mariachi;
using Shop.Contracts;

namespace Shop.Services;

/// <summary>
/// The gadgets service: the Context comes first in every operation and is passed on; data goes through repositories
/// (IRepository&lt;T&gt; of a tenant entity, see <c>dotnet new mariachi-entity</c>). Partial, so that
/// <c>dotnet new mariachi-procedure</c> adds an operation in a file of its own.
/// </summary>
public sealed partial class GadgetsService(TimeProvider clock)
{
    public Task<GadgetsStatusResponse> StatusAsync(Context ctx, GadgetsStatusRequest input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new GadgetsStatusResponse("gadgets", clock.GetUtcNow()));
    }
}
