using Mariachi.Adapters.Nats;
using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Events;
using Mariachi.Adapters.Nats.Hosting;
using Mariachi.Communication;
using Mariachi.Configuration;
using Mariachi.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NATS adapter.</summary>
public static class MariachiNatsServiceCollectionExtensions
{
    /// <summary>
    /// Makes NATS the communication layer and the event bus: <see cref="ICommunication"/> is a
    /// <see cref="NatsCommunication"/> and <see cref="IEventBus"/> a <see cref="NatsEventBus"/>, replacing the
    /// in-process defaults of <c>AddMariachi</c> whether that is called before or after. The server URL is the config
    /// layer's <see cref="ConfigKeys.NatsUrl"/> (<c>NATS_URL</c>, several separated by commas), required from now on:
    /// the host does not start without it, nor with invalid <see cref="MariachiNatsOptions"/> (an
    /// <see cref="OptionsValidationException"/> naming each bad setting). One
    /// <see cref="INatsConnection"/> is shared (an already registered one is used as is). Procedure modules and
    /// middleware are applied through <see cref="CommunicationInitializer"/>; the host's start waits until every
    /// module's procedures are subscribed, so a process that only serves procedures answers as soon as it runs. The
    /// first connection is retried while the server is not up yet (<see cref="MariachiNatsOptions.StartupConnectTimeout"/>).
    /// </summary>
    public static MariachiBuilder AddMariachiNats(this IServiceCollection services, Action<MariachiNatsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddMariachiConfiguration(options => options.Require(ConfigKeys.NatsUrl));
        var options = services.AddOptions<MariachiNatsOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MariachiNatsOptions>, MariachiNatsOptionsValidator>());
        options.ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<INatsConnection>(CreateConnection);
        services.RemoveAll<ICommunication>();
        services.AddSingleton<ICommunication>(provider => CommunicationInitializer.Initialize(
            new NatsCommunication(
                provider.GetRequiredService<INatsConnection>(),
                provider.GetRequiredService<IOptions<MariachiNatsOptions>>().Value,
                provider.GetRequiredService<IOptions<MariachiOptions>>().Value.ServiceName,
                provider.GetService<ILogger<NatsCommunication>>(),
                provider.GetService<TimeProvider>()),
            provider));
        services.RemoveAll<IEventBus>();
        services.AddSingleton<IEventBus>(provider => new NatsEventBus(
            provider.GetRequiredService<INatsConnection>(),
            provider.GetRequiredService<IOptions<MariachiNatsOptions>>().Value,
            provider.GetService<ILogger<NatsEventBus>>(),
            provider.GetService<TimeProvider>()));
        // First of all hosted services: anything that subscribes at start (modules, event subscriptions) needs the
        // connection, and it may have to wait for a server that is still starting.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(NatsStartupConnection)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, NatsStartupConnection>());
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, NatsCommunicationStarter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventModuleInitializer>());
        return builder;
    }

    private static NatsConnection CreateConnection(IServiceProvider provider)
    {
        var mariachi = provider.GetRequiredService<IOptions<MariachiOptions>>().Value;
        var nats = provider.GetRequiredService<IOptions<MariachiNatsOptions>>().Value;
        var options = NatsOpts.Default with
        {
            Url = string.Join(",", mariachi.NatsUrls.Select(url => url.OriginalString)),
            Name = mariachi.ServiceName,
            LoggerFactory = provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
        };
        options = nats.Security.Apply(options);
        return new NatsConnection(nats.ConfigureConnection?.Invoke(options) ?? options);
    }

    /// <summary>
    /// Creates the communication layer when the host starts, so procedure modules are served from the start; when the
    /// host stops, stops taking calls and lets those in flight finish (<see cref="MariachiNatsOptions.ShutdownTimeout"/>)
    /// before the host goes on stopping.
    /// </summary>
    private sealed class NatsCommunicationStarter(IServiceProvider services) : IHostedService
    {
        private NatsCommunication? _communication;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (services.GetRequiredService<ICommunication>() is NatsCommunication communication)
            {
                _communication = communication;
                await communication.WhenReadyAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_communication is { } communication)
            {
                await communication.DisposeAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
