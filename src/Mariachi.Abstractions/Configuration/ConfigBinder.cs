using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Mariachi.Configuration;

/// <summary>Binds <see cref="MariachiOptions"/> from configuration and validates the result.</summary>
public static class ConfigBinder
{
    /// <summary>Copies every set key of <see cref="ConfigKeys"/> onto <paramref name="options"/>; throws <see cref="ConfigError"/> for a bad value.</summary>
    public static void Bind(IConfiguration configuration, MariachiOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<ConfigError>();
        Bind(configuration, options, errors);
        if (errors.Count > 0)
        {
            throw errors[0];
        }
    }

    /// <summary>Checks required keys and values set in code; throws <see cref="ConfigError"/> naming the key.</summary>
    public static void Validate(MariachiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Errors(options).FirstOrDefault() is { } error)
        {
            throw error;
        }
    }

    /// <summary>Binds every key it can, adding one <see cref="ConfigError"/> per bad value to <paramref name="errors"/>.</summary>
    internal static void Bind(IConfiguration configuration, MariachiOptions options, List<ConfigError> errors)
    {
        var reader = new ConfigReader(configuration);
        Try(() => options.Environment = reader.GetEnum<MariachiEnvironment>(ConfigKeys.Environment) ?? options.Environment);
        Try(() => options.ServiceName = reader.GetString(ConfigKeys.ServiceName) ?? options.ServiceName);
        Try(() => options.LogLevel = reader.GetEnum<LogLevel>(ConfigKeys.LogLevel) ?? options.LogLevel);
        Try(() => options.DatabaseUrl = reader.GetUri(ConfigKeys.DatabaseUrl, "postgres", "postgresql", "sqlite", "file") ?? options.DatabaseUrl);
        Try(() => options.RedisUrl = reader.GetUri(ConfigKeys.RedisUrl, "redis", "rediss") ?? options.RedisUrl);
        Try(() =>
        {
            var nats = reader.GetUris(ConfigKeys.NatsUrl, "nats", "tls", "ws", "wss");
            options.NatsUrls = nats.Count > 0 ? nats : options.NatsUrls;
        });
        Try(() => options.Port = reader.GetInt(ConfigKeys.Port, 1, 65535) ?? options.Port);
        Try(() => options.AdminPort = reader.GetInt(ConfigKeys.AdminPort, 1, 65535) ?? options.AdminPort);
        Try(() => options.WebhookPort = reader.GetInt(ConfigKeys.WebhookPort, 1, 65535) ?? options.WebhookPort);

        void Try(Action bind)
        {
            try
            {
                bind();
            }
            catch (ConfigError error)
            {
                errors.Add(error);
            }
        }
    }

    /// <summary>Every problem of <paramref name="options"/>: values that did not bind, then required keys and values set in code.</summary>
    internal static IEnumerable<ConfigError> Errors(MariachiOptions options)
    {
        foreach (var error in options.BindErrors)
        {
            yield return error;
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            yield return ConfigReader.Missing(ConfigKeys.ServiceName);
        }

        foreach (var (key, port) in new[] { (ConfigKeys.Port, options.Port), (ConfigKeys.AdminPort, options.AdminPort), (ConfigKeys.WebhookPort, options.WebhookPort) })
        {
            if (port is < 1 or > 65535)
            {
                yield return ConfigReader.Invalid(key, "an integer between 1 and 65535", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // A required key whose value did not bind is reported once, as invalid.
        var badKeys = options.BindErrors.Select(e => e.Metadata.GetValueOrDefault("key") as string).ToHashSet(StringComparer.Ordinal);
        foreach (var key in options.RequiredKeys.Order(StringComparer.Ordinal))
        {
            if (!HasValue(options, key) && !badKeys.Contains(key))
            {
                yield return ConfigReader.Missing(key);
            }
        }
    }

    private static bool HasValue(MariachiOptions options, string key) => key switch
    {
        ConfigKeys.DatabaseUrl => options.DatabaseUrl is not null,
        ConfigKeys.RedisUrl => options.RedisUrl is not null,
        ConfigKeys.NatsUrl => options.NatsUrls.Count > 0,
        ConfigKeys.Port => options.Port is not null,
        ConfigKeys.AdminPort => options.AdminPort is not null,
        ConfigKeys.WebhookPort => options.WebhookPort is not null,
        ConfigKeys.Environment or ConfigKeys.ServiceName or ConfigKeys.LogLevel => true,
        _ => throw new ArgumentException($"'{key}' is not a Mariachi configuration key.", nameof(key)),
    };
}
