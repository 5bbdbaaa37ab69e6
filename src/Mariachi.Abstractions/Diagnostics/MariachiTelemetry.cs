using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Mariachi.Diagnostics;

/// <summary>
/// The traces and metrics of Mariachi: one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named
/// <see cref="SourceName"/>, and the spans every adapter opens for procedure calls, events and repository operations
/// (OpenTelemetry semantic conventions, plus <c>mariachi.*</c> attributes). Adapters call the <c>Start*</c> methods;
/// each returns null when nobody listens, so an unobserved operation costs a null check.
/// </summary>
/// <remarks>
/// The span of an operation always carries the trace id of its <see cref="Context"/>: it is the child of the current
/// Activity when that Activity is in the context's trace, else a root in the context's trace. A context created
/// inside an Activity (an ASP.NET Core request, a handler's span) takes that Activity's trace id already.
/// </remarks>
public static class MariachiTelemetry
{
    /// <summary>The name of Mariachi's <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "Mariachi";

    /// <summary>The name of Mariachi's <see cref="Meter"/>.</summary>
    public const string MeterName = "Mariachi";

    // One source and one meter per process, as .NET libraries do: listeners (OpenTelemetry) find them by name.
    internal static readonly ActivitySource Source = new(SourceName, typeof(MariachiTelemetry).Assembly.GetName().Version?.ToString());
    internal static readonly Meter Meter = new(MeterName, typeof(MariachiTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The semantic conventions' buckets for durations in seconds (OpenTelemetry's default ones are for milliseconds).</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    internal static readonly Histogram<double> ClientDuration = Seconds(TelemetryNames.RpcClientDuration, "Duration of Mariachi procedure calls, as the caller sees them.");

    internal static readonly Histogram<double> ServerDuration = Seconds(TelemetryNames.RpcServerDuration, "Duration of Mariachi procedure calls where they are handled (middleware and handler).");

    internal static readonly Histogram<double> PublishDuration = Seconds(TelemetryNames.MessagingClientOperationDuration, "Duration of Mariachi event publishes.");

    internal static readonly Counter<long> SentMessages = Meter.CreateCounter<long>(
        TelemetryNames.MessagingSentMessages, "{message}", "Mariachi events published (failures carry error.type).");

    internal static readonly Histogram<double> ProcessDuration = Seconds(TelemetryNames.MessagingProcessDuration, "Duration of Mariachi event handling, one per delivery to a subscriber.");

    internal static readonly Counter<long> ConsumedMessages = Meter.CreateCounter<long>(
        TelemetryNames.MessagingConsumedMessages, "{message}", "Mariachi event deliveries handled (failures carry error.type).");

    internal static readonly Histogram<double> DbDuration = Seconds(TelemetryNames.DbClientOperationDuration, "Duration of Mariachi repository operations.");

    /// <summary>True when spans or metrics of procedure calls are collected.</summary>
    public static bool ProceduresObserved
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Source.HasListeners() || ClientDuration.Enabled || ServerDuration.Enabled;
    }

    /// <summary>The caller's side of a procedure call (span kind Client; <c>rpc.client.duration</c>).</summary>
    public static MariachiOperation? StartProcedureClient(string procedure, Context context) =>
        Source.HasListeners() || ClientDuration.Enabled
            ? StartProcedure(ActivityKind.Client, ClientDuration, procedure, context, traceParent: null)
            : null;

    /// <summary>
    /// The handling side of a procedure call (span kind Server; <c>rpc.server.duration</c>), around middleware and
    /// handler. <paramref name="traceParent"/> is the caller's W3C <c>traceparent</c> when the call came from another
    /// process: the span is then its child.
    /// </summary>
    public static MariachiOperation? StartProcedureServer(string procedure, Context context, string? traceParent = null) =>
        Source.HasListeners() || ServerDuration.Enabled
            ? StartProcedure(ActivityKind.Server, ServerDuration, procedure, context, traceParent)
            : null;

