using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.AspNetCore.Tests;

/// <summary>Every client error, from model binding, the JSON body, routing or the facade itself, has one problem shape with a code.</summary>
public sealed class ClientErrorTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("", "The request body is empty")]
    [InlineData("{\"customer\":", "not valid JSON")]
    [InlineData("{\"customer\" \"Ana\"}", "not valid JSON")]
    [InlineData("[1, 2]", "JSON of the wrong kind")]
    public async Task A_body_that_cannot_be_read_is_malformed_body_without_field_errors(string body, string detail)
    {
        var (response, problem) = await PostAsync("/orders", body);

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Validation.MalformedBody);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("errors", out _), problem.GetRawText());
        Assert.DoesNotContain("TestOrder", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_value_of_the_wrong_type_is_a_field_error_without_the_spurious_input_error()
    {
        var (response, problem) = await PostAsync("/orders", """{"customer":"Ana","total":"ten"}""");

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Validation.InvalidInput);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["total"], errors.EnumerateObject().Select(e => e.Name));
        Assert.DoesNotContain("TestOrder", errors.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_validation_is_invalid_input_with_every_field_error()
    {
        var (response, problem) = await PostAsync("/orders", """{"customer":"","total":-1}""");

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Validation.InvalidInput);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["Customer", "Total"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Contains("Customer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_value_that_does_not_bind_is_invalid_input_naming_the_field()
    {
        var response = await _app.Client.GetAsync("/orders?page=abc");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Validation.InvalidInput);
        Assert.Equal("The value 'abc' is not valid.", problem.GetProperty("errors").GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task Model_validation_problems_have_the_shape_of_a_thrown_validation_error()
    {
        var (_, bound) = await PostAsync("/orders", """{"customer":"","total":5}""");
        var thrown = await (await _app.Client.GetAsync("/throw/invalid")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(Members(thrown), Members(bound));
        Assert.Equal(thrown.GetProperty("type").GetString(), bound.GetProperty("type").GetString());
        Assert.Equal(thrown.GetProperty("title").GetString(), bound.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Array, bound.GetProperty("errors").GetProperty("Customer").ValueKind);

        static IEnumerable<string> Members(JsonElement problem) => problem.EnumerateObject().Select(p => p.Name).Order();
    }

    [Theory]
    [InlineData("/orders/not-a-guid")]
    [InlineData("/no/such/route")]
    public async Task A_route_that_does_not_match_is_a_404_problem_not_an_empty_body(string path)
    {
        var response = await _app.Client.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.NotFound, ErrorCodes.NotFound);
        Assert.Equal($"Nothing here answers GET {path}.", problem.GetProperty("detail").GetString());
        Assert.Equal(path, problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task A_method_the_route_does_not_serve_is_a_405_problem()
    {
        var response = await _app.Client.DeleteAsync("/orders");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.MethodNotAllowed, ErrorCodes.Http.MethodNotAllowed);
        Assert.Contains("allowed: GET, POST", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_type_no_formatter_reads_is_a_415_problem()
    {
        var response = await _app.Client.PostAsync("/orders", new StringContent("customer=Ana", Encoding.UTF8, "text/plain"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.UnsupportedMediaType, ErrorCodes.Http.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_request_the_server_refuses_to_read_keeps_its_status_and_gets_a_code()
    {
        var response = await _app.Client.GetAsync("/throw/too-large");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.RequestEntityTooLarge, ErrorCodes.Http.PayloadTooLarge);
        Assert.Equal("Request body too large.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"customer\":")]
    public async Task A_minimal_api_binding_failure_is_a_problem_with_a_code(string body)
    {
        var (response, problem) = await PostAsync("/minimal/orders", body);

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Validation.InvalidInput);
    }

    [Fact]
    public async Task Without_a_tenant_the_client_is_told_what_to_send_and_the_log_keeps_the_developer_message()
    {
        var response = await _app.Client.GetAsync("/invoices");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Tenancy.MissingTenant);
        Assert.Equal(
            "This request needs a tenant: send the 'X-Tenant-Id' header, or a token with the 'tenant_id' claim.",
            problem.GetProperty("detail").GetString());
        var traceId = problem.GetProperty("traceId").GetString()!;
        var logged = Assert.Single(_app.Logs, e => e.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, logged.Level);
        Assert.Null(logged.Exception);
        Assert.Contains("'Invoice' is tenant data, but the context has no tenant. Pass the request's context", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hint_names_the_configured_header()
    {
        await using var app = await TestApp.StartAsync(services => services.Configure<MariachiAspNetCoreOptions>(options =>
        {
            options.TenantHeader = "X-Org";
            options.TenantClaim = null;
        }));

        var problem = await (await app.Client.GetAsync("/invoices")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("This request needs a tenant: send the 'X-Org' header.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_tenant_dropped_by_code_is_logged_as_an_error_with_the_exception()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/invoices/dropped-tenant");
        request.Headers.Add("X-Tenant-Id", "acme");

        var response = await _app.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        AssertProblem(response, problem, HttpStatusCode.BadRequest, ErrorCodes.Tenancy.MissingTenant);
        Assert.DoesNotContain("X-Tenant-Id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var logged = Assert.Single(_app.Logs, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
        Assert.Contains("tenant acme was not passed on", logged.Message, StringComparison.Ordinal);
        Assert.Contains("'Invoice' is tenant data", Assert.IsType<TenancyError>(logged.Exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_tenant_the_same_endpoint_answers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/invoices");
        request.Headers.Add("X-Tenant-Id", "acme");

        var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme", await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> PostAsync(string path, string body)
    {
        var response = await _app.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static void AssertProblem(HttpResponseMessage response, JsonElement problem, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal($"https://httpstatuses.io/{(int)status}", problem.GetProperty("type").GetString());
        Assert.Matches("^[0-9a-f]{32}$", problem.GetProperty("traceId").GetString());
        if (problem.TryGetProperty("errors", out var errors))
        {
            Assert.False(errors.TryGetProperty("input", out _), $"Spurious field error: {errors}");
        }
    }
}
