using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

/// <summary>
/// Traces and metrics of an Orders process over OTLP, off by default: on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (the
/// exporter's standard variable, with its <c>OTEL_EXPORTER_OTLP_*</c> siblings) or the <c>Telemetry:OtlpEndpoint</c>
/// setting names a collector. Shared by Orders.Api and Orders.Worker, so a call split over NATS is one trace.
/// </summary>
internal static class OrdersTelemetry
{
    public static void AddOrdersTelemetry(
        this IHostApplicationBuilder builder,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrEmpty(endpoint) && string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        // The setting wins over the variable; without it the exporter reads its OTEL_EXPORTER_OTLP_* variables itself.
        void Otlp(OtlpExporterOptions options)
        {
            if (!string.IsNullOrEmpty(endpoint))
            {
                options.Endpoint = new Uri(endpoint);
            }
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(t =>
            {
                tracing?.Invoke(t);
                t.AddMariachiInstrumentation().AddOtlpExporter(Otlp);
            })
            .WithMetrics(m =>
            {
                metrics?.Invoke(m);
                m.AddMariachiInstrumentation().AddOtlpExporter(Otlp);
            });
    }
}
