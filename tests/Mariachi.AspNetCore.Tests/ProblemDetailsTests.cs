using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mariachi.AspNetCore.Tests;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(services =>
        services.AddSingleton(ErrorStatusTable.Default.With("billing/card-declined", 402)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_not_found_error_is_a_404_problem_with_code_and_trace_id()
    {
        var (response, problem) = await GetAsync("/throw/not-found");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
        Assert.Equal("Order 42 does not exist.", problem.GetProperty("detail").GetString());
        Assert.Equal(Assert.Single(response.Headers.GetValues("X-Trace-Id")), problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Validation_errors_are_a_400_with_field_errors()
    {
        var (response, problem) = await GetAsync("/throw/invalid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation/invalid-input", problem.GetProperty("code").GetString());
        Assert.Equal("Total must be positive.", problem.GetProperty("errors").GetProperty("Total")[0].GetString());
    }

    [Fact]
    public async Task A_registered_status_table_adds_codes()
    {
        var (response, problem) = await GetAsync("/throw/billing");

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("billing/card-declined", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/throw/database", "database/failure", "hunter2")]
    [InlineData("/throw/other", "internal", "secret internals")]
    public async Task Server_errors_are_redacted_and_logged(string path, string code, string secret)
    {
        var (response, problem) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.DoesNotContain(secret, problem.GetRawText(), StringComparison.Ordinal);
        var traceId = problem.GetProperty("traceId").GetString()!;
        Assert.Contains(_app.Logs, entry => entry.Level == LogLevel.Error && entry.Message.Contains(code, StringComparison.Ordinal) && entry.Message.Contains(traceId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_errors_are_not_logged_as_errors()
    {
        await GetAsync("/throw/not-found");

        Assert.DoesNotContain(_app.Logs, entry => entry.Level >= LogLevel.Error);
    }

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> GetAsync(string path)
    {
        var response = await _app.Client.GetAsync(path);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
