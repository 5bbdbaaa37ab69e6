using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;
using Mariachi.Diagnostics;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>
/// What observing costs a call: the in-process call of <see cref="DispatchBenchmarks"/> with nobody listening to the
/// Mariachi source and meter (the usual path behind one listener check), with a meter listener only, and with an
/// activity listener that records every span as well. The listeners stand in for OpenTelemetry's, without an
/// exporter: what is measured is Mariachi's part. The check alone is a row of its own.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private readonly CreateOrder _input = new("Ana", 42.50m);
    private readonly Context _context = Context.Create(tenantId: "acme", userId: "ana");
    private ICommunication _communication = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    public enum Listening
    {
        Nobody,
        Metrics,
        SpansAndMetrics,
    }

    [Params(Listening.Nobody, Listening.Metrics, Listening.SpansAndMetrics)]
    public Listening Listener { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var communication = new InProcessCommunication();
        communication.Register(OrderService.Create, new OrderService().CreateAsync);
        _communication = communication;
        if (Listener != Listening.Nobody)
        {
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
            _meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
            _meters.Start();
        }

        if (Listener == Listening.SpansAndMetrics)
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = source => source.Name == MariachiTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(_activities);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _activities?.Dispose();
        _meters?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "CallAsync by handle")]
    public ValueTask<OrderCreated> CallAsyncByHandle() => _communication.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by name")]
    public ValueTask<OrderCreated> CallAsyncByName() => _communication.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "The listener check alone")]
    public bool ListenerCheck() => MariachiTelemetry.ProceduresObserved;
}
