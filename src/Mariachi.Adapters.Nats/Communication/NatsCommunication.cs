using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Mariachi.Adapters.Nats.Hosting;
using Mariachi.Adapters.Nats.Wire;
using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Diagnostics;
using Mariachi.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>
/// The communication layer over NATS request/reply, so controllers and services run in separate processes.
/// <para>
/// <see cref="Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/> subscribes the handler
/// on <c>{ProcedureSubjectPrefix}.{name}</c> in the queue group <c>QueueGroup</c>, so the instances that register a
/// procedure share its calls. <see cref="CallCoreAsync"/> (every call by name or by handle) always goes
/// over NATS, even when this instance serves the procedure, and waits <c>RequestTimeout</c> for the reply.
/// </para>
/// <para>
/// Middleware added with <see cref="Use"/> runs where the handler is registered, around it, exactly as in-process:
/// it sees the deserialized input, the caller's context rebuilt from the headers, and a cancellation token that ends
/// at the caller's deadline or when this instance shuts down (the caller's token never crosses the wire).
/// </para>
/// <para>
/// Errors keep their identity: a <see cref="MariachiError"/> thrown by a handler or middleware reaches the caller
/// with the same class (when loaded there), code, message and metadata; any other exception arrives as
/// <see cref="ErrorCodes.Internal"/>. Nobody answering is <see cref="ErrorCodes.Communication.Unavailable"/> for a
/// procedure the directory knows and <see cref="ErrorCodes.Communication.NotFound"/> otherwise; no reply in time is
/// <see cref="ErrorCodes.Communication.Timeout"/>; a payload that cannot be written or read is
/// <see cref="ErrorCodes.Communication.Serialization"/>; losing the connection with calls in flight fails them with
/// <see cref="ErrorCodes.Communication.Unavailable"/> at once.
/// </para>
/// </summary>
public sealed partial class NatsCommunication : ICommunication, IAsyncDisposable
{
    private readonly INatsConnection _connection;
    private readonly string _prefix;
    private readonly string _queueGroup;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _shutdownTimeout;
    private readonly JsonSerializerOptions _json;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ProcedureDirectory? _directory;
    private readonly InputValidator _validator = new();
    private readonly ConcurrentDictionary<string, Responder> _responders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PendingCall, byte> _pending = new();
    private readonly InFlight _inFlight;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ProcedureRegistry<ProcedureHandler> _registry = new();
    private int _disposed;

    /// <summary>
    /// Creates the layer over <paramref name="connection"/>, which stays owned by the caller (disposing this instance
    /// unsubscribes its handlers, never closes the connection). Throws <see cref="ConfigError"/> for invalid options.
    /// <paramref name="logger"/> also backs the logger of the contexts that handlers receive (rebuilt from the
    /// caller's headers); <paramref name="timeProvider"/> times the handlers' deadlines, the directory look-ups and the
    /// shutdown waits.
    /// </summary>
    public NatsCommunication(
        INatsConnection connection,
        MariachiNatsOptions? options = null,
        ILogger<NatsCommunication>? logger = null,
        TimeProvider? timeProvider = null)
        : this(connection, options, serviceName: null, logger, timeProvider)
    {
    }

    /// <summary>
    /// As the public constructor; <paramref name="serviceName"/> (the config layer's, from <c>AddMariachiNats</c>)
    /// owns the procedures when <see cref="MariachiNatsOptions.ServiceName"/> is not set.
    /// </summary>
    internal NatsCommunication(
        INatsConnection connection,
        MariachiNatsOptions? options,
        string? serviceName,
        ILogger<NatsCommunication>? logger,
        TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new MariachiNatsOptions();
        options.Validate();
        _connection = connection;
        _prefix = options.ProcedureSubjectPrefix;
        _queueGroup = options.QueueGroup;
        _timeout = options.RequestTimeout;
        _shutdownTimeout = options.ShutdownTimeout;
        _json = options.JsonSerializerOptions;
        _logger = logger ?? NullLogger<NatsCommunication>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _inFlight = new InFlight(_time);
        _directory = options.ProcedureDirectoryBucket is { } bucket
            ? new ProcedureDirectory(connection, bucket, _prefix, options.ServiceName ?? serviceName ?? DefaultServiceName(), _logger, _time)
            : null;
        _connection.ConnectionDisconnected += OnDisconnectedAsync;
    }

