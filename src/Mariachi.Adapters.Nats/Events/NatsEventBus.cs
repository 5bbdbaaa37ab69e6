using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mariachi.Adapters.Nats.Wire;
using Mariachi.Diagnostics;
using Mariachi.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Events;

/// <summary>
/// Events over NATS. An event <c>orders.order.placed</c> travels on subject <c>{Events.SubjectPrefix}.orders.order.placed</c>
/// with the publisher's context in headers.
/// <para>
/// Publishing: with JetStream (the default) the event is stored in the stream <c>Events.StreamName</c> (created when
/// missing) and <see cref="PublishAsync{T}"/> returns once the server acknowledged it; without, it is a core NATS
/// publish. Subscribers never fail the publisher.
/// </para>
/// <para>
/// Subscribing: without a durable name, a core NATS subscription (at most once; a
/// <see cref="EventSubscriptionOptions.Group"/> is a queue group, so the group's members share the events). With
/// <see cref="EventSubscriptionOptions.DurableName"/>, a JetStream durable consumer: the event is acknowledged after
/// the handler succeeds and delivered again after <c>Events.RedeliveryDelay</c> when it fails (up to
/// <c>Events.MaxDeliver</c> times); events published while no instance runs are delivered when one subscribes again;
/// instances using the same durable name share the events. Handlers of one subscription run one event at a time.
/// </para>
/// </summary>
public sealed partial class NatsEventBus : IEventBus, IAsyncDisposable
{
    /// <summary>The <c>messaging.system</c> of this bus's spans and metrics.</summary>
    private const string MessagingSystem = "nats";

    private readonly INatsConnection _connection;
    private readonly MariachiNatsEventOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly INatsJSContext _jetStream;
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();
    private readonly object _streamLock = new();
    private Task? _stream;
    private int _disposed;

    /// <summary>
    /// Creates the bus over <paramref name="connection"/>, which stays owned by the caller. Throws
    /// <see cref="ConfigError"/> for invalid options. <paramref name="logger"/> also backs the logger of the contexts
    /// that subscribers receive; <paramref name="timeProvider"/> times the pause before a failed consumer loop
    /// resumes and the progress reports of long durable handlers.
    /// </summary>
    public NatsEventBus(
        INatsConnection connection,
        MariachiNatsOptions? options = null,
        ILogger<NatsEventBus>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new MariachiNatsOptions();
        options.Validate();
        _connection = connection;
        _options = options.Events;
        _json = options.JsonSerializerOptions;
        _logger = logger ?? NullLogger<NatsEventBus>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _jetStream = connection.CreateJetStreamContext();
    }

