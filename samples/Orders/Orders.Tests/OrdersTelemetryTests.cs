using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Orders.Tests;

/// <summary>The sample exports traces and metrics over OTLP only when a collector is configured.</summary>
public sealed class OrdersTelemetryTests
{
    [Fact]
    public async Task Without_an_otlp_endpoint_no_tracer_or_meter_provider_runs()
    {
        await using var api = new OrdersApiFactory();

        Assert.Null(api.Services.GetService<TracerProvider>());
        Assert.Null(api.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_the_telemetry_setting_traces_and_metrics_are_exported()
    {
        await using var factory = new OrdersApiFactory();
        await using var api = factory.WithWebHostBuilder(builder => builder.UseSetting("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317"));

        Assert.NotNull(api.Services.GetService<TracerProvider>());
        Assert.NotNull(api.Services.GetService<MeterProvider>());
    }
}
