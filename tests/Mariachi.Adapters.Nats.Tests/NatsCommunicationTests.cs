using System.Text.Json;
using System.Text.Json.Serialization;
using Mariachi.Adapters.Nats.Communication;
using Mariachi.Adapters.Nats.Tests.Infrastructure;
using Mariachi.Communication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>
/// The NATS-specific behaviour, with callers and responders on separate connections as separate processes would be.
/// </summary>
[RequiresNats]
public sealed class NatsCommunicationTests : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        // Adapters first, then their connections (they were added connection, adapter, connection, adapter, ...).
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }
    }

    [Fact]
    public async Task Two_responders_in_one_queue_group_share_1000_concurrent_calls_and_none_is_lost()
    {
        const int Calls = 1000;
        var id = TestNats.UniqueId();
        var served = new int[2];
        var responders = new NatsCommunication[2];
        for (var r = 0; r < responders.Length; r++)
        {
            var index = r;
            responders[r] = await CreateAsync(TestNats.Options(id));
            responders[r].Register<Square, SquareResult>("load.square", async (context, input) =>
            {
                Interlocked.Increment(ref served[index]);
                await Task.Yield();
                return new SquareResult(input.Value, (long)input.Value * input.Value, index);
            });
            await responders[r].WhenReadyAsync();
        }

        var caller = await CreateAsync(TestNats.Options(id));
        var context = Context.Create(tenantId: "tenant-load");

        var results = await Task.WhenAll(Enumerable.Range(0, Calls)
            .Select(i => caller.CallAsync<SquareResult>("load.square", context, new Square(i)).AsTask()));

        Assert.Equal(Enumerable.Range(0, Calls), results.Select(r => r.Value).Order());
        Assert.All(results, r => Assert.Equal((long)r.Value * r.Value, r.Squared));
        Assert.Equal(Calls, served[0] + served[1]);
        Assert.True(served[0] > 0 && served[1] > 0, $"The queue group did not share the calls: {served[0]} and {served[1]}.");
        Assert.Equal(served[0], results.Count(r => r.Responder == 0));
    }

    [Fact]
    public async Task A_handler_error_keeps_its_class_code_message_and_metadata()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        responder.Register<Square, SquareResult>("orders.fail", (_, input) => input.Value switch
        {
            1 => throw new NotFoundError(
                "not-found/order",
                "Order 42 does not exist.",
                MariachiError.Meta(
                    ("orderId", 42),
                    ("ratio", 1.5m),
                    ("tags", new[] { "a", "b" }),
                    ("retryable", false),
                    ("unwritable", typeof(Square)))),
            2 => throw new InvalidOperationException("The ledger is locked."),
            _ => throw new CustomError("custom/failure", "Custom."),
        });
        await responder.WhenReadyAsync();
        var caller = await CreateAsync(TestNats.Options(id));

        var notFound = await Assert.ThrowsAsync<NotFoundError>(() => caller.CallAsync<SquareResult>("orders.fail", Caller, new Square(1)).AsTask());
        var unexpected = await Assert.ThrowsAsync<MariachiError>(() => caller.CallAsync<SquareResult>("orders.fail", Caller, new Square(2)).AsTask());
        var custom = await Assert.ThrowsAsync<CustomError>(() => caller.CallAsync<SquareResult>("orders.fail", Caller, new Square(3)).AsTask());

        Assert.Equal("not-found/order", notFound.Code);
        Assert.Equal(404, notFound.HttpStatus);
        Assert.Equal("Order 42 does not exist.", notFound.Message);
        Assert.Equal(42L, notFound.Metadata["orderId"]);
        Assert.Equal(1.5m, notFound.Metadata["ratio"]);
        Assert.Equal(["a", "b"], Assert.IsType<string[]>(notFound.Metadata["tags"]));
        Assert.Equal(false, notFound.Metadata["retryable"]);
        Assert.Equal(typeof(Square).ToString(), notFound.Metadata["unwritable"]);
        Assert.Equal(ErrorCodes.Internal, unexpected.Code);
        Assert.Equal("The ledger is locked.", unexpected.Message);
        Assert.Equal(typeof(InvalidOperationException).FullName, unexpected.Metadata["exception"]);
        Assert.Equal("custom/failure", custom.Code);
    }

    [Fact]
    public async Task No_reply_in_time_is_a_timeout_and_the_handler_token_ends_at_the_callers_deadline()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        responder.Register<Square, SquareResult>("slow.square", async (_, input, cancellationToken) =>
        {
            using var registration = cancellationToken.Register(cancelled.SetResult);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new SquareResult(input.Value, 0, 0);
        });
        await responder.WhenReadyAsync();
        var callerOptions = TestNats.Options(id);
        callerOptions.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var caller = await CreateAsync(callerOptions);

        var error = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<SquareResult>("slow.square", Caller, new Square(1)).AsTask());

        Assert.Equal(ErrorCodes.Communication.Timeout, error.Code);
        Assert.Equal(504, error.HttpStatus);
        Assert.Equal("slow.square", error.Metadata["procedure"]);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_handler_deadline_runs_on_the_responders_clock_and_its_context_logs_through_the_responders_logger()
    {
        var id = TestNats.UniqueId();
        var clock = new FakeTimeProvider();
        var logger = new ScopeRecordingLogger<NatsCommunication>();
        var connection = await TestNats.ConnectAsync();
        _owned.Add(connection);
        var responder = new NatsCommunication(connection, TestNats.Options(id), logger, clock);
        _owned.Add(responder);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        responder.Register<Square, SquareResult>("clock.square", async (context, input, cancellationToken) =>
        {
            context.Logger.LogInformation("squaring {Value}", input.Value);
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new SquareResult(input.Value, 0, 0);
        });
        await responder.WhenReadyAsync();
        var callerOptions = TestNats.Options(id);
        callerOptions.RequestTimeout = TimeSpan.FromSeconds(30);
        var caller = await CreateAsync(callerOptions);

        var call = caller.CallAsync<SquareResult>("clock.square", Caller, new Square(2)).AsTask();
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromSeconds(31));

        // The caller's own 30 s wait runs on real time: the reply comes from the responder's cancelled handler.
        var error = await Assert.ThrowsAsync<CommunicationError>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(ErrorCodes.Communication.Timeout, error.Code);
        Assert.Contains("cancelled at the caller's deadline", error.Message, StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries, e => e.Message == "squaring 2");
        Assert.Equal(("clock.square", "tenant-a", Caller.TraceId), (entry.Scope["Procedure"], entry.Scope["TenantId"], entry.Scope["TraceId"]));
    }

    [Fact]
    public async Task Nobody_answering_is_unavailable_for_a_known_procedure_and_not_found_for_an_unknown_name()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        responder.Register<Square, SquareResult>("stock.reserve", (_, input) => Task.FromResult(new SquareResult(input.Value, 0, 0)));
        await responder.WhenReadyAsync();
        var caller = await CreateAsync(TestNats.Options(id));
        Assert.Equal(0, (await caller.CallAsync<SquareResult>("stock.reserve", Caller, new Square(0))).Responder);

        // Its only instance stops: the procedure exists, but nobody serves it.
        await responder.DisposeAsync();
        var unavailable = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<SquareResult>("stock.reserve", Caller, new Square(1)).AsTask());
        var typed = await Assert.ThrowsAsync<CommunicationError>(
            () => caller.CallAsync(new Procedure<Square, SquareResult>("stock.reserve"), Caller, new Square(1)).AsTask());
        var notFound = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<SquareResult>("stock.reserv", Caller, new Square(1)).AsTask());

        Assert.Equal(ErrorCodes.Communication.Unavailable, unavailable.Code);
        Assert.Equal(503, unavailable.HttpStatus);
        Assert.Equal("stock.reserve", unavailable.Metadata["procedure"]);
        Assert.Equal(ErrorCodes.Communication.Unavailable, typed.Code);
        Assert.Equal(ErrorCodes.Communication.NotFound, notFound.Code);
        Assert.Contains("Did you mean 'stock.reserve'?", notFound.Message, StringComparison.Ordinal);

        // Without the directory nobody can tell a typo from a stopped service: both are unavailable.
        var withoutDirectory = TestNats.Options(id);
        withoutDirectory.ProcedureDirectoryBucket = null;
        var blind = await CreateAsync(withoutDirectory);
        var unknown = await Assert.ThrowsAsync<CommunicationError>(() => blind.CallAsync<SquareResult>("stock.reserv", Caller, new Square(1)).AsTask());
        Assert.Equal(ErrorCodes.Communication.Unavailable, unknown.Code);
    }

    [Fact]
    public async Task A_name_another_service_or_other_types_hold_is_a_duplicate_naming_both_and_its_instance_serves_none_of_the_calls()
    {
        var id = TestNats.UniqueId();
        var orders = await Instances(id, "orders", 2);
        foreach (var (instance, index) in orders.Select((o, i) => (o, i)))
        {
            instance.Register<Square, SquareResult>("math.square", (_, input) => Task.FromResult(new SquareResult(input.Value, input.Value * input.Value, index)));
            await instance.WhenReadyAsync(); // A second instance of the same service is fine.
        }

        var billing = (await Instances(id, "billing", 1))[0];
        billing.Register<Square, SquareResult>("math.square", (_, input) => Task.FromResult(new SquareResult(input.Value, -1, 99)));
        var duplicate = await Assert.ThrowsAsync<CommunicationError>(() => billing.WhenReadyAsync());

        Assert.Equal(ErrorCodes.Communication.DuplicateProcedure, duplicate.Code);
        Assert.Contains("Procedure 'math.square' is already registered over NATS by service 'orders'", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("service 'billing' cannot register it", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal("orders", duplicate.Metadata["owner"]);
        Assert.Equal("billing", duplicate.Metadata["service"]);

        // The refused instance left the queue group: every call reaches the owner's instances.
        var caller = await CreateAsync(TestNats.Options(id));
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => caller.CallAsync<SquareResult>("math.square", Caller, new Square(i)).AsTask()));
        Assert.All(results, r => Assert.NotEqual(99, r.Responder));

        // The owner itself with other types (an instance of a changed contract next to old ones) is refused as well.
        var changed = (await Instances(id, "orders", 1))[0];
        changed.Register<Square, string>("math.square", (_, input) => Task.FromResult("square"));
        var mismatch = await Assert.ThrowsAsync<CommunicationError>(() => changed.WhenReadyAsync());
        Assert.Equal(ErrorCodes.Communication.DuplicateProcedure, mismatch.Code);
        Assert.Contains("output System.String", mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payloads_that_cannot_be_written_or_read_are_serialization_errors_naming_the_type()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        responder.Register<Square, SquareResult>("math.square", (_, input) => Task.FromResult(new SquareResult(input.Value, 4, 0)));
        responder.Register<Square, Unwritable>("math.unwritable", (_, _) => Task.FromResult(new Unwritable(typeof(int))));
        responder.Register<Square, string>("math.huge", (_, _) => Task.FromResult(new string('x', 2_000_000)));
        await responder.WhenReadyAsync();
        var caller = await CreateAsync(TestNats.Options(id));
        var garbling = TestNats.Options(id);
        garbling.JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new GarbledSquareConverter(), new UnreadableResultConverter() } };
        var garbled = await CreateAsync(garbling);

        var unwritableInput = await Assert.ThrowsAsync<CommunicationError>(
            () => caller.CallAsync<SquareResult>("math.square", Caller, new Unwritable(typeof(int))).AsTask());
        var unreadableInput = await Assert.ThrowsAsync<CommunicationError>(
            () => garbled.CallAsync<SquareResult>("math.square", Caller, new Square(2)).AsTask());
        var unwritableResult = await Assert.ThrowsAsync<CommunicationError>(
            () => caller.CallAsync<Unwritable>("math.unwritable", Caller, new Square(2)).AsTask());

        Assert.Equal(ErrorCodes.Communication.Serialization, unwritableInput.Code);
        Assert.Equal(typeof(Unwritable).FullName, unwritableInput.Metadata["type"]);
        Assert.Contains(typeof(Unwritable).FullName!, unwritableInput.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Communication.Serialization, unreadableInput.Code);
        Assert.Equal(typeof(Square).FullName, unreadableInput.Metadata["type"]);
        Assert.Equal(ErrorCodes.Communication.Serialization, unwritableResult.Code);
        Assert.Equal(typeof(Unwritable).FullName, unwritableResult.Metadata["type"]);

        // Over the server's max payload (1 MB by default), either way.
        var hugeInput = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<SquareResult>("math.square", Caller, new string('x', 2_000_000)).AsTask());
        var hugeResult = await Assert.ThrowsAsync<CommunicationError>(() => caller.CallAsync<string>("math.huge", Caller, new Square(1)).AsTask());
        Assert.Equal(ErrorCodes.Communication.Serialization, hugeInput.Code);
        Assert.Equal("System.String", hugeInput.Metadata["type"]);
        Assert.Equal(ErrorCodes.Communication.Serialization, hugeResult.Code);
        Assert.Equal("System.String", hugeResult.Metadata["type"]);

        var readingFails = TestNats.Options(id);
        readingFails.JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new UnreadableResultConverter() } };
        var reader = await CreateAsync(readingFails);
        var unreadableResult = await Assert.ThrowsAsync<CommunicationError>(() => reader.CallAsync<SquareResult>("math.square", Caller, new Square(2)).AsTask());
        Assert.Equal(ErrorCodes.Communication.Serialization, unreadableResult.Code);
        Assert.Equal(typeof(SquareResult).FullName, unreadableResult.Metadata["type"]);
    }

    [Fact]
    public async Task The_whole_context_travels_in_headers_with_a_w3c_traceparent()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        responder.Register<Square, ContextSeen>("ctx.echo", (context, _) => Task.FromResult(ContextSeen.Of(context)));
        await responder.WhenReadyAsync();
        var caller = await CreateAsync(TestNats.Options(id));
        var request = Context.Create(tenantId: "tenant ü/1", userId: "user:7")
            .WithScopes(["orders:read", "odd, scope"])
            .WithApiKey("key-1")
            .WithSession("session-1")
            .WithServer("api");
        var system = Context.System("nightly\nreindex", tenantId: "tenant-2");
        var detached = Context.Detached("fire and forget");

        var seenRequest = await caller.CallAsync<ContextSeen>("ctx.echo", request, new Square(0));
        var seenSystem = await caller.CallAsync<ContextSeen>("ctx.echo", system, new Square(0));
        var seenDetached = await caller.CallAsync<ContextSeen>("ctx.echo", detached, new Square(0));

        Assert.Equal(ContextSeen.Of(request) with { Procedure = "ctx.echo" }, seenRequest);
        Assert.Equal(ContextSeen.Of(system) with { Procedure = "ctx.echo" }, seenSystem);
        Assert.Equal(ContextSeen.Of(detached) with { Procedure = "ctx.echo" }, seenDetached);

        // On the wire: a W3C traceparent carrying the trace id.
        await using var raw = await TestNats.ConnectAsync();
        await using var peek = await raw.SubscribeCoreAsync<byte[]>($"test.{id}.procedures.ctx.peek");
        await raw.PingAsync();
        var call = caller.CallAsync<ContextSeen>("ctx.peek", request, new Square(0));
        var message = await peek.Msgs.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        await message.ReplyAsync(Array.Empty<byte>());
        await Assert.ThrowsAsync<CommunicationError>(() => call.AsTask());
        Assert.Matches($"^00-{request.TraceId}-[0-9a-f]{{16}}-01$", message.Headers!["traceparent"].ToString());
    }

    [Fact]
    public async Task Middleware_runs_where_the_handler_is_registered()
    {
        var id = TestNats.UniqueId();
        var responder = await CreateAsync(TestNats.Options(id));
        var caller = await CreateAsync(TestNats.Options(id));
        var seen = new List<string>();
        responder.Use((call, next) =>
        {
            lock (seen)
            {
                seen.Add("responder:" + call.Procedure + ":" + call.Context.TenantId);
            }

            return next(call);
        });
        caller.Use((call, next) =>
        {
            lock (seen)
            {
                seen.Add("caller:" + call.Procedure);
            }

            return next(call);
        });
        responder.Register<Square, SquareResult>("mw.square", (_, input) => Task.FromResult(new SquareResult(input.Value, 1, 0)));
        await responder.WhenReadyAsync();

        await caller.CallAsync<SquareResult>("mw.square", Caller, new Square(1));

        Assert.Equal(["responder:mw.square:tenant-a"], seen);
    }

    private static Context Caller { get; } = Context.Create(tenantId: "tenant-a", userId: "user-1");

    private async Task<NatsCommunication[]> Instances(string id, string service, int count)
    {
        var instances = new NatsCommunication[count];
        for (var i = 0; i < count; i++)
        {
            var options = TestNats.Options(id);
            options.ServiceName = service;
            instances[i] = await CreateAsync(options);
        }

        return instances;
    }

    private async Task<NatsCommunication> CreateAsync(MariachiNatsOptions options)
    {
        var connection = await TestNats.ConnectAsync();
        _owned.Add(connection);
        var communication = new NatsCommunication(connection, options);
        _owned.Add(communication);
        return communication;
    }

    public sealed record Square(int Value);

    public sealed record SquareResult(int Value, long Squared, int Responder);

    public sealed record Unwritable(Type Kind);

    public sealed record ContextSeen(
        string TraceId,
        string? TenantId,
        string? UserId,
        string IdentityType,
        string Scopes,
        string? ApiKeyId,
        string? SessionId,
        string? Server,
        string? Procedure,
        ContextOrigin Origin,
        string? Reason)
    {
        public static ContextSeen Of(Context context) => new(
            context.TraceId,
            context.TenantId,
            context.UserId,
            context.IdentityType,
            string.Join("|", context.Scopes),
            context.ApiKeyId,
            context.SessionId,
            context.Server,
            context.Procedure,
            context.Origin,
            context.Reason);
    }

    public sealed class CustomError(string code, string message, IReadOnlyDictionary<string, object?>? metadata = null, Exception? innerException = null)
        : MariachiError(code, message, metadata, innerException);

    /// <summary>Writes a <see cref="Square"/> as a string the responder cannot read.</summary>
    private sealed class GarbledSquareConverter : JsonConverter<Square>
    {
        public override Square Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException("not used");

        public override void Write(Utf8JsonWriter writer, Square value, JsonSerializerOptions options) =>
            writer.WriteStringValue("garbled");
    }

    /// <summary>Fails to read any <see cref="SquareResult"/>.</summary>
    private sealed class UnreadableResultConverter : JsonConverter<SquareResult>
    {
        public override SquareResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new JsonException("This caller cannot read results.");

        public override void Write(Utf8JsonWriter writer, SquareResult value, JsonSerializerOptions options) =>
            throw new JsonException("not used");
    }
}
