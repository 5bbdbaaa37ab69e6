using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Mariachi.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mariachi.AspNetCore.Tests;

/// <summary>A real ASP.NET Core app on the test server, with Mariachi's facade and a few endpoints that report what they received.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, ConcurrentQueue<(LogLevel, string, string, Exception?)> logs)
    {
        _app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Logs { get; }

    public static async Task<TestApp> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new ConcurrentQueue<(LogLevel, string, string, Exception?)>();
        builder.Logging.ClearProviders().AddProvider(new RecordingLoggerProvider(logs));
        builder.Services.AddMariachiAspNetCore(options => options.ServerName = "public");
        builder.Services.AddControllers().AddApplicationPart(typeof(TestApp).Assembly);
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseMariachi();
        app.Use((http, next) =>
        {
            // Stands in for authentication: "X-Test-User: user|tenant|scopes".
            if (http.Request.Headers["X-Test-User"].ToString() is { Length: > 0 } raw)
            {
                var parts = raw.Split('|');
                http.User = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim("sub", parts[0]), new Claim("tenant_id", parts[1]), new Claim("scope", parts[2]), new Claim("sid", "s-1")],
                    "test"));
            }

            return next(http);
        });
        app.MapGet("/context", (Context ctx) => Describe(ctx));
        app.MapGet("/throw/{code}", ThrowFor);
        app.MapGet("/invoices", (Context ctx) => TenantScope.For<Invoice>(ctx).TenantId);
        app.MapGet("/invoices/dropped-tenant", () => TenantScope.For<Invoice>(Context.Create()).TenantId);
        app.MapPost("/minimal/orders", (TestOrder input) => input);
        app.MapControllers();
        await app.StartAsync();
        return new TestApp(app, logs);
    }

    private static string ThrowFor(string code) => throw code switch
    {
        "not-found" => (Exception)new NotFoundError(ErrorCodes.NotFound, "Order 42 does not exist."),
        "invalid" => new ValidationError(
            ErrorCodes.Validation.InvalidInput,
            "The input is invalid.",
            MariachiError.Meta(("errors", new Dictionary<string, string[]> { ["Total"] = ["Total must be positive."] }))),
        "database" => new DatabaseError(ErrorCodes.Database.Failure, "connection string has password=hunter2"),
        "billing" => new MariachiError("billing/card-declined", "Card declined."),
        "too-large" => new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge),
        _ => new InvalidOperationException("secret internals"),
    };

    public static object Describe(Context ctx) => new
    {
        ctx.TraceId,
        ctx.TenantId,
        ctx.UserId,
        ctx.Scopes,
        ctx.SessionId,
        ctx.Server,
        ctx.IdentityType,
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

[ApiController]
[Route("orders")]
public sealed class OrdersTestController : ControllerBase
{
    [HttpGet("context")]
    public object Get(Context ctx) => TestApp.Describe(ctx);

    [HttpPost]
    public TestOrder Create(TestOrder input) => input;

    [HttpGet("{id:guid}")]
    public Guid Find(Guid id) => id;

    [HttpGet]
    public int List([FromQuery] int page = 1) => page;
}

public sealed record TestOrder([Required, StringLength(100, MinimumLength = 1)] string Customer, [Range(0.01, 1000)] decimal Total);

/// <summary>Tenant data: reading it without a tenant fails with tenancy/missing-tenant.</summary>
public sealed class Invoice : TenantEntity;

internal sealed class RecordingLoggerProvider(ConcurrentQueue<(LogLevel, string, string, Exception?)> target) : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel, string, string, Exception?)> Target { get; } = target;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Target.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
