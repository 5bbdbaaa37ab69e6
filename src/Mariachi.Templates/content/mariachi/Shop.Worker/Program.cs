using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Runs the services and serves their procedures over NATS to any number of API processes.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddMariachi().AddShopServices();
builder.Services.AddMariachiNats();
await builder.Build().RunAsync();
