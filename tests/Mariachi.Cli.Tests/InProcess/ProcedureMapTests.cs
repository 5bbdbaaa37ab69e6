using Mariachi.Cli.Procedures;

namespace Mariachi.Cli.Tests.InProcess;

public sealed class ProcedureMapTests
{
    private const string Contracts = """
        namespace Shop.Contracts;

        public sealed record CreateOrder(string Customer);

        public sealed record OrderView(Guid Id);
        """;

    private const string Services = """
        using Mariachi;
        using Mariachi.Communication;
        using Mariachi.Events;
        using Shop.Contracts;

        namespace Shop.Services;

        public sealed class OrderService(IEventBus bus)
        {
            public async Task<OrderView> CreateAsync(Context ctx, CreateOrder input)
            {
                await bus.PublishAsync(ctx, "orders.order.created", input);
                return new OrderView(Guid.NewGuid());
            }
        }

        public static class OrdersModule
        {
            public static void Register(ICommunication communication, OrderService orders) =>
                communication.Register<CreateOrder, OrderView>("orders.create", (ctx, input) => orders.CreateAsync(ctx, input));
        }
        """;

    private const string Api = """
        using Mariachi;
        using Mariachi.Communication;
        using Mariachi.Events;
        using Shop.Contracts;

        namespace Shop.Api;

        public sealed class OrdersController(ICommunication communication)
        {
            public ValueTask<OrderView> Create(Context ctx, CreateOrder input) => communication.CallAsync<OrderView>("orders.create", ctx, input);

            public ValueTask<OrderView> Again(Context ctx, CreateOrder input) => communication.CallAsync<OrderView>("orders.create", ctx, input);
        }

        public static class Audit
        {
            public static Task WatchAsync(IEventBus bus) =>
                bus.SubscribeAsync<CreateOrder>("orders.order.created", (ctx, order) => Task.CompletedTask);
        }
        """;

    private static async Task<ProcedureMap> MapAsync()
    {
        var (solution, projects) = AdhocSolutions.Create(
            ("Shop.Contracts", [("Messages.cs", Contracts)], []),
            ("Shop.Services", [("OrderService.cs", Services)], ["Shop.Contracts"]),
            ("Shop.Api", [("Controllers/OrdersController.cs", Api)], ["Shop.Contracts", "Shop.Services"]));
        return await ProcedureMapBuilder.BuildAsync(solution, projects, "/repo", CancellationToken.None);
    }

    [Fact]
    public async Task The_catalog_has_each_procedure_with_its_types_registration_services_and_callers_and_the_events()
    {
        var map = await MapAsync();

        var procedure = Assert.Single(map.Procedures);
        Assert.Equal(("orders.create", "CreateOrder", "OrderView"), (procedure.Name, procedure.Input, procedure.Output));
        Assert.Equal([new Site("Shop.Services", "Shop.Services/OrderService.cs", 20, "OrdersModule")], procedure.Registrations);
        Assert.Equal(["OrderService"], procedure.Services);
        Assert.Equal([("Shop.Api", 10, "OrdersController"), ("Shop.Api", 12, "OrdersController")], procedure.Callers.Select(c => (c.Project, c.Line, c.Type)));
        var created = Assert.Single(map.Events);
        Assert.Equal("orders.order.created", created.Name);
        Assert.Equal(["Shop.Services Shop.Services/OrderService.cs:12"], created.Publishers.Select(s => s.ToString()));
        Assert.Equal(["Shop.Api Shop.Api/Controllers/OrdersController.cs:18"], created.Subscribers.Select(s => s.ToString()));
    }

    [Fact]
    public async Task Text_mermaid_and_dot_render_the_same_map()
    {
        var map = await MapAsync();

        Assert.Equal("""
            Procedures (1)
              orders.create: CreateOrder -> OrderView
                registered: Shop.Services Shop.Services/OrderService.cs:20
                services:   OrderService
                called:     2 times from Shop.Api
            Events (1)
              orders.order.created
                published:  Shop.Services Shop.Services/OrderService.cs:12
                subscribed: Shop.Api Shop.Api/Controllers/OrdersController.cs:18

            """.ReplaceLineEndings("\n"), ProcedureRendering.Render(map, "text"));
        Assert.Equal("""
            flowchart LR
              c_OrdersController["OrdersController"] --> p_orders_create(["orders.create"])
              p_orders_create(["orders.create"]) --> s_OrderService["OrderService"]

            """.ReplaceLineEndings("\n"), ProcedureRendering.Render(map, "mermaid"));
        Assert.Equal("""
            digraph procedures {
              rankdir=LR;
              c_OrdersController [label="OrdersController", shape=box];
              p_orders_create [label="orders.create", shape=ellipse];
              s_OrderService [label="OrderService", shape=box];
              c_OrdersController -> p_orders_create;
              p_orders_create -> s_OrderService;
            }

            """.ReplaceLineEndings("\n"), ProcedureRendering.Render(map, "dot"));
    }
}
