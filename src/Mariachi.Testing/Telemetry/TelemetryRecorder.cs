using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mariachi.Diagnostics;

namespace Mariachi.Testing.Telemetry;

/// <summary>
/// Records the spans and measurements of Mariachi's <see cref="ActivitySource"/> and <see cref="Meter"/> while it
/// lives, with the plain .NET listeners (no OpenTelemetry SDK needed). Listeners are process-wide: tests running in
/// parallel record too, so a test reads its own spans by its context's trace id and its own measurements by a
/// name only it uses.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MariachiTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == MariachiTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>The ended spans of the trace <paramref name="traceId"/>, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans(string traceId) =>
        _spans.Where(s => s.TraceId.ToHexString() == traceId).ToArray();

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="count"/> ended spans of the trace (another process's reply may come first).</summary>
    public Task<IReadOnlyList<Activity>> WaitForSpansAsync(string traceId, int count, TimeSpan timeout) =>
        WaitAsync(() => Spans(traceId), count, timeout);

    /// <summary>The measurements of instrument <paramref name="instrument"/> that carry tag <paramref name="tag"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Measurement> Measurements(string instrument, string tag, string value) =>
        _measurements.Where(m => m.Instrument == instrument && Equals(m.Tag(tag), value)).ToArray();

    /// <summary>Waits up to <paramref name="timeout"/> for <paramref name="count"/> such measurements.</summary>
    public Task<IReadOnlyList<Measurement>> WaitForMeasurementsAsync(string instrument, string tag, string value, int count, TimeSpan timeout) =>
        WaitAsync(() => Measurements(instrument, tag, value), count, timeout);

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private static async Task<IReadOnlyList<T>> WaitAsync<T>(Func<IReadOnlyList<T>> read, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (read().Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        return read();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray()));

    /// <summary>One recorded value with its instrument's name and unit and its tags.</summary>
    public sealed class Measurement(string instrument, string? unit, double value, IReadOnlyList<KeyValuePair<string, object?>> tags)
    {
        public string Instrument { get; } = instrument;

        public string? Unit { get; } = unit;

        public double Value { get; } = value;

        public IReadOnlyList<KeyValuePair<string, object?>> Tags { get; } = tags;

        /// <summary>The value of tag <paramref name="name"/>, or null.</summary>
        public object? Tag(string name) => Tags.FirstOrDefault(t => t.Key == name).Value;
    }
}
