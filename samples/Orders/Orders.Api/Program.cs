using Mariachi.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);
var mariachi = builder.Services.AddMariachi();
var health = builder.Services.AddHealthChecks();
if (builder.Configuration[ConfigKeys.NatsUrl] is { Length: > 0 })
{
    // Split: the controllers call over NATS and the orders service runs in Orders.Worker.
    builder.Services.AddMariachiNats();
    health.AddMariachiNats();
}
else
{
    // One process: the orders service is registered here and called in-process.
    mariachi.AddOrdersService();
    health.AddMariachiDatabase();
}

builder.Services.AddMariachiAspNetCore();
builder.Services.AddControllers();

// OTLP traces and metrics, off unless OTEL_EXPORTER_OTLP_ENDPOINT or Telemetry:OtlpEndpoint is set: Mariachi's spans
// (calls, events, repositories) under the request spans of ASP.NET Core.
builder.AddOrdersTelemetry(
    tracing => tracing.AddAspNetCoreInstrumentation(),
    metrics => metrics.AddAspNetCoreInstrumentation());

var app = builder.Build();
app.UseMariachi();
app.MapControllers();

// Liveness runs no check (the process answers); readiness checks the database or the NATS connection.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready");
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