    public async Task PublishAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        EventName.EnsureValid(name);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        // Open around the publish, so the traceparent sent is the publish span's.
        using var operation = MariachiTelemetry.StartEventPublish(MessagingSystem, name, context);
        try
        {
            await PublishCoreAsync(context, name, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (operation is not null)
        {
            operation.Fail(exception);
            throw;
        }
    }

    private async Task PublishCoreAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = payload is null ? [] : JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), _json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            var type = WireTypes.NameOf(payload!.GetType());
            throw new EventsError(
                ErrorCodes.Communication.Serialization,
                $"Could not serialize the payload of event '{name}' ({type}): {exception.Message}",
                MariachiError.Meta(("event", name), ("type", type), ("direction", "serialize")),
                exception);
        }

        var headers = new NatsHeaders();
        WireHeaders.WriteContext(headers, context, procedure: null);
        headers[WireHeaders.Type] = WireTypes.NameOfValue(payload);
        try
        {
            if (_options.UseJetStream)
            {
                await EnsureStreamAsync(cancellationToken).ConfigureAwait(false);
                var ack = await _jetStream.PublishAsync(Subject(name), body, NatsRawSerializer<byte[]>.Default, headers: headers, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                ack.EnsureSuccess();
            }
            else
            {
                await _connection.PublishAsync(Subject(name), body, headers, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
            }
        }
        catch (NatsException exception)
        {
            throw new EventsError(
                ErrorCodes.Events.Unavailable,
                $"Event '{name}' could not be published to NATS: {exception.Message}",
                MariachiError.Meta(("event", name)),
                exception);
        }
    }

    public async Task<IEventSubscription> SubscribeAsync<T>(
        string name,
        Func<Context, T, CancellationToken, Task> handler,
        EventSubscriptionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        EventName.EnsureValid(name);
        ArgumentNullException.ThrowIfNull(handler);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

        Subscription subscription = options?.DurableName is { } durable
            ? await SubscribeDurableAsync(name, durable, handler, cancellationToken).ConfigureAwait(false)
            : await SubscribeCoreAsync(name, options?.Group, handler, cancellationToken).ConfigureAwait(false);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    /// <summary>Stops every subscription of this bus (durable consumers stay on the server).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var subscription in _subscriptions.Keys)
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The name of the JetStream consumer behind a durable subscription to <paramref name="eventName"/>.</summary>
    public static string ConsumerName(string durableName, string eventName)
    {
        ArgumentNullException.ThrowIfNull(durableName);
        ArgumentNullException.ThrowIfNull(eventName);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventName)), 0, 4).ToLowerInvariant();
        return $"{durableName}_{eventName.Replace('.', '_')}_{hash}";
    }

    private string Subject(string name) => _options.SubjectPrefix + "." + name;

    private async Task<Subscription> SubscribeCoreAsync<T>(
        string name,
        string? group,
        Func<Context, T, CancellationToken, Task> handler,
        CancellationToken cancellationToken)
    {
        if (group is not null && (group.Length == 0 || group.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException("A group name is a non-empty word without spaces.", nameof(group));
        }

        try
        {
            var sub = await _connection.SubscribeCoreAsync(Subject(name), group, NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return new CoreSubscription<T>(this, name, group, handler, sub);
        }
        catch (NatsException exception)
        {
            throw Unavailable(name, exception);
        }
    }

    private async Task<Subscription> SubscribeDurableAsync<T>(
        string name,
        string durable,
        Func<Context, T, CancellationToken, Task> handler,
        CancellationToken cancellationToken)
    {
        if (!_options.UseJetStream)
        {
            throw new ConfigError(
                ErrorCodes.Config.Invalid,
                $"A durable subscription to '{name}' needs JetStream, but the NATS adapter runs with Events.UseJetStream = false.",
                MariachiError.Meta(("key", "Nats:Events.UseJetStream"), ("event", name)));
        }

        if (!MariachiNatsOptions.BucketPattern().IsMatch(durable))
        {
            throw new EventsError(
                ErrorCodes.Events.InvalidName,
                $"'{durable}' is not a valid durable name: use letters, digits, '-' or '_'.",
                MariachiError.Meta(("event", name), ("durable", durable)));
        }

        try
        {
            await EnsureStreamAsync(cancellationToken).ConfigureAwait(false);
            var consumerName = ConsumerName(durable, name);
            var consumer = await _jetStream.CreateOrUpdateConsumerAsync(
                    _options.StreamName,
                    new ConsumerConfig(consumerName)
                    {
                        DurableName = consumerName,
                        Description = $"Mariachi durable subscriber '{durable}' of event '{name}'",
                        FilterSubject = Subject(name),
                        AckPolicy = ConsumerConfigAckPolicy.Explicit,
                        AckWait = _options.AckWait,
                        MaxDeliver = _options.MaxDeliver,
                        DeliverPolicy = _options.DurableStartsWithNewEvents ? ConsumerConfigDeliverPolicy.New : ConsumerConfigDeliverPolicy.All,
                    },
                    cancellationToken)
                .ConfigureAwait(false);
            return new DurableSubscription<T>(this, name, durable, handler, consumer);
        }
        catch (NatsException exception)
        {
            throw Unavailable(name, exception);
        }
    }

    private static EventsError Unavailable(string name, Exception exception) => new(
        ErrorCodes.Events.Unavailable,
        $"Could not subscribe to event '{name}' on NATS: {exception.Message}",
        MariachiError.Meta(("event", name)),
        exception);

    private Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        Task stream;
        lock (_streamLock)
        {
            if (_stream is null || _stream.IsFaulted || _stream.IsCanceled)
            {
                _stream = CreateStreamIfMissingAsync();
            }

            stream = _stream;
        }

        return stream.WaitAsync(cancellationToken);
    }

    private async Task CreateStreamIfMissingAsync()
    {
        try
        {
            await _jetStream.GetStreamAsync(_options.StreamName).ConfigureAwait(false);
            return;
        }
        catch (NatsJSApiException exception) when (exception.Error.Code == 404)
        {
            // Missing: create it below.
        }

        try
        {
            await _jetStream.CreateStreamAsync(new StreamConfig(_options.StreamName, [_options.SubjectPrefix + ".>"])
            {
                Description = "Mariachi events",
                Storage = StreamConfigStorage.File,
                MaxAge = _options.StreamMaxAge,
            }).ConfigureAwait(false);
            LogStreamCreated(_logger, _options.StreamName, _options.SubjectPrefix);
        }
        catch (NatsJSApiException)
        {
            // Created by another instance meanwhile; fails here if it still does not exist.
            await _jetStream.GetStreamAsync(_options.StreamName).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the payload as <typeparamref name="T"/> (the same type, a loaded subtype, or null).</summary>
    private T Read<T>(string name, NatsHeaders? headers, byte[]? data)
    {
        var typeName = WireHeaders.Raw(headers, WireHeaders.Type) ?? WireTypes.Null;
        if (typeName == WireTypes.Null)
        {
            return default(T) is null ? default! : throw TypeMismatch<T>(name, typeName);
        }

        Type target;
        if (typeName == WireTypes.NameOf(typeof(T)))
        {
            target = typeof(T);
        }
        else if (WireTypes.Resolve(typeName) is { } sent && typeof(T).IsAssignableFrom(sent))
        {
            target = sent;
        }
        else
        {
            throw TypeMismatch<T>(name, typeName);
        }

        try
        {
            return JsonSerializer.Deserialize(data ?? [], target, _json) is T typed ? typed : default!;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            throw new EventsError(
                ErrorCodes.Communication.Serialization,
                $"Could not deserialize the payload of event '{name}' as {WireTypes.NameOf(target)}: {exception.Message}",
                MariachiError.Meta(("event", name), ("type", WireTypes.NameOf(target)), ("direction", "deserialize")),
                exception);
        }
    }

    private static EventsError TypeMismatch<T>(string name, string actual) => new(
        ErrorCodes.Events.TypeMismatch,
        $"Event '{name}' was published with {actual}, but this subscriber expects {WireTypes.NameOf(typeof(T))}.",
        MariachiError.Meta(("event", name), ("expected", WireTypes.NameOf(typeof(T))), ("actual", actual)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Created JetStream stream {Stream} for subjects {Prefix}.>")]
    private static partial void LogStreamCreated(ILogger logger, string stream, string prefix);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber of event {EventName} failed (trace {TraceId}, tenant {TenantId}, code {Code})")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string eventName, string traceId, string? tenantId, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable subscriber {Durable} of event {EventName} failed on delivery {Delivery} (trace {TraceId}, code {Code}); the event is delivered again in {Delay}")]
    private static partial void LogDurableRetry(ILogger logger, Exception exception, string durable, string eventName, ulong delivery, string traceId, string? code, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Durable subscriber {Durable} of event {EventName} failed on its last delivery ({Delivery}) (trace {TraceId}, code {Code}); JetStream will not deliver it again")]
    private static partial void LogDurableGaveUp(ILogger logger, Exception exception, string durable, string eventName, ulong delivery, string traceId, string? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventName} cannot be read by durable subscriber {Durable} and is dropped")]
    private static partial void LogDurablePoison(ILogger logger, Exception exception, string eventName, string durable);

    [LoggerMessage(Level = LogLevel.Error, Message = "The NATS subscription to event {EventName} stopped")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string eventName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge event {EventName} to JetStream; it may be delivered again")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string eventName);

    private abstract class Subscription(NatsEventBus bus, string eventName) : IEventSubscription
    {
        private readonly CancellationTokenSource _stop = new();
        private int _disposed;

        public string EventName { get; } = eventName;

        protected NatsEventBus Bus => bus;

        protected CancellationToken Stopping => _stop.Token;

        protected Task Loop { get; set; } = Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            bus._subscriptions.TryRemove(this, out _);
            await StopAsync().ConfigureAwait(false);
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await Loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        }

        protected abstract ValueTask StopAsync();

        /// <summary>The span of one delivery, the child of the publisher's (its traceparent).</summary>
        protected MariachiOperation? StartProcess(Context context, NatsHeaders? headers, string? group, long delivery) =>
            MariachiTelemetry.StartEventProcess(MessagingSystem, EventName, context, group, delivery, WireHeaders.Raw(headers, WireHeaders.TraceParent));
    }

    private sealed class CoreSubscription<T> : Subscription
    {
        private readonly INatsSub<byte[]> _subscription;
        private readonly string? _group;
        private readonly Func<Context, T, CancellationToken, Task> _handler;

        public CoreSubscription(NatsEventBus bus, string eventName, string? group, Func<Context, T, CancellationToken, Task> handler, INatsSub<byte[]> subscription)
            : base(bus, eventName)
        {
            _group = group;
            _handler = handler;
            _subscription = subscription;
            Loop = Task.Run(RunAsync);
        }

        protected override ValueTask StopAsync() => _subscription.DisposeAsync();

        private async Task RunAsync()
        {
            try
            {
                await foreach (var message in _subscription.Msgs.ReadAllAsync(Stopping).ConfigureAwait(false))
                {
                    var context = WireHeaders.ReadContext(message.Headers, Bus._logger);
                    using var operation = StartProcess(context, message.Headers, _group, delivery: 1);
                    try
                    {
                        var payload = Bus.Read<T>(EventName, message.Headers, message.Data);
                        await _handler(context, payload, Stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException exception) when (Stopping.IsCancellationRequested)
                    {
                        operation?.Fail(exception);
                        return;
                    }
                    catch (Exception exception)
                    {
                        operation?.Fail(exception);
                        LogSubscriberFailed(Bus._logger, exception, EventName, context.TraceId, context.TenantId, (exception as MariachiError)?.Code);
                    }
                }
            }
            catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
            {
                // Disposed.
            }
            catch (Exception exception)
            {
                LogLoopFailed(Bus._logger, exception, EventName);
            }
        }
    }

    private sealed class DurableSubscription<T> : Subscription
    {
        private readonly string _durable;
        private readonly Func<Context, T, CancellationToken, Task> _handler;
        private readonly INatsJSConsumer _consumer;

        public DurableSubscription(NatsEventBus bus, string eventName, string durable, Func<Context, T, CancellationToken, Task> handler, INatsJSConsumer consumer)
            : base(bus, eventName)
        {
            _durable = durable;
            _handler = handler;
            _consumer = consumer;
            Loop = Task.Run(RunAsync);
        }

        protected override ValueTask StopAsync() => ValueTask.CompletedTask;

        private async Task RunAsync()
        {
            var options = Bus._options;
            var consume = new NatsJSConsumeOpts { MaxMsgs = 16 };
            while (!Stopping.IsCancellationRequested)
            {
                try
                {
                    await foreach (var message in _consumer.ConsumeAsync(NatsRawSerializer<byte[]>.Default, consume, Stopping).ConfigureAwait(false))
                    {
                        await HandleAsync(message, options).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // The consumer loop ended (connection trouble, consumer deleted): log and consume again.
                    LogLoopFailed(Bus._logger, exception, EventName);
                    try
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1), Bus._time, Stopping).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }

        private async Task HandleAsync(INatsJSMsg<byte[]> message, MariachiNatsEventOptions options)
        {
            var context = WireHeaders.ReadContext(message.Headers, Bus._logger);
            var delivery = message.Metadata?.NumDelivered ?? 1;
            using var operation = StartProcess(context, message.Headers, _durable, (long)delivery);
            T payload;
            try
            {
                payload = Bus.Read<T>(EventName, message.Headers, message.Data);
            }
            catch (EventsError error)
            {
                operation?.Fail(error);
                // It will never read: do not redeliver it.
                LogDurablePoison(Bus._logger, error, EventName, _durable);
                await AcknowledgeAsync(message.AckTerminateAsync(cancellationToken: Stopping)).ConfigureAwait(false);
                return;
            }

            Exception? failure = null;
            using (var progress = CancellationTokenSource.CreateLinkedTokenSource(Stopping))
            {
                var keepAlive = ReportProgressAsync(message, options.AckWait, Bus._time, progress.Token);
                try
                {
                    await _handler(context, payload, Stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException exception) when (Stopping.IsCancellationRequested)
                {
                    // Disposed mid-handler: JetStream redelivers after the ack wait.
                    operation?.Fail(exception);
                    await progress.CancelAsync().ConfigureAwait(false);
                    await keepAlive.ConfigureAwait(false);
                    return;
                }
                catch (Exception exception)
                {
                    failure = exception;
                }

                await progress.CancelAsync().ConfigureAwait(false);
                await keepAlive.ConfigureAwait(false);
            }

            if (failure is null)
            {
                await AcknowledgeAsync(message.AckAsync(new AckOpts { DoubleAck = true }, Stopping)).ConfigureAwait(false);
                return;
            }

            operation?.Fail(failure);
            var code = (failure as MariachiError)?.Code;
            if (options.MaxDeliver > 0 && delivery >= (ulong)options.MaxDeliver)
            {
                LogDurableGaveUp(Bus._logger, failure, _durable, EventName, delivery, context.TraceId, code);
                await AcknowledgeAsync(message.AckTerminateAsync(cancellationToken: Stopping)).ConfigureAwait(false);
                return;
            }

            LogDurableRetry(Bus._logger, failure, _durable, EventName, delivery, context.TraceId, code, options.RedeliveryDelay);
            await AcknowledgeAsync(message.NakAsync(new AckOpts { NakDelay = options.RedeliveryDelay }, Stopping)).ConfigureAwait(false);
        }

        private async Task AcknowledgeAsync(ValueTask acknowledgement)
        {
            try
            {
                await acknowledgement.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
            {
                // Disposed: JetStream redelivers what was not acknowledged.
            }
            catch (Exception exception)
            {
                LogAckFailed(Bus._logger, exception, EventName);
            }
        }

        private static async Task ReportProgressAsync(INatsJSMsg<byte[]> message, TimeSpan ackWait, TimeProvider time, CancellationToken cancellationToken)
        {
            var interval = ackWait / 2;
            try
            {
                while (true)
                {
                    await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
                    await message.AckProgressAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The handler finished.
            }
            catch (NatsException)
            {
                // Progress is best effort: at worst JetStream redelivers after the ack wait.
            }
        }
    }
}
