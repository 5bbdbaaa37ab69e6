using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Adapters.InMemory.Events;
using Mariachi.Communication;
using Mariachi.Configuration;
using Mariachi.Data;
using Mariachi.Events;
using Mariachi.Testing.Conformance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mariachi.Adapters.InMemory.Tests.DependencyInjection;

public sealed class AddMariachiTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");

    [Fact]
    public void Registers_the_embedded_defaults_as_singletons()
    {
        using var provider = new ServiceCollection().AddMariachi().Services.BuildServiceProvider();

        Assert.IsType<InProcessCommunication>(provider.GetRequiredService<ICommunication>());
        Assert.IsType<InMemoryEventBus>(provider.GetRequiredService<IEventBus>());
        Assert.Same(provider.GetRequiredService<ICommunication>(), provider.GetRequiredService<ICommunication>());
        Assert.Same(provider.GetRequiredService<IRepository<ConformanceItem>>(), provider.GetRequiredService<IRepository<ConformanceItem>>());
    }

    [Fact]
    public async Task Procedure_modules_and_middleware_are_applied_when_communication_is_resolved()
    {
        using var provider = new ServiceCollection()
            .AddMariachi()
            .AddProcedureModule<GreetingModule>()
            .AddProcedureMiddleware<ShoutingMiddleware>()
            .Services.BuildServiceProvider();
        var communication = provider.GetRequiredService<ICommunication>();

        var greeting = await communication.CallAsync(GreetingModule.Greet, Caller, "ana");

        Assert.Equal("HELLO, ANA", greeting);
    }

    [Fact]
    public void An_adapter_registered_first_is_not_replaced()
    {
        var custom = new InProcessCommunication();
        var services = new ServiceCollection();
        services.AddSingleton<ICommunication>(custom);

        using var provider = services.AddMariachi().Services.BuildServiceProvider();

        Assert.Same(custom, provider.GetRequiredService<ICommunication>());
    }

    [Fact]
    public async Task Event_modules_subscribe_on_start_and_unsubscribe_on_stop()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<AuditModule>();
        builder.Services.AddMariachi().AddEventModule<AuditModule>();
        using var host = builder.Build();
        var bus = host.Services.GetRequiredService<IEventBus>();
        var module = host.Services.GetServices<IEventModule>().OfType<AuditModule>().Single();

        await host.StartAsync();
        await bus.PublishAsync(Caller, "orders.order.placed", new OrderPlaced { Total = 1 });
        await host.StopAsync();
        await bus.PublishAsync(Caller, "orders.order.placed", new OrderPlaced { Total = 2 });

        Assert.Equal([1m], module.Seen);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection([new(ConfigKeys.NatsUrl, "http://not-nats")]);
        builder.Services.AddMariachi();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(ErrorCodes.Config.Invalid + ": Configuration value 'NATS_URL' is invalid", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_bound_from_configuration_and_code()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection([new(ConfigKeys.Environment, "production"), new(ConfigKeys.Port, "8080")])
            .Build());
        services.AddMariachi(options => options.ServiceName = "orders");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MariachiOptions>>().Value;

        Assert.Equal(MariachiEnvironment.Production, options.Environment);
        Assert.Equal(8080, options.Port);
        Assert.Equal("orders", options.ServiceName);
    }

    private sealed class GreetingModule : IProcedureModule
    {
        public static readonly Procedure<string, string> Greet = new("greetings.greet");

        public void Register(ICommunication communication) =>
            communication.Register(Greet, (_, name) => Task.FromResult($"Hello, {name}"));
    }

    private sealed class ShoutingMiddleware : IProcedureMiddleware
    {
        public async ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) =>
            await next(call) is string text ? text.ToUpperInvariant() : null;
    }

    private sealed class AuditModule : IEventModule
    {
        public List<decimal> Seen { get; } = [];

        public async Task SubscribeAsync(IEventBus bus, CancellationToken cancellationToken) =>
            await bus.SubscribeAsync<OrderPlaced>("orders.order.placed", (_, order) =>
            {
                Seen.Add(order.Total);
                return Task.CompletedTask;
            }, cancellationToken: cancellationToken);
    }
}
