using System.Diagnostics;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Mariachi.OpenTelemetry.Tests;

/// <summary>The spans of an in-process call as an OpenTelemetry exporter receives them, after AddMariachiInstrumentation.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task AddMariachiInstrumentation_exports_the_callers_and_the_handlers_span_of_a_call_in_the_contexts_trace()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddMariachiInstrumentation().AddInMemoryExporter(exported).Build();
        var communication = new InProcessCommunication();
        communication.Register<string, string>("otel.greet", (_, name) => ValueTask.FromResult($"hello {name}"));
        var caller = Context.Create(tenantId: "tenant-o", userId: "user-o");

        Assert.Equal("hello ana", await communication.CallAsync<string>("otel.greet", caller, "ana"));

        var client = Assert.Single(exported, s => s.Kind == ActivityKind.Client);
        var server = Assert.Single(exported, s => s.Kind == ActivityKind.Server);
        Assert.Equal(caller.TraceId, client.TraceId.ToHexString());
        Assert.Equal(caller.TraceId, server.TraceId.ToHexString());
        Assert.Equal(default, client.ParentSpanId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal("Mariachi", client.Source.Name);
        Assert.Equal(
            [("mariachi.procedure", "otel.greet"), ("mariachi.tenant_id", "tenant-o"), ("rpc.method", "otel.greet"), ("rpc.system", "mariachi")],
            server.TagObjects.Select(t => (t.Key, (string)t.Value!)).Order());
    }

    [Fact]
    public async Task A_MariachiError_sets_the_span_status_to_error_with_its_code()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddMariachiInstrumentation().AddInMemoryExporter(exported).Build();
        var communication = new InProcessCommunication();
        communication.Register<string, string>("otel.refuse", (_, _) => ValueTask.FromException<string>(new AuthError(ErrorCodes.Auth.Forbidden, "Not yours.")));
        var caller = Context.Create(tenantId: "tenant-o");

        await Assert.ThrowsAsync<AuthError>(() => communication.CallAsync<string>("otel.refuse", caller, "x").AsTask());

        Assert.Equal(2, exported.Count);
        Assert.All(exported, span =>
        {
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal(ErrorCodes.Auth.Forbidden, span.StatusDescription);
            Assert.Equal(ErrorCodes.Auth.Forbidden, span.GetTagItem("mariachi.error.code"));
            Assert.Equal("Not yours.", Assert.Single(span.Events).Tags.Single(t => t.Key == "exception.message").Value);
        });
    }

    [Fact]
    public async Task A_call_made_inside_a_span_of_the_contexts_trace_is_its_child()
    {
        var exported = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Test").AddMariachiInstrumentation().AddInMemoryExporter(exported).Build();
        using var source = new ActivitySource("Test");
        var communication = new InProcessCommunication();
        communication.Register<string, string>("otel.inner", (_, name) => ValueTask.FromResult(name));

        string parentSpan;
        Context caller;
        using (var outer = source.StartActivity("outer")!)
        {
            parentSpan = outer.SpanId.ToHexString();
            caller = Context.Create(tenantId: "tenant-o");
            await communication.CallAsync<string>("otel.inner", caller, "x");
        }

        var client = Assert.Single(exported, s => s.Kind == ActivityKind.Client);
        Assert.Equal(caller.TraceId, client.TraceId.ToHexString());
        Assert.Equal(parentSpan, client.ParentSpanId.ToHexString());
    }
}
