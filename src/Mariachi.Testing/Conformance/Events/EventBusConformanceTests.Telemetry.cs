using System.Diagnostics;
using Mariachi.Testing.Telemetry;

namespace Mariachi.Testing.Conformance;

/// <summary>Spans and metrics of events: what every adapter reports to the <c>Mariachi</c> source and meter.</summary>
public abstract partial class EventBusConformanceTests
{
    private const string Traced = "orders.order.traced";

    [Fact]
    public async Task Publishing_and_handling_are_traced_in_the_publishers_trace()
    {
        using var telemetry = new TelemetryRecorder();
        var handlerSpan = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var subscription = await Bus.SubscribeAsync<OrderPlaced>(Traced, (_, _, _) =>
        {
            handlerSpan.TrySetResult(Activity.Current?.SpanId.ToHexString());
            return Task.CompletedTask;
        });
        var publisher = Context.Create(tenantId: "tenant-traced", userId: "user-1");

        await Bus.PublishAsync(publisher, Traced, new OrderPlaced { OrderId = Guid.NewGuid(), Total = 1m });
        var handledIn = await handlerSpan.Task.WaitAsync(DeliveryTimeout);
        var spans = await telemetry.WaitForSpansAsync(publisher.TraceId, 2, DeliveryTimeout);

        var publish = Assert.Single(spans, s => s.Kind == ActivityKind.Producer);
        var process = Assert.Single(spans, s => s.Kind == ActivityKind.Consumer);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        Assert.Equal(process.SpanId.ToHexString(), handledIn);
        Assert.Equal("publish " + Traced, publish.DisplayName);
        Assert.Equal("process " + Traced, process.DisplayName);
        Assert.Equal("send", publish.GetTagItem("messaging.operation.type"));
        Assert.Equal("process", process.GetTagItem("messaging.operation.type"));
        Assert.Equal(1L, process.GetTagItem("mariachi.event.delivery"));
        foreach (var span in spans)
        {
            Assert.Equal(Traced, span.GetTagItem("messaging.destination.name"));
            Assert.Equal(Traced, span.GetTagItem("mariachi.event"));
            Assert.NotNull(span.GetTagItem("messaging.system"));
            Assert.Equal("tenant-traced", span.GetTagItem("mariachi.tenant_id"));
            Assert.Equal(ActivityStatusCode.Unset, span.Status);
        }
    }

    [Fact]
    public async Task A_failed_handling_is_an_error_span_and_counted_as_a_failure_while_the_publish_succeeds()
    {
        const string failing = "orders.order.measured";
        using var telemetry = new TelemetryRecorder();
        await using var subscription = await Bus.SubscribeAsync<OrderPlaced>(failing, (_, _, _) =>
            Task.FromException(new ConflictError(ErrorCodes.Conflict.Concurrency, "The order changed meanwhile.")));
        var publisher = Context.Create(tenantId: "tenant-traced");

        await Bus.PublishAsync(publisher, failing, new OrderPlaced { OrderId = Guid.NewGuid(), Total = 1m });
        var spans = await telemetry.WaitForSpansAsync(publisher.TraceId, 2, DeliveryTimeout);
        var consumed = await telemetry.WaitForMeasurementsAsync("messaging.client.consumed.messages", "messaging.destination.name", failing, 1, DeliveryTimeout);
        var sent = telemetry.Measurements("messaging.client.sent.messages", "messaging.destination.name", failing);

        var process = spans.First(s => s.Kind == ActivityKind.Consumer);
        Assert.Equal(ActivityStatusCode.Error, process.Status);
        Assert.Equal(ErrorCodes.Conflict.Concurrency, process.GetTagItem("mariachi.error.code"));
        Assert.Equal(ActivityStatusCode.Unset, Assert.Single(spans, s => s.Kind == ActivityKind.Producer).Status);
        Assert.Equal(ErrorCodes.Conflict.Concurrency, consumed[0].Tag("mariachi.outcome"));
        Assert.Equal(ErrorCodes.Conflict.Concurrency, consumed[0].Tag("error.type"));
        Assert.Equal("ok", Assert.Single(sent).Tag("mariachi.outcome"));
        Assert.Contains(telemetry.Measurements("messaging.process.duration", "messaging.destination.name", failing), m => m.Unit == "s");
        Assert.Contains(telemetry.Measurements("messaging.client.operation.duration", "messaging.destination.name", failing), m => m.Unit == "s");
    }
}
