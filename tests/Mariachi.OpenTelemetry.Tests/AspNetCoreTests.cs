using System.Diagnostics;
using Mariachi.AspNetCore;
using Mariachi.Communication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Mariachi.OpenTelemetry.Tests;

/// <summary>The request's Activity and the request's Context agree, so Mariachi's spans hang under the request's span.</summary>
public sealed class AspNetCoreTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Theory]
    [InlineData(null)]
    [InlineData(TraceParent)]
    public async Task The_request_context_is_in_the_request_activitys_trace_and_the_calls_spans_are_its_children(string? traceParent)
    {
        var exported = new List<Activity>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddMariachi();
        builder.Services.AddMariachiAspNetCore();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing
            .AddAspNetCoreInstrumentation()
            .AddMariachiInstrumentation()
            .AddInMemoryExporter(exported));
        await using var app = builder.Build();
        app.UseMariachi();
        app.Services.GetRequiredService<ICommunication>().Register<string, string>("otel.echo", (context, _) => ValueTask.FromResult(context.TraceId));
        app.MapGet("/trace", async (HttpContext http, ICommunication communication) =>
            await communication.CallAsync<string>("otel.echo", http.GetMariachiContext(), "x"));
        await app.StartAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/trace");
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        var handlerTraceId = await (await app.GetTestClient().SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        await app.StopAsync();

        var incoming = Assert.Single(exported, s => s.Source.Name == "Microsoft.AspNetCore");
        var client = Assert.Single(exported, s => s.Source.Name == "Mariachi" && s.Kind == ActivityKind.Client);
        Assert.Equal(incoming.TraceId.ToHexString(), handlerTraceId);
        Assert.Equal(incoming.SpanId, client.ParentSpanId);
        if (traceParent is not null)
        {
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", handlerTraceId);
        }
    }
}
