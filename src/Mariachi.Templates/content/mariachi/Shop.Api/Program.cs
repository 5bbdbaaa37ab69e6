#if (nats)
using Mariachi.Configuration;
#endif
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
#if (minimalApi)
using Shop.Api.Endpoints;
#endif

var builder = WebApplication.CreateBuilder(args);
var mariachi = builder.Services.AddMariachi();
var health = builder.Services.AddHealthChecks();
#if (nats)
if (builder.Configuration[ConfigKeys.NatsUrl] is { Length: > 0 })
{
    // Split: the API calls the procedures over NATS, and Shop.Worker runs the services.
    builder.Services.AddMariachiNats();
    health.AddMariachiNats();
}
else
{
    // One process: the services are registered here and called in-process.
    mariachi.AddShopServices();
    health.AddMariachiDatabase();
}
#else
mariachi.AddShopServices();
health.AddMariachiDatabase();
#endif

// The request's Context for every endpoint, and every error as problem details with a code.
builder.Services.AddMariachiAspNetCore();
#if (!minimalApi)
builder.Services.AddControllers();
#endif

var app = builder.Build();
app.UseMariachi();
#if (minimalApi)
app.MapOrders();
#else
app.MapControllers();
#endif

// Liveness runs no check (the process answers); readiness checks the database or the NATS connection.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready");
await app.RunAsync();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
