using System.Net;

namespace Orders.Tests;

/// <summary>The probes an orchestrator calls: no tenant, no trace header, plain text answers.</summary>
public sealed class OrdersHealthTests(OrdersApiFactory factory) : IClassFixture<OrdersApiFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_probes_answer_healthy_without_a_tenant(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
