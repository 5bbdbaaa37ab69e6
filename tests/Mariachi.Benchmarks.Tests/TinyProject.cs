namespace Mariachi.Benchmarks.Tests;

/// <summary>
/// A one-file ASP.NET Core project for the real-code smoke test: a controller holding a service (MAR0001), an
/// environment read outside the config layer (MAR0002, RS0030), a token not forwarded (CA2016, raised to a warning by
/// its .editorconfig) and a [LoggerMessage] method that only its source generator implements.
/// </summary>
internal static class TinyProject
{
    public static string Write()
    {
        var folder = Directory.CreateTempSubdirectory("mariachi-real-smoke-").FullName;
        File.WriteAllText(Path.Combine(folder, "Tiny.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), """
            root = true
            [*.cs]
            dotnet_diagnostic.CA2016.severity = warning
            """);
        File.WriteAllText(Path.Combine(folder, "Code.cs"), """
            using Microsoft.AspNetCore.Mvc;

            namespace Tiny;

            public class OrderService
            {
                public Task<string> FindAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(id);
            }

            [ApiController]
            [Route("orders")]
            public class OrdersController(OrderService orders) : ControllerBase
            {
                [HttpGet("{id}")]
                public async Task<string> Get(string id, CancellationToken cancellationToken) => await orders.FindAsync(id);
            }

            public static partial class Log
            {
                [LoggerMessage(Level = LogLevel.Information, Message = "Order {Id} read")]
                public static partial void OrderRead(ILogger logger, string id);
            }

            public static class Program
            {
                public static void Main() => Console.WriteLine(Environment.GetEnvironmentVariable("REGION"));
            }
            """);
        return folder;
    }
}
