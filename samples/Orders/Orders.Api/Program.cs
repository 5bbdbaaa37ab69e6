using Mariachi.Configuration;

var builder = WebApplication.CreateBuilder(args);
var mariachi = builder.Services.AddMariachi();
if (builder.Configuration[ConfigKeys.NatsUrl] is { Length: > 0 })
{
    // Split: the controllers call over NATS and the orders service runs in Orders.Worker.
    builder.Services.AddMariachiNats();
}
else
{
    // One process: the orders service is registered here and called in-process.
    mariachi.AddOrdersService();
}

builder.Services.AddMariachiAspNetCore();
builder.Services.AddControllers();

var app = builder.Build();
app.UseMariachi();
app.MapControllers();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
