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
        var reader = new ConfigReader(configuration);

        options.Environment = reader.GetEnum<MariachiEnvironment>(ConfigKeys.Environment) ?? options.Environment;
        options.ServiceName = reader.GetString(ConfigKeys.ServiceName) ?? options.ServiceName;
        options.LogLevel = reader.GetEnum<LogLevel>(ConfigKeys.LogLevel) ?? options.LogLevel;
        options.DatabaseUrl = reader.GetUri(ConfigKeys.DatabaseUrl, "postgres", "postgresql", "sqlite", "file") ?? options.DatabaseUrl;
        options.RedisUrl = reader.GetUri(ConfigKeys.RedisUrl, "redis", "rediss") ?? options.RedisUrl;
        var nats = reader.GetUris(ConfigKeys.NatsUrl, "nats", "tls", "ws", "wss");
        options.NatsUrls = nats.Count > 0 ? nats : options.NatsUrls;
        options.Port = reader.GetInt(ConfigKeys.Port, 1, 65535) ?? options.Port;
        options.AdminPort = reader.GetInt(ConfigKeys.AdminPort, 1, 65535) ?? options.AdminPort;
        options.WebhookPort = reader.GetInt(ConfigKeys.WebhookPort, 1, 65535) ?? options.WebhookPort;
    }

    /// <summary>Checks required keys and values set in code; throws <see cref="ConfigError"/> naming the key.</summary>
    public static void Validate(MariachiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            throw ConfigReader.Missing(ConfigKeys.ServiceName);
        }

        CheckPort(ConfigKeys.Port, options.Port);
        CheckPort(ConfigKeys.AdminPort, options.AdminPort);
        CheckPort(ConfigKeys.WebhookPort, options.WebhookPort);

        foreach (var key in options.RequiredKeys.Order(StringComparer.Ordinal))
        {
            if (!HasValue(options, key))
            {
                throw ConfigReader.Missing(key);
            }
        }
    }

    private static void CheckPort(string key, int? port)
    {
        if (port is < 1 or > 65535)
        {
            throw ConfigReader.Invalid(key, "an integer between 1 and 65535", port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
