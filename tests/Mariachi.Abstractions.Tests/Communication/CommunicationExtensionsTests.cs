using System.Reflection;
using Mariachi.Communication;

namespace Mariachi.Abstractions.Tests.Communication;

/// <summary>
/// Every handler shape reaches an adapter through its one core <c>Register</c>: a communication that implements
/// only that (and records what it gets) serves them all.
/// </summary>
public sealed class CommunicationExtensionsTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");
    private static readonly Procedure<string, string> Handle = new("shapes.handle");
    private readonly CoreOnly _communication = new();

    [Fact]
    public async Task Each_overload_registers_once_under_its_name_and_runs_its_handler_with_the_token_when_it_takes_one()
    {
        using var source = new CancellationTokenSource();
        var token = source.Token;
        _communication.Register<string, string>("shapes.one", (_, input) => ValueTask.FromResult(input + ":vt"));
        _communication.Register<string, string>("shapes.two", (_, input, ct) => Task.FromResult(input + ":t:" + (ct == token)));
        _communication.Register<string, string>("shapes.three", (_, input) => Task.FromResult(input + ":t"));
        _communication.Register(new Procedure<string, string>("shapes.four"), (_, input, ct) => ValueTask.FromResult(input + ":vt:" + (ct == token)));
        _communication.Register(new Procedure<string, string>("shapes.five"), (_, input) => ValueTask.FromResult(input + ":vt"));
        _communication.Register(new Procedure<string, string>("shapes.six"), (_, input, ct) => Task.FromResult(input + ":t:" + (ct == token)));
        _communication.Register(new Procedure<string, string>("shapes.seven"), (_, input) => Task.FromResult(input + ":t"));

        Assert.Equal(["shapes.one", "shapes.two", "shapes.three", "shapes.four", "shapes.five", "shapes.six", "shapes.seven"], _communication.Names);
        Assert.Equal(
            ["a:vt", "a:t:True", "a:t", "a:vt:True", "a:vt", "a:t:True", "a:t"],
            await Task.WhenAll(_communication.Names.Select(name => _communication.RunAsync<string>(name, "a", token))));
    }

    [Fact]
    public async Task An_async_lambda_binds_to_a_ValueTask_handler_and_a_task_returning_method_group_to_a_Task_handler()
    {
        _communication.Register(Handle, async (_, input) =>
        {
            await Task.Yield();
            return input;
        });
        _communication.Register<string, string>("shapes.group", Upper);

        Assert.Equal(["shapes.handle", "shapes.group"], _communication.Names);
        Assert.Equal(typeof(ValueTask<string>), _communication.OriginalReturnTypes[0]);
        Assert.Equal(typeof(Task<string>), _communication.OriginalReturnTypes[1]);
        Assert.Equal("B", await _communication.RunAsync<string>("shapes.group", "b", CancellationToken.None));

        static Task<string> Upper(Context context, string input) => Task.FromResult(input.ToUpperInvariant());
    }

    [Fact]
    public async Task A_Task_handler_returning_null_fails_the_call_naming_the_procedure()
    {
        _communication.Register(Handle, (Context _, string _) => (Task<string>)null!);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _communication.RunAsync<string>(Handle.Name, "a", CancellationToken.None));

        Assert.Equal("The handler of 'shapes.handle' returned a null Task.", error.Message);
    }

    [Fact]
    public void Null_arguments_throw_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => CommunicationExtensions.Register(null!, Handle, (_, input) => Task.FromResult(input)));
        Assert.Throws<ArgumentNullException>(() => _communication.Register((Procedure<string, string>)null!, (_, input) => Task.FromResult(input)));
        Assert.Throws<ArgumentNullException>(() => _communication.Register(Handle, (Func<Context, string, ValueTask<string>>)null!));
        Assert.Throws<ArgumentNullException>(() => _communication.Register<string, string>("a.b", (Func<Context, string, CancellationToken, Task<string>>)null!));
        Assert.Throws<ArgumentNullException>(() => _communication.Use((Func<ProcedureCall, ProcedureDelegate, ValueTask<object?>>)null!));
        Assert.Empty(_communication.Names);
    }

    [Fact]
    public async Task Lambda_middleware_is_added_through_the_core_Use_for_the_procedure_given()
    {
        _communication.Use((call, next) => ValueTask.FromResult<object?>("short:" + call.Procedure), "shapes.only");

        var (middleware, procedure) = Assert.Single(_communication.Middleware);
        var call = new ProcedureCall(new ProcedureInfo("shapes.only", typeof(string), typeof(string)), Caller, "a", CancellationToken.None);
        Assert.Equal("shapes.only", procedure);
        Assert.Equal("short:shapes.only", await middleware.InvokeAsync(call, _ => throw new InvalidOperationException("not reached")));
    }

    [Fact]
    public async Task A_call_by_handle_to_a_communication_that_does_not_bind_goes_by_name_with_everything_it_was_given()
    {
        using var source = new CancellationTokenSource();

        var result = await _communication.CallAsync(Handle, Caller, "a", source.Token);

        Assert.Equal("by name: a", result);
        Assert.Equal(("shapes.handle", Caller, (object?)"a", typeof(string), source.Token), Assert.Single(_communication.Calls));
    }

    [Fact]
    public async Task A_call_by_name_to_a_communication_that_implements_only_the_core_reaches_it_with_the_result_type_asked_for()
    {
        using var source = new CancellationTokenSource();
        ICommunication communication = _communication;

        var throughInterface = await communication.CallAsync<string>("shapes.name", Caller, 1, source.Token);
        var throughClass = await _communication.CallAsync<object>("shapes.name", Caller, 2);

        Assert.Equal("by name: 1", throughInterface);
        Assert.Equal("by name: 2", throughClass);
        Assert.Equal(
            [("shapes.name", Caller, (object?)1, typeof(string), source.Token), ("shapes.name", Caller, (object?)2, typeof(object), CancellationToken.None)],
            _communication.Calls);
    }

    [Fact]
    public async Task The_core_result_is_awaited_converted_and_checked_and_its_failure_or_cancellation_kept()
    {
        ICommunication communication = _communication;
        _communication.Reply = async input =>
        {
            await Task.Yield();
            return input;
        };
        Assert.Equal(42, await communication.CallAsync<int>("shapes.later", Caller, 42));
        Assert.Null(await communication.CallAsync<int?>("shapes.later", Caller, null));

        var mismatch = await Assert.ThrowsAsync<CommunicationError>(async () => await communication.CallAsync<int>("shapes.later", Caller, "text"));
        Assert.Equal(ErrorCodes.Communication.TypeMismatch, mismatch.Code);
        Assert.Equal("Procedure 'shapes.later' returns System.String, which is not the System.Int32 the caller asked for.", mismatch.Message);
        _communication.Reply = _ => ValueTask.FromResult<object?>(null);
        var nullForInt = await Assert.ThrowsAsync<CommunicationError>(async () => await communication.CallAsync<int>("shapes.now", Caller, 1));
        Assert.Equal(ErrorCodes.Communication.TypeMismatch, nullForInt.Code);

        _communication.Reply = _ => ValueTask.FromException<object?>(new InvalidOperationException("boom"));
        var failed = communication.CallAsync<string>("shapes.now", Caller, 1);
        Assert.True(failed.IsFaulted);
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await failed)).Message);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        _communication.Reply = _ => ValueTask.FromCanceled<object?>(cancelled.Token);
        var call = communication.CallAsync<string>("shapes.now", Caller, 1);
        Assert.True(call.IsCanceled);
    }

    [Fact]
    public void A_call_by_handle_without_a_communication_or_a_handle_throws_argument_null()
    {
        Assert.Equal("communication", Assert.Throws<ArgumentNullException>(() => CommunicationExtensions.CallAsync(null!, Handle, Caller, "a")).ParamName);
        Assert.Equal("procedure", Assert.Throws<ArgumentNullException>(() => _communication.CallAsync((Procedure<string, string>)null!, Caller, "a")).ParamName);
        Assert.Empty(_communication.Calls);
    }

    /// <summary>Implements only what an adapter must, and records it.</summary>
    private sealed class CoreOnly : ICommunication
    {
        private readonly Dictionary<string, Func<Context, object?, CancellationToken, ValueTask<object?>>> _handlers = [];

        public List<string> Names { get; } = [];

        public List<Type> OriginalReturnTypes { get; } = [];

        public List<(IProcedureMiddleware Middleware, string? Procedure)> Middleware { get; } = [];

        public IReadOnlyList<ProcedureInfo> Procedures => throw new NotSupportedException();

        public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler)
        {
            ArgumentNullException.ThrowIfNull(handler);
            Names.Add(name);
            OriginalReturnTypes.Add(OriginalReturnType(handler));
            _handlers[name] = async (context, input, token) => await handler(context, (TIn)input!, token);
        }

        public async Task<TOut> RunAsync<TOut>(string name, object? input, CancellationToken token) =>
            (TOut)(await _handlers[name](Caller.WithProcedure(name), input, token))!;

        public List<(string Name, Context Context, object? Input, Type ResultType, CancellationToken Token)> Calls { get; } = [];

        /// <summary>What <see cref="CallCoreAsync"/> answers; by default "by name: " and the input.</summary>
        public Func<object?, ValueTask<object?>> Reply { get; set; } = input => ValueTask.FromResult<object?>("by name: " + input);

        public ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
        {
            Calls.Add((name, context, input, resultType, cancellationToken));
            return Reply(input);
        }

        public bool Has(string name) => Names.Contains(name);

        public void Use(IProcedureMiddleware middleware, string? procedure = null) => Middleware.Add((middleware, procedure));

        /// <summary>The return type of the user's delegate: the adapting closure captures it as a field.</summary>
        private static Type OriginalReturnType(Delegate handler)
        {
            var captured = handler.Target?.GetType()
                .GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(f => f.GetValue(handler.Target))
                .OfType<Delegate>()
                .FirstOrDefault();
            return (captured ?? handler).Method.ReturnType;
        }
    }
}
