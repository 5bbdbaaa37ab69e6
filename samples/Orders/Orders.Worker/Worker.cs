using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orders.Worker;

/// <summary>Runs the orders service and serves its procedures over NATS to any number of API processes.</summary>
public static class Worker
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddMariachi().AddOrdersService();
        builder.Services.AddMariachiNats();
        builder.AddOrdersTelemetry();
        await builder.Build().RunAsync();
    }
}
