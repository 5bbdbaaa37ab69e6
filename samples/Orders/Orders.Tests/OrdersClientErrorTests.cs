using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Orders.Tests;

/// <summary>Every client error of the sample, whatever raised it, is a problem with a code, never an empty body.</summary>
public sealed class OrdersClientErrorTests(OrdersApiFactory factory) : IClassFixture<OrdersApiFactory>
{
    [Theory]
    [InlineData("POST", "/orders", "", 400, "validation/malformed-body", null)]
    [InlineData("POST", "/orders", "{\"customer\":\"Ana\",", 400, "validation/malformed-body", null)]
    [InlineData("POST", "/orders", "{\"customer\":\"Ana\",\"total\":\"ten\"}", 400, "validation/invalid-input", "total")]
    [InlineData("POST", "/orders", "{\"customer\":\"\",\"total\":5}", 400, "validation/invalid-input", "Customer")]
    [InlineData("GET", "/orders?page=abc", null, 400, "validation/invalid-input", "page")]
    [InlineData("GET", "/orders?page=0", null, 400, "validation/invalid-input", "Page")]
    [InlineData("GET", "/orders/not-a-guid", null, 404, "not-found", null)]
    [InlineData("GET", "/no-such-route", null, 404, "not-found", null)]
    [InlineData("PUT", "/orders", "{}", 405, "http/method-not-allowed", null)]
    public async Task A_client_error_is_a_problem_with_a_code(string method, string path, string? body, int status, string code, string? field)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("X-Tenant-Id", "acme-errors");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal($"https://httpstatuses.io/{status}", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        if (field is null)
        {
            Assert.False(problem.TryGetProperty("errors", out _), problem.GetRawText());
        }
        else
        {
            var errors = problem.GetProperty("errors");
            Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        }
    }
}
