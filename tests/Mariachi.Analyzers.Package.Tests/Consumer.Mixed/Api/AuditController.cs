using Mariachi;
using Mixed.Services;

namespace Mixed.Api;

// First in file order, and nothing here has an automatic fix: each finding stays reported after dotnet format.
public sealed class AuditController(OrderService orders) // stays: MAR0001
{
    public Task<string> Trail(Context ctx, string input) => orders.TrailAsync(ctx, input); // stays: MAR0001

    public string? Region() => Environment.GetEnvironmentVariable("AUDIT_REGION"); // stays: MAR0002

    public Func<string, Task<string>> Replay(Context ctx) => static value => Store.Save(null!, value); // stays: MAR0003

    public Func<Context> Fresh(Context ctx) => static () => Context.Create(); // stays: MAR0005
}
