using System.Diagnostics;
using Mariachi.Communication;
using Mariachi.Testing.Telemetry;

namespace Mariachi.Testing.Conformance;

/// <summary>Spans and metrics of procedure calls: what every adapter reports to the <c>Mariachi</c> source and meter.</summary>
public abstract partial class CommunicationConformanceTests
{
    /// <summary>How long to wait for the handling side's span, which may end after the caller has its reply.</summary>
    protected virtual TimeSpan TelemetryTimeout => TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_call_is_traced_by_the_caller_and_the_handler_in_the_contexts_trace()
    {
        using var telemetry = new TelemetryRecorder();
        string? handlerSpan = null;
        Communication.Register<EchoInput, EchoOutput>("conformance.traced", (context, input) =>
        {
            handlerSpan = Activity.Current?.SpanId.ToHexString();
            return Task.FromResult(Echo(context, input));
        });
        var caller = Context.Create(tenantId: "tenant-traced", userId: "user-1");

        var output = await Communication.CallAsync<EchoOutput>("conformance.traced", caller, new EchoInput { Text = "a" });
        var spans = await telemetry.WaitForSpansAsync(caller.TraceId, 2, TelemetryTimeout);

        var client = Assert.Single(spans, s => s.Kind == ActivityKind.Client);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal(caller.TraceId, output.TraceId);
        Assert.Equal(client.SpanId, server.ParentSpanId);
        Assert.Equal(server.SpanId.ToHexString(), handlerSpan);
        foreach (var span in new[] { client, server })
        {
            Assert.Equal("conformance.traced", span.DisplayName);
            Assert.Equal("mariachi", span.GetTagItem("rpc.system"));
            Assert.Equal("conformance.traced", span.GetTagItem("rpc.method"));
            Assert.Equal("conformance.traced", span.GetTagItem("mariachi.procedure"));
            Assert.Equal("tenant-traced", span.GetTagItem("mariachi.tenant_id"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }
    }

    [Fact]
    public async Task A_failed_call_sets_the_error_status_with_its_code_on_both_sides()
    {
        using var telemetry = new TelemetryRecorder();
        Communication.Register<EchoInput, EchoOutput>("conformance.traced-failure", (_, input) =>
            Task.FromException<EchoOutput>(new ConflictError(ErrorCodes.Conflict.Concurrency, $"{input.Text} changed meanwhile.")));
        var caller = Context.Create(tenantId: "tenant-traced");

        await Assert.ThrowsAsync<ConflictError>(() => Communication.CallAsync<EchoOutput>("conformance.traced-failure", caller, new EchoInput { Text = "a" }).AsTask());
        var spans = await telemetry.WaitForSpansAsync(caller.TraceId, 2, TelemetryTimeout);

        Assert.Equal([ActivityKind.Server, ActivityKind.Client], spans.Select(s => s.Kind).Order());
        foreach (var span in spans)
        {
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal(ErrorCodes.Conflict.Concurrency, span.StatusDescription);
            Assert.Equal(ErrorCodes.Conflict.Concurrency, span.GetTagItem("mariachi.error.code"));
            Assert.Equal(ErrorCodes.Conflict.Concurrency, span.GetTagItem("error.type"));
        }
    }

    [Fact]
    public async Task Calls_are_measured_in_seconds_by_procedure_and_outcome_on_both_sides()
    {
        using var telemetry = new TelemetryRecorder();
        Communication.Register<EchoInput, EchoOutput>("conformance.measured", (context, input) => input.Times == 0
            ? Task.FromException<EchoOutput>(new ValidationError(ErrorCodes.Validation.InvalidInput, "Times is 0."))
            : Task.FromResult(Echo(context, input)));

        await Communication.CallAsync<EchoOutput>("conformance.measured", Caller, new EchoInput { Text = "a" });
        await Communication.CallAsync<EchoOutput>("conformance.measured", Caller, new EchoInput { Text = "b" });
        await Assert.ThrowsAsync<ValidationError>(() => Communication.CallAsync<EchoOutput>("conformance.measured", Caller, new EchoInput { Text = "c", Times = 0 }).AsTask());

        foreach (var instrument in new[] { "rpc.client.duration", "rpc.server.duration" })
        {
            var measured = await telemetry.WaitForMeasurementsAsync(instrument, "mariachi.procedure", "conformance.measured", 3, TelemetryTimeout);
            Assert.Equal(
                ["ok", "ok", ErrorCodes.Validation.InvalidInput],
                measured.Select(m => (string)m.Tag("mariachi.outcome")!).OrderBy(o => o == "ok" ? 0 : 1));
            Assert.All(measured, m => Assert.Equal("s", m.Unit));
            Assert.All(measured, m => Assert.InRange(m.Value, 0, TelemetryTimeout.TotalSeconds));
            Assert.All(measured, m => Assert.Equal("mariachi", m.Tag("rpc.system")));
            Assert.Equal(ErrorCodes.Validation.InvalidInput, Assert.Single(measured, m => m.Tag("error.type") is not null).Tag("error.type"));
        }
    }
}
