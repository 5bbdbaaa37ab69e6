using HelloMariachi;
using Mariachi;
using Mariachi.Communication;
using Mariachi.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMariachi().AddProcedureModule<OrderService>();
using var host = builder.Build();
await host.StartAsync();

var communication = host.Services.GetRequiredService<ICommunication>();
var events = host.Services.GetRequiredService<IEventBus>();
await using var subscription = await events.SubscribeAsync<OrderPlaced>("orders.order.placed", (context, placed) =>
{
    Console.WriteLine($"event   orders.order.placed {placed.OrderId} total={placed.Total} tenant={context.TenantId}");
    return Task.CompletedTask;
});

// An entry point creates the Context once; everything below receives it.
var acme = Context.Create(tenantId: "acme", userId: "ana");
var globex = Context.Create(tenantId: "globex", userId: "bob");

var order = await communication.CallAsync(OrderProcedures.Create, acme, new CreateOrder("Ana", 42.50m));
Console.WriteLine($"created {order.Id} for {order.Customer}: {order.Total} (tenant {order.TenantId}, version {order.Version})");

var found = await communication.CallAsync<Order>("orders.get", acme, new GetOrder(order.Id));
Console.WriteLine($"found   {found.Id} as acme");

await Report(() => communication.CallAsync(OrderProcedures.Get, globex, new GetOrder(order.Id)), "globex reads acme's order");
await Report(() => communication.CallAsync(OrderProcedures.Create, acme, new CreateOrder(string.Empty, -1)), "invalid input");
await Report(() => communication.CallAsync<Order>("orders.craete", acme, new GetOrder(order.Id)), "misspelt procedure");

await host.StopAsync();

static async Task Report(Func<ValueTask<Order>> call, string what)
{
    try
    {
        await call();
        Console.WriteLine($"{what}: succeeded (unexpected)");
    }
    catch (MariachiError error)
    {
        Console.WriteLine($"{what}: {error.Code} -> HTTP {error.HttpStatus}: {error.Message}");
    }
}
