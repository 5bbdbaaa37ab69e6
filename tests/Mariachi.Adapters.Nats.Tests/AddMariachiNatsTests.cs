using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Events;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using Mariachi.Configuration;
using Mariachi.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Tests;

public sealed class AddMariachiNatsTests
{
    private static readonly Context Caller = Context.Create(tenantId: "tenant-di");

    [Fact]
    public async Task Replaces_the_in_process_defaults_whether_AddMariachi_comes_before_or_after()
    {
        var before = new ServiceCollection();
        before.AddSingleton<IConfiguration>(Configuration("nats://127.0.0.1:4222"));
        before.AddMariachi();
        before.AddMariachiNats();
        var after = new ServiceCollection();
        after.AddSingleton<IConfiguration>(Configuration("nats://127.0.0.1:4222"));
        after.AddMariachiNats();
        after.AddMariachi();

        foreach (var services in new[] { before, after })
        {
            await using var provider = services.BuildServiceProvider();
            Assert.IsType<NatsCommunication>(provider.GetRequiredService<ICommunication>());
            Assert.IsType<NatsEventBus>(provider.GetRequiredService<IEventBus>());
            Assert.Single(services, d => d.ServiceType == typeof(ICommunication));
            Assert.Single(services, d => d.ServiceType == typeof(IEventBus));
            Assert.Equal("nats://127.0.0.1:4222", provider.GetRequiredService<INatsConnection>().Opts.Url);
        }
    }

    [Fact]
    public async Task The_host_does_not_start_without_NATS_URL()
    {
        using var host = Build(configuration: [], configure: null);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith($"{ErrorCodes.Config.Missing}: Configuration value 'NATS_URL' is required", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_adapter_options_stop_the_host_naming_every_bad_option()
    {
        using var host = Build([new(ConfigKeys.NatsUrl, "nats://127.0.0.1:4222")], options =>
        {
            options.ProcedureSubjectPrefix = "orders.>";
            options.StartupConnectTimeout = TimeSpan.FromSeconds(-2);
            options.Events.MaxDeliver = 0;
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(MariachiNatsOptions), error.OptionsType);
        Assert.Collection(
            error.Failures,
            failure => Assert.StartsWith($"{ErrorCodes.Config.Invalid}: NATS adapter option '{nameof(MariachiNatsOptions.ProcedureSubjectPrefix)}'", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith($"{ErrorCodes.Config.Invalid}: NATS adapter option '{nameof(MariachiNatsOptions.StartupConnectTimeout)}'", failure, StringComparison.Ordinal),
            failure => Assert.StartsWith($"{ErrorCodes.Config.Invalid}: NATS adapter option 'Events.MaxDeliver'", failure, StringComparison.Ordinal));
    }

    [Fact]
    [RequiresNats]
    public async Task A_host_serves_its_procedure_modules_from_start_and_subscribes_its_event_modules()
    {
        var id = TestNats.UniqueId();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(ConfigKeys.NatsUrl, NatsTestEnvironment.RequireUrl())]);
        builder.Services
            .AddMariachiNats(options => Apply(TestNats.Options(id), options))
            .AddProcedureModule<GreetingModule>()
            .AddProcedureMiddleware<ShoutingMiddleware>()
            .AddEventModule<AuditModule>();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            // Another process, with nothing of its own: the module answers, through its middleware.
            await using var connection = await TestNats.ConnectAsync();
            await using var remote = new NatsCommunication(connection, TestNats.Options(id));
            Assert.Equal("HELLO, ANA", await remote.CallAsync(GreetingModule.Greet, Caller, "ana"));

            await using var bus = new NatsEventBus(connection, TestNats.Options(id));
            await bus.PublishAsync(Caller, "orders.order.placed", new Audited(7));
            var audit = host.Services.GetServices<IEventModule>().OfType<AuditModule>().Single();
            Assert.Equal(7, await audit.First.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            await host.StopAsync();
            await using var cleanup = await TestNats.ConnectAsync();
            await cleanup.CreateJetStreamContext().DeleteStreamAsync(TestNats.Options(id).Events.StreamName);
        }
    }

    [Fact]
    [RequiresNats]
    public async Task A_host_whose_service_registers_a_procedure_another_service_owns_does_not_start()
    {
        var id = TestNats.UniqueId();
        await using var connection = await TestNats.ConnectAsync();
        var owner = TestNats.Options(id);
        owner.ServiceName = "greetings";
        await using var greetings = new NatsCommunication(connection, owner);
        greetings.Register(GreetingModule.Greet, (_, name) => Task.FromResult(name));
        await greetings.WhenReadyAsync();

        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(ConfigKeys.NatsUrl, NatsTestEnvironment.RequireUrl()), new(ConfigKeys.ServiceName, "front-desk")]);
        builder.Services.AddMariachiNats(options => Apply(TestNats.Options(id), options)).AddProcedureModule<GreetingModule>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<CommunicationError>(() => host.StartAsync());

        Assert.Equal(ErrorCodes.Communication.DuplicateProcedure, error.Code);
        Assert.Equal("greetings", error.Metadata["owner"]);
        Assert.Equal("front-desk", error.Metadata["service"]); // SERVICE_NAME, through the config layer.
        await host.StopAsync();
    }

    private static IConfiguration Configuration(string url) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(ConfigKeys.NatsUrl, url)]).Build();

    private static IHost Build(KeyValuePair<string, string?>[] configuration, Action<MariachiNatsOptions>? configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddMariachiNats(configure);
        return builder.Build();
    }

    private static void Apply(MariachiNatsOptions from, MariachiNatsOptions to)
    {
        to.ProcedureSubjectPrefix = from.ProcedureSubjectPrefix;
        to.ShutdownTimeout = from.ShutdownTimeout;
        to.Events.SubjectPrefix = from.Events.SubjectPrefix;
        to.Events.StreamName = from.Events.StreamName;
        to.Events.StreamMaxAge = from.Events.StreamMaxAge;
    }

    public sealed record Audited(int Value);

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
        public TaskCompletionSource<int> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SubscribeAsync(IEventBus bus, CancellationToken cancellationToken) =>
            await bus.SubscribeAsync<Audited>("orders.order.placed", (_, audited) =>
            {
                First.TrySetResult(audited.Value);
                return Task.CompletedTask;
            }, cancellationToken: cancellationToken);
    }
}
