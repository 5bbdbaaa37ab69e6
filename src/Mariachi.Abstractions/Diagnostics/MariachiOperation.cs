using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mariachi.Diagnostics;

/// <summary>
/// One observed operation (a procedure call, an event publish or handling, a repository operation): its span when
/// spans are collected, and its duration (and count) recorded when it is disposed, by outcome: <c>ok</c>, or the
/// error code <see cref="Fail"/> was given. Made by the <see cref="MariachiTelemetry"/> <c>Start*</c> methods.
/// </summary>
public sealed class MariachiOperation : IDisposable
{
    private readonly Histogram<double> _duration;
    private readonly Counter<long>? _counter;
    private readonly long _started;
    private TagList _tags;
    private string _outcome = TelemetryNames.Ok;
    private string? _errorType;
    private int _ended;

    private MariachiOperation(Activity? activity, TagList tags, Histogram<double> duration, Counter<long>? counter)
    {
        Activity = activity;
        _tags = tags;
        _duration = duration;
        _counter = counter;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The operation's span, or null when no listener samples it (metrics are still recorded).</summary>
    public Activity? Activity { get; }

    /// <summary>
    /// Marks the operation failed: a <see cref="MariachiError"/> by its code (span status Error with the code,
    /// <c>mariachi.error.code</c>, <c>error.type</c>), a cancellation as <c>cancelled</c>, any other exception as
    /// <see cref="ErrorCodes.Internal"/> with its type as <c>error.type</c>.
    /// </summary>
    public void Fail(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var type = exception.GetType().FullName ?? exception.GetType().Name;
        var (code, errorType) = exception switch
        {
            MariachiError error => (error.Code, error.Code),
            OperationCanceledException => (null, type),
            _ => (ErrorCodes.Internal, type),
        };
        _outcome = code ?? TelemetryNames.Cancelled;
        _errorType = errorType;
        if (Activity is not { } activity)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, _outcome);
        activity.SetTag(TelemetryNames.ErrorType, errorType);
        if (code is not null)
        {
            activity.SetTag(TelemetryNames.ErrorCode, code);
        }

        activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
        {
            { "exception.type", type },
            { "exception.message", exception.Message },
        }));
    }

    /// <summary>Ends the span and records the duration (and count) with the outcome. Only the first call counts.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        Activity?.Dispose();
        _tags.Add(TelemetryNames.Outcome, _outcome);
        if (_errorType is not null)
        {
            _tags.Add(TelemetryNames.ErrorType, _errorType);
        }

        _duration.Record(seconds, _tags);
        _counter?.Add(1, _tags);
    }

    /// <summary>
    /// Starts the span (when a listener samples it) as the child of <paramref name="traceParent"/>, else of the current
    /// Activity when it is in the context's trace, else as a root in the context's trace: the span's trace id is always
    /// the context's. <paramref name="metricTags"/> go on both; the tenant goes on the span only (metrics stay small).
    /// </summary>
    internal static MariachiOperation Start(
        ActivityKind kind,
        string name,
        Context? context,
        string? traceParent,
        TagList metricTags,
        Histogram<double> duration,
        Counter<long>? counter)
    {
        Activity? activity = null;
        if (MariachiTelemetry.Source.HasListeners())
        {
            activity = MariachiTelemetry.Source.StartActivity(name, kind, Parent(context, traceParent), metricTags);
            if (activity is not null && context?.TenantId is { } tenant)
            {
                activity.SetTag(TelemetryNames.TenantId, tenant);
            }
        }

        return new MariachiOperation(activity, metricTags, duration, counter);
    }

    internal void SetSpanTag(string name, object? value) => Activity?.SetTag(name, value);

    private static ActivityContext Parent(Context? context, string? traceParent)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, traceState: null, isRemote: true, out var remote))
        {
            return remote;
        }

        // The current Activity is the parent when it belongs to the context's flow (default: StartActivity takes it).
        // No context is a bad call the operation itself reports: its span goes under the current Activity.
        if (context is null
            || (Activity.Current is { IdFormat: ActivityIdFormat.W3C } current && current.TraceId.ToHexString() == context.TraceId))
        {
            return default;
        }

        // A context made outside any Activity (or in another flow): a root span in the context's trace. No parent span
        // id, so exporters show it as a root; sampled, as nothing upstream decided otherwise.
        return new ActivityContext(ActivityTraceId.CreateFromString(context.TraceId), default, ActivityTraceFlags.Recorded, isRemote: true);
    }
}
