using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orders.Contracts;

namespace Orders.Tests;

/// <summary>The sample over real HTTP: every request goes facade -> controller -> communication -> service -> repository.</summary>
public sealed class OrdersApiTests(OrdersApiFactory factory) : IClassFixture<OrdersApiFactory>
{
    private const string TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public async Task Create_get_list_and_cancel_an_order()
    {
        using var client = Client("acme-lifecycle");

        var created = await client.PostAsJsonAsync("/orders", new CreateOrder("Ana", 42.50m));
        var order = (await created.Content.ReadFromJsonAsync<OrderView>())!;
        var fetched = await client.GetFromJsonAsync<OrderView>($"/orders/{order.Id}");
        var listed = await client.GetFromJsonAsync<JsonElement>("/orders?page=1&pageSize=10");
        var cancelled = await client.DeleteAsync($"/orders/{order.Id}");
        var afterCancel = await client.GetAsync($"/orders/{order.Id}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/orders/{order.Id}", created.Headers.Location?.AbsolutePath);
        Assert.Equal(order, fetched);
        Assert.Equal(1, listed.GetProperty("totalCount").GetInt32());
        Assert.Equal(order.Id, listed.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterCancel.StatusCode);
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_nor_change_an_order()
    {
        using var acme = Client("acme-isolation");
        using var globex = Client("globex-isolation");
        var order = (await (await acme.PostAsJsonAsync("/orders", new CreateOrder("Ana", 10m))).Content.ReadFromJsonAsync<OrderView>())!;

        var read = await globex.GetAsync($"/orders/{order.Id}");
        var cancel = await globex.DeleteAsync($"/orders/{order.Id}");
        var list = await globex.GetFromJsonAsync<JsonElement>("/orders");
        var stillThere = await acme.GetAsync($"/orders/{order.Id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(0, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_with_field_errors()
    {
        using var client = Client("acme-validation");

        var response = await client.PostAsJsonAsync("/orders", new CreateOrder(string.Empty, -1m));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("validation/invalid-input", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("Customer", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("Total", out _));
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_with_code_not_found()
    {
        using var client = Client("acme-unknown");

        var response = await client.GetAsync($"/orders/{Guid.NewGuid()}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_trace_id_of_the_response_matches_the_incoming_traceparent()
    {
        using var client = Client("acme-trace");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/orders/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", TraceParent);

        var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", problem.GetProperty("traceId").GetString());
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", Assert.Single(response.Headers.GetValues("X-Trace-Id")));
    }

    [Theory]
    [InlineData("10", "10")]
    [InlineData("42.50", "42.5")]
    [InlineData("0.125", "0.13")]
    public async Task A_total_comes_back_the_same_from_create_get_and_list(string sent, string total)
    {
        using var client = Client($"acme-decimal-{sent}");

        var created = await client.PostAsync("/orders", new StringContent($$"""{"customer":"Ana","total":{{sent}}}""", System.Text.Encoding.UTF8, "application/json"));
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = await client.GetFromJsonAsync<JsonElement>($"/orders/{order.GetProperty("id").GetGuid()}");
        var listed = await client.GetFromJsonAsync<JsonElement>("/orders");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(total, order.GetProperty("total").GetRawText());
        Assert.Equal(total, fetched.GetProperty("total").GetRawText());
        Assert.Equal(total, listed.GetProperty("items")[0].GetProperty("total").GetRawText());
    }

    [Fact]
    public async Task Without_a_tenant_the_problem_names_the_header_to_send()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/orders");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("tenancy/missing-tenant", problem.GetProperty("code").GetString());
        Assert.Contains("send the 'X-Tenant-Id' header", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Context.System", problem.GetRawText(), StringComparison.Ordinal);
    }

    private HttpClient Client(string tenant)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        return client;
    }
}
