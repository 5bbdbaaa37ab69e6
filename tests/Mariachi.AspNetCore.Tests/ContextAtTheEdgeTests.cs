using System.Net.Http.Json;
using System.Text.Json;

namespace Mariachi.AspNetCore.Tests;

public sealed class ContextAtTheEdgeTests : IAsyncLifetime
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/context")]
    [InlineData("/orders/context")]
    public async Task Handlers_and_controllers_receive_the_requests_context_by_parameter(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", TraceParent);
        request.Headers.Add("X-Test-User", "ana|acme|orders:read orders:write");

        using var response = await _app.Client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.EnsureSuccessStatusCode();
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", body.GetProperty("traceId").GetString());
        Assert.Equal("acme", body.GetProperty("tenantId").GetString());
        Assert.Equal("ana", body.GetProperty("userId").GetString());
        Assert.Equal(["orders:read", "orders:write"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("s-1", body.GetProperty("sessionId").GetString());
        Assert.Equal("public", body.GetProperty("server").GetString());
        Assert.Equal("user", body.GetProperty("identityType").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", Assert.Single(response.Headers.GetValues("X-Trace-Id")));
    }

    [Fact]
    public async Task The_tenant_header_is_used_when_no_claim_carries_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/context");
        request.Headers.Add("X-Tenant-Id", "globex");

        var body = await (await _app.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("globex", body.GetProperty("tenantId").GetString());
        Assert.Equal("anonymous", body.GetProperty("identityType").GetString());
    }

    [Fact]
    public async Task A_tenant_claim_wins_over_the_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/context");
        request.Headers.Add("X-Tenant-Id", "spoofed");
        request.Headers.Add("X-Test-User", "ana|acme|x");

        var body = await (await _app.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("acme", body.GetProperty("tenantId").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    [InlineData("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")]
    public async Task A_malformed_traceparent_gets_a_fresh_valid_trace_id(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/context");
        request.Headers.TryAddWithoutValidation("traceparent", header);

        var body = await (await _app.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var traceId = body.GetProperty("traceId").GetString()!;

        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.NotEqual("00000000000000000000000000000000", traceId);
        Assert.NotEqual("4bf92f3577b34da6a3ce929d0e0e4736", traceId);
    }

    [Fact]
    public async Task Each_request_gets_its_own_context()
    {
        var first = await _app.Client.GetFromJsonAsync<JsonElement>("/context");
        var second = await _app.Client.GetFromJsonAsync<JsonElement>("/context");

        Assert.NotEqual(first.GetProperty("traceId").GetString(), second.GetProperty("traceId").GetString());
    }
}
