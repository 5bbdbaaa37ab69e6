using Consumer.Services;
using Mariachi;
using Mariachi.Communication;

var ctx = Context.Create(tenantId: "acme");
Console.WriteLine(ctx.TenantId);

namespace Consumer.Services
{
    public sealed class OrderService
    {
        public Task<string> CreateAsync(Context ctx, string input)
        {
            var url = Environment.GetEnvironmentVariable("DATABASE_URL");
            return Save(Context.Create(), input + url);
        }

        public Task<string> Save(Context ctx, string value) => Task.FromResult(value);

        public Task<string> Relay(Context ctx, string value) => Save(null!, value);

        public static void Register(ICommunication communication, OrderService service)
        {
            communication.Register<string, string>("orders.create", (c, input) => service.CreateAsync(c, input));
            communication.Register<string, string>("orders.create", (c, input) => service.Save(c, input));
        }
    }

    public sealed class OrderManager
    {
        public int Count() => 0;
    }
}

namespace Consumer.Api
{
    public sealed class OrdersController(OrderService orders, OrderManager manager)
    {
        public Task<string> Create(Context ctx, string input) => orders.CreateAsync(ctx, input);

        public int Count() => manager.Count();
    }
}
