using Mariachi;
using Mariachi.Communication;

namespace Mixed.Services;

public sealed class OrderService
{
    public Task<string> CreateAsync(Context ctx, string input) => Task.FromResult(input);

    // Not registered as a procedure: a controller call to it has no fix.
    public Task<string> TrailAsync(Context ctx, string input) => Task.FromResult(input);

    public static void Register(ICommunication communication, OrderService service) =>
        communication.Register<string, string>("orders.create", (c, input) => service.CreateAsync(c, input));
}

public static class Store
{
    public static Task<string> Save(Context ctx, string value) => Task.FromResult(value);
}