    public IReadOnlyList<ProcedureInfo> Procedures => _registry.Procedures;

    public bool Has(string name) => _registry.Has(name);

    public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        Add(new ProcedureHandler<TIn, TOut>(name, handler, _validator));
    }

    /// <inheritdoc/>
    public ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resultType);
        return cancellationToken.IsCancellationRequested
            ? ValueTask.FromCanceled<object?>(cancellationToken)
            : new ValueTask<object?>(CallObservedAsync(name, context, input, resultType, cancellationToken));
    }

    public void Use(IProcedureMiddleware middleware, string? procedure = null) => _registry.Use(middleware, procedure);

    /// <summary>
    /// Completes when every procedure registered so far is subscribed on the server and recorded in the directory;
    /// throws <see cref="ErrorCodes.Communication.Unavailable"/> when a subscription failed. Registration itself
    /// returns at once; calls from this instance wait for their own procedure's subscription anyway.
    /// </summary>
    public async Task WhenReadyAsync(CancellationToken cancellationToken = default)
    {
        foreach (var responder in _responders.Values.ToArray())
        {
            await responder.WaitReadyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            await responder.Recorded.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops serving: unsubscribes every handler, lets handlers in flight finish for up to <c>ShutdownTimeout</c>,
    /// then cancels their tokens. Calls still waiting for a reply fail with <see cref="ErrorCodes.Communication.Unavailable"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _connection.ConnectionDisconnected -= OnDisconnectedAsync;
        await Task.WhenAll(_responders.Values.Select(r => r.StopAsync())).ConfigureAwait(false);
        await PingAsync().ConfigureAwait(false);
        var recorded = Task.WhenAll(_responders.Values.Select(r => r.Recorded));
        if (!await _inFlight.WaitIdleAsync(_shutdownTimeout).ConfigureAwait(false))
        {
            LogShutdownCancelsHandlers(_logger, _inFlight.Count, _shutdownTimeout);
        }

        // Directory records still running get a moment to land before everything is cancelled.
        await Task.WhenAny(recorded, Task.Delay(TimeSpan.FromSeconds(3), _time)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _inFlight.WaitIdleAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);

        // A name another service holds was reported by WhenReadyAsync; disposing does not throw it again.
        await recorded.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private string Subject(string name) => _prefix + "." + name;

    private static string DefaultServiceName() => Assembly.GetEntryAssembly()?.GetName().Name ?? "mariachi";

    /// <summary>Waits until the server processed everything sent so far (best effort: not when disconnected).</summary>
    private async Task PingAsync()
    {
        if (_connection.ConnectionState != NatsConnectionState.Open)
        {
            return;
        }

        try
        {
            await _connection.PingAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2), _time).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NatsException or TimeoutException or OperationCanceledException)
        {
            // Shutting down anyway.
        }
    }

    private void Add(ProcedureHandler registration)
    {
        var name = registration.Info.Name;
        _registry.Add(registration);
        var responder = new Responder(this, registration.Info);
        _responders[name] = responder;

        responder.Start();
        LogRegistered(_logger, name, Subject(name), _queueGroup);
    }

    /// <summary>The call, in the caller's span when someone observes it (its span id goes out in <c>traceparent</c>).</summary>
    private async Task<object?> CallObservedAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        using var operation = MariachiTelemetry.StartProcedureClient(name, context);
        try
        {
            return await CallOverWireAsync(name, context, input, resultType, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (operation is not null)
        {
            operation.Fail(exception);
            throw;
        }
    }

    private async Task<object?> CallOverWireAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!ProcedureName.IsValid(name))
        {
            throw NotFound(name, _registry.Names);
        }

        if (_responders.TryGetValue(name, out var own))
        {
            await own.WaitReadyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        byte[] payload;
        try
        {
            payload = input is null ? [] : JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), _json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw WireSerialization.WriteFailed($"the input of '{name}'", input!.GetType(), name, exception);
        }

        var headers = new NatsHeaders();
        WireHeaders.WriteContext(headers, context, name);
        headers[WireHeaders.Type] = WireTypes.NameOfValue(input);
        headers[WireHeaders.ReplyType] = WireTypes.NameOf(resultType);
        headers[WireHeaders.TimeoutMs] = ((long)_timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

        var pending = new PendingCall();
        _pending[pending] = 0;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, pending.Token, _stopping.Token);
            if (_connection.ConnectionState is NatsConnectionState.Reconnecting or NatsConnectionState.Failed)
            {
                throw ConnectionLost(name, "NATS is not connected (reconnecting)", inner: null);
            }

            var reply = await _connection.RequestAsync<byte[], byte[]>(
                    Subject(name),
                    payload,
                    headers,
                    NatsRawSerializer<byte[]>.Default,
                    NatsRawSerializer<byte[]>.Default,
                    requestOpts: null,
                    replyOpts: new NatsSubOpts { Timeout = _timeout, ThrowIfNoResponders = true },
                    cancellationToken: linked.Token)
                .ConfigureAwait(false);
            if (reply.HasNoResponders)
            {
                throw await NoResponderErrorAsync(name, cancellationToken).ConfigureAwait(false);
            }

            return DecodeReply(name, reply, resultType);
        }
        catch (NatsNoRespondersException)
        {
            throw await NoResponderErrorAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsException exception) when (exception is NatsNoReplyException or NatsTimeoutException)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Timeout,
                $"Procedure '{name}' did not reply within {_timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.",
                MariachiError.Meta(("procedure", name), ("timeoutMs", (long)_timeout.TotalMilliseconds)),
                exception);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception) when (pending.IsLost)
        {
            throw ConnectionLost(name, "the connection to NATS was lost while the call was in flight; it may or may not have run", exception);
        }
        catch (OperationCanceledException exception) when (_stopping.IsCancellationRequested)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Unavailable,
                $"The call of '{name}' was abandoned: this communication layer is shutting down.",
                MariachiError.Meta(("procedure", name)),
                exception);
        }
        catch (NatsPayloadTooLargeException exception)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Serialization,
                $"The input of '{name}' ({WireTypes.NameOfValue(input)}) is {payload.Length} bytes, more than the NATS server accepts in one message: {exception.Message}",
                MariachiError.Meta(("procedure", name), ("type", WireTypes.NameOfValue(input)), ("bytes", payload.Length)),
                exception);
        }
        catch (NatsException exception)
        {
            throw ConnectionLost(name, NatsConnectFailure.Describe(exception), exception);
        }
        finally
        {
            _pending.TryRemove(pending, out _);
            pending.Dispose();
        }
    }

    private object? DecodeReply(string name, NatsMsg<byte[]> reply, Type resultType)
    {
        var status = WireHeaders.Raw(reply.Headers, WireHeaders.Status);
        if (status == WireHeaders.StatusError)
        {
            throw WireErrors.Decode(reply.Data ?? []) ?? new CommunicationError(
                ErrorCodes.Communication.Serialization,
                $"The error reply of '{name}' could not be read.",
                MariachiError.Meta(("procedure", name), ("type", "error")));
        }

        if (status != WireHeaders.StatusOk)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Serialization,
                $"The reply of '{name}' is not a Mariachi reply: something else answers on subject '{Subject(name)}'.",
                MariachiError.Meta(("procedure", name), ("subject", Subject(name))));
        }

        var typeName = WireHeaders.Raw(reply.Headers, WireHeaders.Type) ?? WireTypes.Null;
        if (typeName == WireTypes.Null)
        {
            return AcceptsNull(resultType) ? null : throw TypeMismatch.Result(name, resultType, WireTypes.Null);
        }

        Type target;
        if (typeName == WireTypes.NameOf(resultType))
        {
            target = resultType;
        }
        else if (WireTypes.Resolve(typeName) is { } sent)
        {
            target = resultType.IsAssignableFrom(sent) ? sent : throw TypeMismatch.Result(name, resultType, typeName);
        }
        else
        {
            // Not loaded here; the responder checked it is compatible with what was asked for.
            target = resultType;
        }

        object? value;
        try
        {
            value = JsonSerializer.Deserialize(reply.Data ?? [], target, _json);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException)
        {
            throw WireSerialization.ReadFailed($"the result of '{name}'", target, name, exception);
        }

        return value is null ? AcceptsNull(resultType) ? null : throw TypeMismatch.Result(name, resultType, WireTypes.NameOfValue(value))
            : resultType.IsInstanceOfType(value) ? value
            : throw TypeMismatch.Result(name, resultType, WireTypes.NameOfValue(value));
    }

    /// <summary>True when <paramref name="type"/> has null among its values (a reference type or a nullable value type).</summary>
    private static bool AcceptsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private async Task<CommunicationError> NoResponderErrorAsync(string name, CancellationToken cancellationToken)
    {
        if (Has(name))
        {
            return Unavailable(name, $"Procedure '{name}' is registered by this instance, but its NATS subscription is not active (is the connection down?).");
        }

        if (_directory is null)
        {
            return Unavailable(name, $"No instance answers procedure '{name}': its service is down, or no such procedure exists.");
        }

        var known = await _directory.ContainsAsync(name, cancellationToken).ConfigureAwait(false);
        if (known == true)
        {
            return Unavailable(name, $"Procedure '{name}' exists, but no instance serves it right now.");
        }

        if (known is null)
        {
            return Unavailable(name, $"No instance answers procedure '{name}' (the procedure directory could not be read to tell whether it exists).");
        }

        var names = await _directory.NamesAsync(cancellationToken).ConfigureAwait(false);
        return NotFound(name, names.Concat(_registry.Names));
    }

    private static CommunicationError Unavailable(string name, string message) => new(
        ErrorCodes.Communication.Unavailable,
        message,
        MariachiError.Meta(("procedure", name)));

    private static CommunicationError ConnectionLost(string name, string reason, Exception? inner) => new(
        ErrorCodes.Communication.Unavailable,
        $"The call of '{name}' failed: {reason}.",
        MariachiError.Meta(("procedure", name), ("reason", "connection")),
        inner);

    private static CommunicationError NotFound(string name, IEnumerable<string> known) => CommunicationErrors.NotFound(name, known);

    private async Task ServeAsync(string name, INatsSub<byte[]> subscription)
    {
        try
        {
            await foreach (var message in subscription.Msgs.ReadAllAsync().ConfigureAwait(false))
            {
                if (string.IsNullOrEmpty(message.ReplyTo))
                {
                    continue;
                }

                _inFlight.Enter();
                _ = Task.Run(() => HandleAsync(name, message));
            }
        }
        catch (Exception exception)
        {
            LogServeLoopFailed(_logger, exception, name);
        }
    }

    private async Task HandleAsync(string name, NatsMsg<byte[]> message)
    {
        try
        {
            byte[] body;
            var headers = new NatsHeaders();
            var context = WireHeaders.ReadContext(message.Headers, _logger).WithProcedure(name);

            // The handling span is the child of the caller's, whose span id came in traceparent.
            using var operation = MariachiTelemetry.StartProcedureServer(name, context, WireHeaders.Raw(message.Headers, WireHeaders.TraceParent));
            try
            {
                var result = await InvokeAsync(name, context, message).ConfigureAwait(false);
                var resultType = result?.GetType();
                try
                {
                    body = result is null ? [] : JsonSerializer.SerializeToUtf8Bytes(result, resultType!, _json);
                }
                catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
                {
                    throw WireSerialization.WriteFailed($"the result of '{name}'", resultType!, name, exception);
                }

                headers[WireHeaders.Status] = WireHeaders.StatusOk;
                headers[WireHeaders.Type] = WireTypes.NameOfValue(result);
            }
            catch (Exception exception)
            {
                operation?.Fail(exception);
                body = WireErrors.Encode(ToWireError(name, exception), _json);
                headers[WireHeaders.Status] = WireHeaders.StatusError;
            }

            try
            {
                try
                {
                    await message.ReplyAsync(body, headers, serializer: NatsRawSerializer<byte[]>.Default).ConfigureAwait(false);
                }
                catch (NatsPayloadTooLargeException exception)
                {
                    var tooLarge = new CommunicationError(
                        ErrorCodes.Communication.Serialization,
                        $"The reply of '{name}' is {body.Length} bytes, more than the NATS server accepts in one message: {exception.Message}",
                        MariachiError.Meta(("procedure", name), ("type", WireHeaders.Raw(headers, WireHeaders.Type)), ("bytes", body.Length)));
                    var errorHeaders = new NatsHeaders { [WireHeaders.Status] = WireHeaders.StatusError };
                    await message.ReplyAsync(WireErrors.Encode(tooLarge, _json), errorHeaders, serializer: NatsRawSerializer<byte[]>.Default)
                        .ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                LogReplyFailed(_logger, exception, name);
            }
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async ValueTask<object?> InvokeAsync(string name, Context context, NatsMsg<byte[]> message)
    {
        if (!_registry.TryGet(name, out var entry))
        {
            throw NotFound(name, _registry.Names);
        }

        var info = entry.Handler.Info;
        var headers = message.Headers;
        WireInput.CheckRequestedOutput(info, WireHeaders.Raw(headers, WireHeaders.ReplyType));
        var input = WireInput.Read(info, WireHeaders.Raw(headers, WireHeaders.Type), message.Data, _json);

        // The caller's deadline, timed by this instance's clock.
        using var deadline = new Deadline(
            WireHeaders.Int(headers, WireHeaders.TimeoutMs) is > 0 and var timeoutMs ? TimeSpan.FromMilliseconds(timeoutMs) : null,
            _time,
            _stopping.Token);

        try
        {
            return await entry.InvokeAsync(new ProcedureCall(info, context, input, deadline.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_stopping.IsCancellationRequested)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Unavailable,
                $"The instance serving '{name}' shut down before the handler finished.",
                MariachiError.Meta(("procedure", name)),
                exception);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested)
        {
            throw new CommunicationError(
                ErrorCodes.Communication.Timeout,
                $"The handler of '{name}' was cancelled at the caller's deadline.",
                MariachiError.Meta(("procedure", name)),
                exception);
        }
    }

    private MariachiError ToWireError(string name, Exception exception)
    {
        switch (exception)
        {
            case MariachiError error:
                return error;
            default:
                LogHandlerFailed(_logger, exception, name);
                return new MariachiError(
                    ErrorCodes.Internal,
                    exception.Message,
                    MariachiError.Meta(("procedure", name), ("exception", exception.GetType().FullName)));
        }
    }

    private ValueTask OnDisconnectedAsync(object? sender, NatsEventArgs args)
    {
        var lost = 0;
        foreach (var pending in _pending.Keys)
        {
            pending.Lose();
            lost++;
        }

        LogDisconnected(_logger, lost, args.Message);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Registered procedure {Procedure} on subject {Subject} in queue group {QueueGroup}")]
    private static partial void LogRegistered(ILogger logger, string procedure, string subject, string queueGroup);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not subscribe procedure {Procedure} on NATS; calls to it from this instance fail with communication/unavailable")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception, string procedure);

    [LoggerMessage(Level = LogLevel.Error, Message = "The NATS subscription of procedure {Procedure} stopped")]
    private static partial void LogServeLoopFailed(ILogger logger, Exception exception, string procedure);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler of procedure {Procedure} failed with an exception that is not a MariachiError; the caller receives code 'internal'")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string procedure);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not send the reply of procedure {Procedure} (the caller may be gone)")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string procedure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "NATS connection lost ({Reason}); {Calls} call(s) in flight fail with communication/unavailable")]
    private static partial void LogDisconnected(ILogger logger, int calls, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} procedure handler(s) still running after the shutdown timeout of {Timeout}; cancelling them")]
    private static partial void LogShutdownCancelsHandlers(ILogger logger, int count, TimeSpan timeout);

    /// <summary>The subscription serving one registered procedure.</summary>
    private sealed class Responder(NatsCommunication owner, ProcedureInfo info)
    {
        private INatsSub<byte[]>? _subscription;
        private Task _loop = Task.CompletedTask;

        public Task Ready { get; private set; } = Task.CompletedTask;

        public Task Recorded { get; private set; } = Task.CompletedTask;

        public void Start()
        {
            Ready = SubscribeAsync();
            Recorded = owner._directory is { } directory ? RecordAsync(directory) : Task.CompletedTask;
        }

        /// <summary>Completes when the subscription is active; throws communication/unavailable when it failed.</summary>
        public async Task WaitReadyAsync()
        {
            try
            {
                await Ready.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                throw new CommunicationError(
                    ErrorCodes.Communication.Unavailable,
                    $"Procedure '{info.Name}' is registered here, but its NATS subscription failed: {exception.Message}",
                    MariachiError.Meta(("procedure", info.Name)),
                    exception);
            }
        }

        public async Task StopAsync()
        {
            try
            {
                await Ready.ConfigureAwait(false);
            }
            catch (Exception)
            {
                return;
            }

            if (_subscription is { } subscription)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }

            await _loop.ConfigureAwait(false);
        }

        /// <summary>Records the procedure; stops serving it when another service holds the name, so it gets none of its calls.</summary>
        private async Task RecordAsync(ProcedureDirectory directory)
        {
            try
            {
                await directory.RecordAsync(info, owner._stopping.Token).ConfigureAwait(false);
            }
            catch (CommunicationError)
            {
                await StopAsync().ConfigureAwait(false);
                throw;
            }
        }

        private async Task SubscribeAsync()
        {
            try
            {
                var subscription = await owner._connection.SubscribeCoreAsync(
                        owner.Subject(info.Name),
                        owner._queueGroup,
                        NatsRawSerializer<byte[]>.Default,
                        cancellationToken: owner._stopping.Token)
                    .ConfigureAwait(false);
                _subscription = subscription;
                _loop = owner.ServeAsync(info.Name, subscription);

                // A round trip: once the server answers, it has processed the subscription, so a caller on any
                // connection reaches this instance from now on.
                await owner._connection.PingAsync(owner._stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogSubscribeFailed(owner._logger, exception, info.Name);
                throw;
            }
        }
    }

    /// <summary>A call waiting for its reply; lost when the connection drops, since the reply cannot arrive then.</summary>
    private sealed class PendingCall : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private volatile bool _lost;

        public CancellationToken Token => _source.Token;

        public bool IsLost => _lost;

        public void Lose()
        {
            _lost = true;
            try
            {
                _ = _source.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // Completed meanwhile.
            }
        }

        public void Dispose() => _source.Dispose();
    }

    /// <summary>Counts handlers in flight, so shutdown can wait for them.</summary>
    private sealed class InFlight(TimeProvider time)
    {
        private readonly object _lock = new();
        private int _count;
        private TaskCompletionSource? _idle;

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        public void Enter()
        {
            lock (_lock)
            {
                _count++;
            }
        }

        public void Exit()
        {
            lock (_lock)
            {
                if (--_count == 0 && _idle is not null)
                {
                    _idle.TrySetResult();
                    _idle = null;
                }
            }
        }

        public async Task<bool> WaitIdleAsync(TimeSpan timeout)
        {
            Task idle;
            lock (_lock)
            {
                if (_count == 0)
                {
                    return true;
                }

                _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                idle = _idle.Task;
            }

            try
            {
                await idle.WaitAsync(timeout, time).ConfigureAwait(false);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}
