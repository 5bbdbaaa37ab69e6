using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shop.Contracts;

namespace Shop.Tests;

/// <summary>The API over HTTP: facade, endpoint, communication layer, service, repository.</summary>
public sealed class OrdersApiTests(ShopApiFactory factory) : IClassFixture<ShopApiFactory>
{
    [Fact]
    public async Task An_order_is_created_and_read_back()
    {
        using var client = Client("acme");

        var created = await client.PostAsJsonAsync("/orders", new CreateOrder("Ana", 42.5m));
        var order = await created.Content.ReadFromJsonAsync<OrderView>();
        var read = await client.GetAsync($"/orders/{order!.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(order, await read.Content.ReadFromJsonAsync<OrderView>());
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem_with_a_code()
    {
        using var client = Client("acme");

        var response = await client.GetAsync($"/orders/{Guid.NewGuid()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_probes_answer_healthy(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private HttpClient Client(string tenant)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }
}
