using Mariachi.Diagnostics;

// In the builder's namespace, as OpenTelemetry instrumentation packages do: found wherever the builder is.
namespace OpenTelemetry.Metrics;

/// <summary>Adds Mariachi's metrics to a meter provider.</summary>
public static class MariachiMeterProviderBuilderExtensions
{
    /// <summary>
    /// Collects the instruments of the <c>Mariachi</c> <see cref="System.Diagnostics.Metrics.Meter"/>: call durations
    /// (<c>rpc.client.duration</c>, <c>rpc.server.duration</c>), event counts and durations (<c>messaging.*</c>) and
    /// repository durations (<c>db.client.operation.duration</c>), by outcome.
    /// </summary>
    public static MeterProviderBuilder AddMariachiInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(MariachiTelemetry.MeterName);
    }
}
