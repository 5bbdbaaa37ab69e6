using System.Diagnostics;
using Mariachi.Testing.Telemetry;

namespace Mariachi.Testing.Conformance;

/// <summary>Spans and metrics of repository operations: what every adapter reports to the <c>Mariachi</c> source and meter.</summary>
public abstract partial class RepositoryConformanceTests
{
    [Fact]
    public async Task Operations_are_traced_in_the_callers_trace_with_the_database_conventions()
    {
        using var telemetry = new TelemetryRecorder();
        var caller = Context.Create("tenant-a", "user-a");

        var created = await Items.CreateAsync(caller, NewItem("traced"));
        await Items.FindByIdAsync(caller, created.Id);
        var missing = Clone(created);
        missing.Id = Guid.NewGuid();
        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(caller, missing));

        var spans = telemetry.Spans(caller.TraceId);
        Assert.Equal(["create", "find", "update"], spans.Select(s => s.GetTagItem("db.operation.name")));
        var collection = Assert.IsType<string>(spans[0].GetTagItem("db.collection.name"));
        foreach (var span in spans)
        {
            Assert.Equal(ActivityKind.Client, span.Kind);
            Assert.Equal($"{span.GetTagItem("db.operation.name")} {collection}", span.DisplayName);
            Assert.Equal(collection, span.GetTagItem("db.collection.name"));
            Assert.False(string.IsNullOrEmpty(span.GetTagItem("db.system.name") as string));
            Assert.Equal("tenant-a", span.GetTagItem("mariachi.tenant_id"));
        }

        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Unset, ActivityStatusCode.Error], spans.Select(s => s.Status));
        Assert.Equal(ErrorCodes.NotFound, spans[2].GetTagItem("mariachi.error.code"));
        var durations = telemetry.Measurements("db.client.operation.duration", "db.collection.name", collection);
        Assert.Contains(durations, m => m.Unit == "s" && Equals(m.Tag("db.operation.name"), "update") && Equals(m.Tag("mariachi.outcome"), ErrorCodes.NotFound));
        Assert.Contains(durations, m => Equals(m.Tag("db.operation.name"), "create") && Equals(m.Tag("mariachi.outcome"), "ok"));
    }
}
