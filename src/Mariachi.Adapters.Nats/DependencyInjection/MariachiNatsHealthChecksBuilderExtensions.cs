using Mariachi.Adapters.Nats;
using Mariachi.Adapters.Nats.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the NATS adapter's health check.</summary>
public static class MariachiNatsHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: the key of its entry in a health report.</summary>
    public const string DefaultName = "mariachi-nats";

    /// <summary>
    /// Adds a check of the connection <c>AddMariachiNats</c> registered (<see cref="MariachiNatsHealthCheck"/>): the
    /// server answers a ping, and JetStream answers when events use it. A failure reports
    /// <paramref name="failureStatus"/> (default <see cref="HealthStatus.Unhealthy"/>) with the reason;
    /// <paramref name="timeout"/> bounds a check against a server that does not answer.
    /// </summary>
    public static IHealthChecksBuilder AddMariachiNats(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new MariachiNatsHealthCheck(
                provider.GetRequiredService<INatsConnection>(),
                provider.GetRequiredService<IOptions<MariachiNatsOptions>>().Value),
            failureStatus,
            tags,
            timeout));
    }
}
