using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Adapters.InMemory.Data;
using Mariachi.Communication;
using Mariachi.Data;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Mariachi.OpenTelemetry.Tests;

/// <summary>The metrics an OpenTelemetry exporter receives after AddMariachiInstrumentation.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Call_durations_are_histograms_in_seconds_counted_by_procedure_and_outcome()
    {
        var exported = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMariachiInstrumentation().AddInMemoryExporter(exported).Build();
        var communication = new InProcessCommunication();
        communication.Register<int, int>("otel.half", (_, value) => value % 2 == 0
            ? ValueTask.FromResult(value / 2)
            : ValueTask.FromException<int>(new ValidationError(ErrorCodes.Validation.InvalidInput, "Odd.")));
        var caller = Context.Create(tenantId: "tenant-m");

        await communication.CallAsync<int>("otel.half", caller, 2);
        await communication.CallAsync<int>("otel.half", caller, 4);
        await Assert.ThrowsAsync<ValidationError>(() => communication.CallAsync<int>("otel.half", caller, 3).AsTask());
        meters.ForceFlush();

        foreach (var name in new[] { "rpc.client.duration", "rpc.server.duration" })
        {
            var metric = Assert.Single(exported, m => m.Name == name);
            Assert.Equal(MetricType.Histogram, metric.MetricType);
            Assert.Equal("s", metric.Unit);
            Assert.Equal(
                [("ok", 2L), (ErrorCodes.Validation.InvalidInput, 1L)],
                CountsByOutcome(metric, "mariachi.procedure", "otel.half").OrderBy(c => c.Outcome == "ok" ? 0 : 1));
            Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, double.PositiveInfinity], Bounds(metric));
        }
    }

    [Fact]
    public async Task Repository_operations_are_measured_as_db_client_operation_duration()
    {
        var exported = new List<MetricSnapshot>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMariachiInstrumentation().AddInMemoryExporter(exported).Build();
        var repository = new InMemoryRepository<Note>();
        var caller = Context.Create(tenantId: "tenant-m");

        var note = await repository.CreateAsync(caller, new Note());
        await repository.FindByIdAsync(caller, note.Id);
        await repository.FindByIdAsync(caller, Guid.NewGuid());
        meters.ForceFlush();

        var metric = Assert.Single(exported, m => m.Name == "db.client.operation.duration");
        Assert.Equal("s", metric.Unit);
        Assert.Equal([("ok", 2L)], CountsByOutcome(metric, "db.operation.name", "find"));
        Assert.Equal([("ok", 1L)], CountsByOutcome(metric, "db.operation.name", "create"));
    }

    private static IEnumerable<(string Outcome, long Count)> CountsByOutcome(MetricSnapshot metric, string key, string value)
    {
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            if (Equals(tags.GetValueOrDefault(key), value))
            {
                yield return ((string)tags["mariachi.outcome"]!, point.GetHistogramCount());
            }
        }
    }

    /// <summary>The buckets' upper bounds: in seconds, as the instrument advises (OpenTelemetry's defaults are for milliseconds).</summary>
    private static List<double> Bounds(MetricSnapshot metric)
    {
        var bounds = new List<double>();
        foreach (var bucket in metric.MetricPoints[0].GetHistogramBuckets())
        {
            bounds.Add(bucket.ExplicitBound);
        }

        return bounds;
    }

    private sealed class Note : BaseEntity;
}
