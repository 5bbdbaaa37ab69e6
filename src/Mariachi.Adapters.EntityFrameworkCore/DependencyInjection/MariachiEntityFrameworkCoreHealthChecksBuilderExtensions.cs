using Mariachi.Adapters.EntityFrameworkCore;
using Mariachi.Adapters.EntityFrameworkCore.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core adapter's health check.</summary>
public static class MariachiEntityFrameworkCoreHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: the key of its entry in a health report.</summary>
    public const string DefaultName = "mariachi-database";

    /// <summary>
    /// Adds a check that the database of <c>AddMariachiEntityFrameworkCore</c> accepts connections
    /// (<see cref="MariachiDatabaseHealthCheck"/>). A failure reports <paramref name="failureStatus"/> (default
    /// <see cref="HealthStatus.Unhealthy"/>) with the provider's reason; <paramref name="timeout"/> bounds a check
    /// against a server that does not answer.
    /// </summary>
    public static IHealthChecksBuilder AddMariachiDatabase(
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
            provider => new MariachiDatabaseHealthCheck(provider.GetRequiredService<IMariachiDbContextFactory>()),
            failureStatus,
            tags,
            timeout));
    }
}
