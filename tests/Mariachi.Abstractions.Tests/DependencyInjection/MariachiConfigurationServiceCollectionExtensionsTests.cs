using Mariachi.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Mariachi.Abstractions.Tests.DependencyInjection;

public sealed class MariachiConfigurationServiceCollectionExtensionsTests
{
    [Fact]
    public async Task A_bad_value_stops_the_host_on_start()
    {
        var builder = CreateHostBuilder((ConfigKeys.Port, "abc"));
        builder.Services.AddMariachiConfiguration();

        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"{ErrorCodes.Config.Invalid}: Configuration value 'PORT' is invalid", failure, StringComparison.Ordinal);
        Assert.Contains("'abc'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_key_stops_the_host_on_start()
    {
        var builder = CreateHostBuilder();
        builder.Services.AddMariachiConfiguration(o => o.Require(ConfigKeys.NatsUrl));

        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith($"{ErrorCodes.Config.Missing}: Configuration value 'NATS_URL' is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_set_in_code_out_of_range_stops_the_host_on_start()
    {
        var builder = CreateHostBuilder();
        builder.Services.AddMariachiConfiguration(o => o.AdminPort = 70000);

        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith($"{ErrorCodes.Config.Invalid}: Configuration value 'ADMIN_PORT'", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_and_a_required_key_that_did_not_bind_only_as_invalid()
    {
        var builder = CreateHostBuilder((ConfigKeys.Port, "abc"), (ConfigKeys.LogLevel, "loud"), (ConfigKeys.NatsUrl, "http://not-nats"));
        builder.Services.AddMariachiConfiguration(o =>
        {
            o.Require(ConfigKeys.NatsUrl).Require(ConfigKeys.DatabaseUrl);
            o.WebhookPort = 0;
        });

        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                $"{ErrorCodes.Config.Invalid}: 'LOG_LEVEL'",
                $"{ErrorCodes.Config.Invalid}: 'NATS_URL'",
                $"{ErrorCodes.Config.Invalid}: 'PORT'",
                $"{ErrorCodes.Config.Invalid}: 'WEBHOOK_PORT'",
                $"{ErrorCodes.Config.Missing}: 'DATABASE_URL'",
            ],
            error.Failures.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)] + ": " + f.Split(' ')[3]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validation_is_an_options_validator_not_a_post_configure_step()
    {
        var services = new ServiceCollection();
        services.AddMariachiConfiguration();

        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<MariachiOptions>));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IPostConfigureOptions<MariachiOptions>));
    }

    [Fact]
    public async Task Good_config_starts_and_is_bound()
    {
        var builder = CreateHostBuilder(
            (ConfigKeys.Environment, "Staging"),
            (ConfigKeys.ServiceName, "orders"),
            (ConfigKeys.LogLevel, "warning"),
            (ConfigKeys.DatabaseUrl, "postgres://app:pw@db:5432/orders"),
            (ConfigKeys.NatsUrl, "nats://n1:4222,nats://n2:4222"),
            (ConfigKeys.Port, "8080"));
        builder.Services.AddMariachiConfiguration();

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<MariachiOptions>>().Value;

            Assert.Equal(MariachiEnvironment.Staging, options.Environment);
            Assert.Equal("orders", options.ServiceName);
            Assert.Equal(LogLevel.Warning, options.LogLevel);
            Assert.Equal(new Uri("postgres://app:pw@db:5432/orders"), options.DatabaseUrl);
            Assert.Equal(2, options.NatsUrls.Count);
            Assert.Equal(8080, options.Port);
            Assert.Null(options.RedisUrl);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void A_bad_value_is_not_read_before_the_options_are_needed()
    {
        var builder = CreateHostBuilder((ConfigKeys.Port, "abc"));
        builder.Services.AddMariachiConfiguration();

        using var host = builder.Build();

        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MariachiOptions>>().Value);
    }

    [Fact]
    public void Calling_twice_binds_once_and_applies_both_configure_delegates()
    {
        var configuration = new CountingConfiguration(Configuration((ConfigKeys.Port, "8080"), (ConfigKeys.ServiceName, "orders")));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);

        services.AddMariachiConfiguration(o => o.AdminPort = 9090);
        services.AddMariachiConfiguration(o => o.Require(ConfigKeys.Port).WebhookPort = 9191);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<MariachiOptions>>().Value;

        Assert.Equal(1, configuration.Reads(ConfigKeys.Port));
        Assert.Equal(8080, options.Port);
        Assert.Equal("orders", options.ServiceName);
        Assert.Equal(9090, options.AdminPort);
        Assert.Equal(9191, options.WebhookPort);
        Assert.Contains(ConfigKeys.Port, options.RequiredKeys);
    }

    [Fact]
    public void Configure_delegates_run_after_binding()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration((ConfigKeys.Port, "8080"), (ConfigKeys.ServiceName, "orders")));

        services.AddMariachiConfiguration(o => o.Port = 5000);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<MariachiOptions>>().Value;
        Assert.Equal(5000, options.Port);
        Assert.Equal("orders", options.ServiceName);
    }

    [Fact]
    public void Validation_runs_after_configure_delegates()
    {
        var services = new ServiceCollection();
        services.AddMariachiConfiguration(o => o.Port = 0);

        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MariachiOptions>>().Value);
        Assert.StartsWith($"{ErrorCodes.Config.Invalid}: Configuration value 'PORT'", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_registered_configuration_the_defaults_are_used()
    {
        var services = new ServiceCollection();
        services.AddMariachiConfiguration();

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<MariachiOptions>>().Value;

        Assert.Equal("mariachi", options.ServiceName);
        Assert.Null(options.Port);
    }

    [Fact]
    public void Returns_a_builder_over_the_same_collection_and_rejects_null()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddMariachiConfiguration().Services);
        Assert.Throws<ArgumentNullException>(() => MariachiConfigurationServiceCollectionExtensions.AddMariachiConfiguration(null!));
    }

    private static HostApplicationBuilder CreateHostBuilder(params (string Key, string? Value)[] values)
    {
        // Defaults off: the machine's environment variables (PORT, ENV, ...) must not leak into the test.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return builder;
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    /// <summary>Counts how often each key is read, to tell how many times binding ran.</summary>
    private sealed class CountingConfiguration(IConfiguration inner) : IConfiguration
    {
        private readonly Dictionary<string, int> _reads = new(StringComparer.OrdinalIgnoreCase);

        public string? this[string key]
        {
            get
            {
                lock (_reads)
                {
                    _reads[key] = _reads.GetValueOrDefault(key) + 1;
                }

                return inner[key];
            }

            set => inner[key] = value;
        }

        public int Reads(string key)
        {
            lock (_reads)
            {
                return _reads.GetValueOrDefault(key);
            }
        }

        public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren();

        public IChangeToken GetReloadToken() => inner.GetReloadToken();

        public IConfigurationSection GetSection(string key) => inner.GetSection(key);
    }
}
