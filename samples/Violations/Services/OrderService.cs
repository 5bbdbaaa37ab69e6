using Mariachi;

namespace Violations.Services;

public sealed record CreateOrder(string Customer, decimal Total);

public sealed class OrderService
{
    public Task<Guid> CreateAsync(Context ctx, CreateOrder input)
    {
        // MAR0002: configuration read straight from the environment in a service.
        var currency = Environment.GetEnvironmentVariable("DEFAULT_CURRENCY") ?? "EUR";

        // MAR0005: a new Context mid-flow loses the caller's trace, tenant and user.
        var audit = Context.Create(tenantId: ctx.TenantId);

        // MAR0003: null passed where the Context belongs.
        return SaveAsync(null!, input with { Customer = input.Customer + currency + audit.TraceId });
    }

    public Task<Guid> SaveAsync(Context ctx, CreateOrder input) => Task.FromResult(Guid.NewGuid());

    // MAR0009: a raw exception reaches callers as 'internal' (500); a MariachiError carries a code and its status.
    public Task CancelAsync(Context ctx, Guid id) => throw new InvalidOperationException($"Order {id} is shipped.");

    // MAR0008: every operation takes the caller's Context first, as CreateAsync and SaveAsync do.
    public Task ShipAsync(Guid id, Context ctx) => Task.CompletedTask;
}
