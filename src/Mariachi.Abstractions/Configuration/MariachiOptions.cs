using Microsoft.Extensions.Logging;

namespace Mariachi.Configuration;

/// <summary>
/// The framework's settings, bound from configuration by <see cref="ConfigBinder"/> and validated when the host
/// starts. Read them through <c>IOptions&lt;MariachiOptions&gt;</c>, never from environment variables.
/// </summary>
public sealed class MariachiOptions
{
    private readonly HashSet<string> _required = new(StringComparer.Ordinal);

    public MariachiEnvironment Environment { get; set; } = MariachiEnvironment.Development;

    public string ServiceName { get; set; } = "mariachi";

    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    public Uri? DatabaseUrl { get; set; }

    public Uri? RedisUrl { get; set; }

    /// <summary>One or more NATS server URLs.</summary>
    public IReadOnlyList<Uri> NatsUrls { get; set; } = [];

    public int? Port { get; set; }

    public int? AdminPort { get; set; }

    public int? WebhookPort { get; set; }

    public bool IsProduction => Environment == MariachiEnvironment.Production;

    /// <summary>The keys that must have a value; adapters add the ones they need (the NATS adapter adds NATS_URL).</summary>
    public IReadOnlyCollection<string> RequiredKeys => _required;

    /// <summary>Marks <paramref name="key"/> (one of <see cref="ConfigKeys"/>) as required.</summary>
    public MariachiOptions Require(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!ConfigKeys.All.Contains(key, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a Mariachi configuration key; use one of {string.Join(", ", ConfigKeys.All)}.", nameof(key));
        }

        _required.Add(key);
        return this;
    }

    /// <summary>The values that could not be bound from configuration, reported by the options validation.</summary>
    internal List<ConfigError> BindErrors { get; } = [];
}
