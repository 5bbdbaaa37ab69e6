using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orders.Contracts;

namespace Orders.Tests;

/// <summary>The sample's logging configuration: the Context on every request line, the framework only from Warning.</summary>
public sealed class OrdersLoggingTests(OrdersApiFactory factory) : IClassFixture<OrdersApiFactory>
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    [Fact]
    public async Task A_request_log_line_carries_its_trace_and_tenant_and_framework_chatter_is_filtered()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = JsonContent.Create(new CreateOrder("Ana", 10m)) };
        request.Headers.Add("X-Tenant-Id", "acme-logs");
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        var order = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<OrderView>();
        await client.GetAsync("/orders/not-a-guid");

        var line = Assert.Single(factory.Logs.Lines, l => l.Line.Contains($"Order {order!.Id} created", StringComparison.Ordinal)).Line;
        Assert.Contains($"TraceId:{TraceId}", line, StringComparison.Ordinal);
        Assert.Contains("TenantId:acme-logs", line, StringComparison.Ordinal);
        Assert.Contains("Procedure:orders.create", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.TrimEnd());
        var chatter = factory.Logs.Lines
            .Where(l => l.Level < LogLevel.Warning && l.Category.StartsWith("Microsoft.", StringComparison.Ordinal) && l.Category != "Microsoft.Hosting.Lifetime")
            .Select(l => l.Category);
        Assert.Empty(chatter);
    }

    [Fact]
    public void The_worker_logs_as_the_api_does()
    {
        var api = Logging(Path.Combine(AppContext.BaseDirectory, "Orders.Api.appsettings.json"));
        var worker = Logging(Path.Combine(AppContext.BaseDirectory, "Orders.Worker.appsettings.json"));

        Assert.NotEmpty(api);
        Assert.Equal(api, worker);
        Assert.Equal("Warning", api["Logging:LogLevel:Microsoft"]);
        Assert.Equal("True", api["Logging:Console:FormatterOptions:IncludeScopes"], ignoreCase: true);

        static Dictionary<string, string?> Logging(string file) => new ConfigurationBuilder().AddJsonFile(file).Build()
            .GetSection("Logging").AsEnumerable().ToDictionary(e => e.Key, e => e.Value);
    }
}
