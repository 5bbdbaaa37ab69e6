using Mariachi.Diagnostics;

// In the builder's namespace, as OpenTelemetry instrumentation packages do: found wherever the builder is.
namespace OpenTelemetry.Trace;

/// <summary>Adds Mariachi's spans to a tracer provider.</summary>
public static class MariachiTracerProviderBuilderExtensions
{
    /// <summary>
    /// Collects the spans of the <c>Mariachi</c> <see cref="System.Diagnostics.ActivitySource"/>: procedure calls
    /// (client and server), event publishes and handling, repository operations.
    /// </summary>
    public static TracerProviderBuilder AddMariachiInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(MariachiTelemetry.SourceName);
    }
}
