using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Validation;

namespace Mariachi.Abstractions.Tests.Communication;

/// <summary>
/// A communication that binds (<see cref="IProcedureBinder"/>) gets calls by name and by handle through its bindings,
/// middleware included, and only the rest through its core: a recording adapter over the shared registry shows which
/// way each call went.
/// </summary>
public sealed class BindingDispatchTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");
    private static readonly Procedure<Question, string> Ask = new("binding.ask");
    private readonly Binder _communication = new();

    [Fact]
    public async Task A_call_by_name_runs_the_bound_handler_and_its_middleware_without_the_core()
    {
        _communication.Register(Ask, (_, question) => ValueTask.FromResult("answer to " + question.Text));
        Assert.Equal("answer to a", await Call("binding.ask", "a"));

        var seen = new List<string>();
        _communication.Use((call, next) =>
        {
            seen.Add(call.Procedure + ":" + call.Context.Procedure);
            return next(call);
        });

        Assert.Equal("answer to b", await Call("binding.ask", "b"));
        Assert.Equal("answer to c", await Call("binding.ask", "c"));
        Assert.Equal(["binding.ask:binding.ask", "binding.ask:binding.ask"], seen);
        Assert.Empty(_communication.CoreCalls);
    }

    [Fact]
    public async Task A_bound_handle_enters_the_middleware_pipeline_directly_and_binds_once()
    {
        _communication.Register(Ask, (_, question) => ValueTask.FromResult("answer to " + question.Text));
        var runs = 0;
        _communication.Use((call, next) =>
        {
            runs++;
            return next(call);
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("answer to " + i, await _communication.CallAsync(Ask, Caller, new Question(i.ToString())));
        }

        Assert.Equal(3, runs);
        Assert.Equal(1, _communication.Binds);
        Assert.Empty(_communication.CoreCalls);
    }

    [Fact]
    public async Task A_bound_handle_through_middleware_keeps_its_errors_and_its_typed_result()
    {
        var numbers = new Procedure<Question, int>("binding.count");
        _communication.Register(numbers, (_, question) => ValueTask.FromResult(question.Text.Length));
        _communication.Use((call, next) => call.Input is Question { Text: "" } ? throw new InvalidOperationException("empty") : next(call));

        Assert.Equal(3, await _communication.CallAsync(numbers, Caller, new Question("abc")));
        var failed = _communication.CallAsync(numbers, Caller, new Question(string.Empty));

        Assert.True(failed.IsFaulted);
        Assert.Equal("empty", (await Assert.ThrowsAsync<InvalidOperationException>(async () => await failed)).Message);
        Assert.Empty(_communication.CoreCalls);
    }

    [Fact]
    public async Task Unknown_names_other_output_types_and_cancelled_tokens_go_to_the_core()
    {
        _communication.Register(Ask, (_, question) => ValueTask.FromResult("answer to " + question.Text));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var unknown = Call("binding.unknown", "a");
        var asObject = await ((ICommunication)_communication).CallAsync<object>("binding.ask", Caller, new Question("o"));
        var cancel = ((ICommunication)_communication).CallAsync<string>("binding.ask", Caller, new Question("c"), cancelled.Token);

        Assert.Equal(ErrorCodes.Communication.NotFound, (await Assert.ThrowsAsync<CommunicationError>(async () => await unknown)).Code);
        Assert.Equal("answer to o", asObject);
        Assert.True(cancel.IsCanceled);
        Assert.Equal(
            [("binding.unknown", typeof(string)), ("binding.ask", typeof(object)), ("binding.ask", typeof(string))],
            _communication.CoreCalls);
    }

    private ValueTask<string> Call(string name, string text) =>
        ((ICommunication)_communication).CallAsync<string>(name, Caller, new Question(text));

    private sealed record Question(string Text);

    /// <summary>An adapter that binds, over the shared registry, counting its bindings and recording its core calls.</summary>
    private sealed class Binder : ICommunication, IProcedureBinder
    {
        private readonly ProcedureRegistry<ProcedureHandler> _registry;
        private readonly InputValidator _validator = new();

        public Binder() => _registry = new ProcedureRegistry<ProcedureHandler>(this);

        public int Binds { get; private set; }

        public List<(string Name, Type ResultType)> CoreCalls { get; } = [];

        public IReadOnlyList<ProcedureInfo> Procedures => _registry.Procedures;

        public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler) =>
            _registry.Add(new ProcedureHandler<TIn, TOut>(name, handler, _validator));

        public ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken)
        {
            CoreCalls.Add((name, resultType));
            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<object?>(cancellationToken);
            }

            return _registry.TryGet(name, out var entry)
                ? entry.CallAsync(context, input, resultType, cancellationToken)
                : ValueTask.FromException<object?>(CommunicationErrors.NotFound(name, _registry.Names));
        }

        public ProcedureBinding? Bind(string name)
        {
            Binds++;
            return _registry.Bind(name);
        }

        public bool Has(string name) => _registry.Has(name);

        public void Use(IProcedureMiddleware middleware, string? procedure = null) => _registry.Use(middleware, procedure);
    }
}
