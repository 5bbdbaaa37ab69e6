using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Adapters.InMemory.Data;
using Mariachi.Adapters.InMemory.Events;
using Mariachi.Communication;
using Mariachi.Configuration;
using Mariachi.Data;
using Mariachi.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Mariachi with its embedded defaults.</summary>
public static class MariachiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the config layer (<see cref="MariachiOptions"/>, validated on start), in-process
    /// <see cref="ICommunication"/>, the in-memory <see cref="IEventBus"/> and in-memory <see cref="IRepository{T}"/>
    /// for every entity type. Other adapters registered before or after replace the defaults (they are added with
    /// TryAdd). Procedure modules and middleware added through the returned builder are applied when the
    /// communication layer is first resolved; event modules subscribe when the host starts.
    /// </summary>
    public static MariachiBuilder AddMariachi(this IServiceCollection services, Action<MariachiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddMariachiConfiguration(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommunication>(provider => CommunicationInitializer.Initialize(
            ActivatorUtilities.CreateInstance<InProcessCommunication>(provider),
            provider));
        services.TryAddSingleton<IEventBus, InMemoryEventBus>();
        services.TryAddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventModuleInitializer>());
        return builder;
    }
}