    /// <summary>
    /// Publishing an event (span kind Producer, <c>publish {event}</c>; <c>messaging.client.*</c>). The
    /// <c>messaging.system</c> <paramref name="system"/> is <c>mariachi</c> in process, <c>nats</c> over NATS.
    /// </summary>
    public static MariachiOperation? StartEventPublish(string system, string eventName, Context context)
    {
        if (!Source.HasListeners() && !PublishDuration.Enabled && !SentMessages.Enabled)
        {
            return null;
        }

        var tags = EventTags(system, eventName, TelemetryNames.Send, TelemetryNames.Publish, group: null);
        return MariachiOperation.Start(ActivityKind.Producer, "publish " + eventName, context, traceParent: null, tags, PublishDuration, SentMessages);
    }

    /// <summary>
    /// Handling one delivery of an event by one subscriber (span kind Consumer, <c>process {event}</c>;
    /// <c>messaging.process.duration</c>, <c>messaging.client.consumed.messages</c>). <paramref name="delivery"/> counts
    /// from 1; a redelivery is 2 or more. <paramref name="traceParent"/> is the publisher's when the event came from
    /// another process.
    /// </summary>
    public static MariachiOperation? StartEventProcess(
        string system,
        string eventName,
        Context context,
        string? consumerGroup = null,
        long delivery = 1,
        string? traceParent = null)
    {
        if (!Source.HasListeners() && !ProcessDuration.Enabled && !ConsumedMessages.Enabled)
        {
            return null;
        }

        var tags = EventTags(system, eventName, TelemetryNames.Process, TelemetryNames.Process, consumerGroup);
        var operation = MariachiOperation.Start(ActivityKind.Consumer, "process " + eventName, context, traceParent, tags, ProcessDuration, ConsumedMessages);
        operation.SetSpanTag(TelemetryNames.EventDelivery, delivery);
        return operation;
    }

    /// <summary>
    /// A repository operation (span kind Client, <c>{operation} {collection}</c>; <c>db.client.operation.duration</c>):
    /// <paramref name="system"/> is the <c>db.system.name</c> (<c>postgresql</c>, <c>sqlite</c>, <c>mariachi.in_memory</c>),
    /// <paramref name="operation"/> the <c>db.operation.name</c> (<c>find</c>, <c>query</c>, <c>create</c>, ...),
    /// <paramref name="collection"/> the <c>db.collection.name</c> (the table, or the entity type's name).
    /// </summary>
    public static MariachiOperation? StartRepository(string system, string operation, string collection, Context context)
    {
        if (!Source.HasListeners() && !DbDuration.Enabled)
        {
            return null;
        }

        var tags = new TagList
        {
            { TelemetryNames.DbSystem, system },
            { TelemetryNames.DbOperation, operation },
            { TelemetryNames.DbCollection, collection },
        };
        return MariachiOperation.Start(ActivityKind.Client, operation + " " + collection, context, traceParent: null, tags, DbDuration, counter: null);
    }

    /// <summary>A duration histogram in seconds, with its buckets as advice to the SDK (.NET 9 and later can give it).</summary>
    private static Histogram<double> Seconds(string name, string description) =>
#if NET9_0_OR_GREATER
        Meter.CreateHistogram(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
#else
        Meter.CreateHistogram<double>(name, "s", description);
#endif

    private static MariachiOperation StartProcedure(ActivityKind kind, Histogram<double> duration, string procedure, Context context, string? traceParent)
    {
        var tags = new TagList
        {
            { TelemetryNames.RpcSystem, TelemetryNames.MariachiSystem },
            { TelemetryNames.RpcMethod, procedure },
            { TelemetryNames.Procedure, procedure },
        };
        return MariachiOperation.Start(kind, procedure, context, traceParent, tags, duration, counter: null);
    }

    private static TagList EventTags(string system, string eventName, string operationType, string operationName, string? group)
    {
        var tags = new TagList
        {
            { TelemetryNames.MessagingSystem, system },
            { TelemetryNames.MessagingOperationType, operationType },
            { TelemetryNames.MessagingOperationName, operationName },
            { TelemetryNames.MessagingDestination, eventName },
            { TelemetryNames.Event, eventName },
        };
        if (group is not null)
        {
            tags.Add(TelemetryNames.MessagingConsumerGroup, group);
        }

        return tags;
    }
}
