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
    /// one) and validated when the host starts: a bad or missing value stops start-up with an
    /// <see cref="OptionsValidationException"/> whose failures name each key and its <c>config/*</c> code. Calling it
    /// again binds once and adds <paramref name="configure"/>.
    /// </summary>
    public static MariachiBuilder AddMariachiConfiguration(this IServiceCollection services, Action<MariachiOptions>? configure = null)
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
                        ConfigBinder.Bind(configuration, options, options.BindErrors);
                    }
                }));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MariachiOptions>, MariachiOptionsValidator>());
            builder.ValidateOnStart();
        }

        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return new MariachiBuilder(services);
    }

    /// <summary>Marks that binding was registered, so calling the method twice binds once.</summary>
    private sealed class BindMarker;
}
