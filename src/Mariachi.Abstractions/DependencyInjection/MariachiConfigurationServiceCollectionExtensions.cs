using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Mariachi config layer.</summary>
public static class MariachiConfigurationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MariachiOptions"/>, bound from the registered <see cref="IConfiguration"/> (when there is
    /// one) and validated when the host starts: a bad or missing value stops start-up with a <c>ConfigError</c>
    /// naming its key.
    /// </summary>
    public static IServiceCollection AddMariachiConfiguration(this IServiceCollection services, Action<MariachiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<MariachiOptions>();
        if (!services.Any(d => d.ServiceType == typeof(BindMarker)))
        {
            services.TryAddSingleton<BindMarker>();
            services.AddSingleton<IConfigureOptions<MariachiOptions>>(provider => new ConfigureNamedOptions<MariachiOptions>(
                Options.Options.DefaultName,
                options =>
                {
                    if (provider.GetService<IConfiguration>() is { } configuration)
                    {
                        ConfigBinder.Bind(configuration, options);
                    }
                }));
            builder.PostConfigure(ConfigBinder.Validate).ValidateOnStart();
        }

        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }

    /// <summary>Marks that binding was registered, so calling the method twice binds once.</summary>
    private sealed class BindMarker;
}
