using Mariachi;
using Mariachi.Communication;
using Microsoft.Extensions.Configuration;
using Mixed.Services;

namespace Mixed.Api;

// Each rule: an occurrence without a fix first, then one with a fix.
public sealed class OrdersController(ICommunication communication, OrderService orders) // stays: MAR0001
{
    public Task<string> Trail(Context ctx, string input) => orders.TrailAsync(ctx, input); // stays: MAR0001

    public Task<string> Create(Context ctx, string input) => orders.CreateAsync(ctx, input);

    public string? Region() => Environment.GetEnvironmentVariable("ORDERS_REGION"); // stays: MAR0002

    public string? Currency(IConfiguration configuration) => Environment.GetEnvironmentVariable("Orders__Currency");

    public Func<string, Task<string>> Replay(Context ctx) => static value => Store.Save(null!, value); // stays: MAR0003

    public Task<string> Relay(Context ctx, string value) => Store.Save(null!, value);

    public Func<Context> Fresh(Context ctx) => static () => Context.Create(); // stays: MAR0005

    public Task<string> Again(Context ctx, string value) => Store.Save(Context.Create(), value);
}
