using Mariachi.Communication;
using Mariachi.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.Abstractions.Tests.DependencyInjection;

public sealed class MariachiBuilderTests
{
    [Fact]
    public void Keeps_the_service_collection_and_rejects_null()
    {
        var services = new ServiceCollection();

        Assert.Same(services, new MariachiBuilder(services).Services);
        Assert.Throws<ArgumentNullException>(() => new MariachiBuilder(null!));
    }

    [Fact]
    public void Modules_and_middleware_are_registered_as_singletons()
    {
        var services = new ServiceCollection();
        var builder = new MariachiBuilder(services);

        var returned = builder
            .AddProcedureModule<FirstModule>()
            .AddProcedureModule<SecondModule>()
            .AddProcedureMiddleware<PassThroughMiddleware>()
            .AddEventModule<NoEventModule>();

        Assert.Same(builder, returned);
        Assert.Equal(
            [typeof(FirstModule), typeof(SecondModule)],
            services.Where(d => d.ServiceType == typeof(IProcedureModule)).Select(d => d.ImplementationType));
        Assert.All(services, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));

        using var provider = services.BuildServiceProvider();
        Assert.Equal(2, provider.GetServices<IProcedureModule>().Count());
        Assert.IsType<PassThroughMiddleware>(Assert.Single(provider.GetServices<IProcedureMiddleware>()));
        Assert.IsType<NoEventModule>(Assert.Single(provider.GetServices<IEventModule>()));
        Assert.Same(provider.GetRequiredService<IEventModule>(), provider.GetRequiredService<IEventModule>());
    }

    private sealed class FirstModule : IProcedureModule
    {
        public void Register(ICommunication communication)
        {
        }
    }

    private sealed class SecondModule : IProcedureModule
    {
        public void Register(ICommunication communication)
        {
        }
    }

    private sealed class PassThroughMiddleware : IProcedureMiddleware
    {
        public ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => next(call);
    }

    private sealed class NoEventModule : IEventModule
    {
        public Task SubscribeAsync(IEventBus bus, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
