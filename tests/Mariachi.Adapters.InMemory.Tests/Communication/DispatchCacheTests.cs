using System.Runtime.CompilerServices;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;

namespace Mariachi.Adapters.InMemory.Tests.Communication;

/// <summary>
/// A handle remembers the handler it found, and a communication the last name it was called by: these caches must
/// never send a call to another communication's handler, around middleware added since, or to a handler of other types.
/// </summary>
public sealed class DispatchCacheTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");

    [Fact]
    public async Task One_handle_used_with_two_communications_reaches_each_ones_own_handler()
    {
        var procedure = new Procedure<Question, string>("cache.whoami");
        var first = new InProcessCommunication();
        var second = new InProcessCommunication();
        first.Register(procedure, (_, _) => ValueTask.FromResult("first"));
        second.Register(procedure, (_, _) => ValueTask.FromResult("second"));

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await first.CallAsync(procedure, Caller, new Question()));
            answers.Add(await second.CallAsync(procedure, Caller, new Question()));
            answers.Add(await second.CallAsync<string>("cache.whoami", Caller, new Question()));
            answers.Add(await first.CallAsync<string>("cache.whoami", Caller, new Question()));
        }

        Assert.Equal(Enumerable.Repeat<string[]>(["first", "second", "second", "first"], 3).SelectMany(a => a), answers);
    }

    [Fact]
    public async Task Middleware_added_after_calls_runs_on_the_next_call_by_handle_and_by_name()
    {
        var procedure = new Procedure<Question, string>("cache.wrapped");
        var communication = new InProcessCommunication();
        communication.Register(procedure, (_, _) => ValueTask.FromResult("plain"));
        Assert.Equal("plain", await communication.CallAsync(procedure, Caller, new Question()));
        Assert.Equal("plain", await communication.CallAsync<string>("cache.wrapped", Caller, new Question()));

        communication.Use(async (call, next) => (object?)((string?)await next(call) + "+wrapped"));

        Assert.Equal("plain+wrapped", await communication.CallAsync(procedure, Caller, new Question()));
        Assert.Equal("plain+wrapped", await communication.CallAsync<string>("cache.wrapped", Caller, new Question()));
    }

    [Fact]
    public async Task A_registration_after_calls_leaves_earlier_procedures_reachable_and_finds_the_new_one()
    {
        var early = new Procedure<Question, string>("cache.early");
        var late = new Procedure<Question, string>("cache.late");
        var communication = new InProcessCommunication();
        communication.Register(early, (_, _) => ValueTask.FromResult("early"));
        Assert.Equal("early", await communication.CallAsync(early, Caller, new Question()));
        var notYet = communication.CallAsync(late, Caller, new Question());

        communication.Register(late, (_, _) => ValueTask.FromResult("late"));

        Assert.Equal(ErrorCodes.Communication.NotFound, Assert.IsType<CommunicationError>(notYet.AsTask().Exception?.InnerException).Code);
        Assert.Equal("early", await communication.CallAsync(early, Caller, new Question()));
        Assert.Equal("late", await communication.CallAsync(late, Caller, new Question()));
        Assert.Equal("early", await communication.CallAsync<string>("cache.early", Caller, new Question()));
    }

    [Fact]
    public async Task A_handle_bound_to_one_communication_gets_a_type_mismatch_where_the_name_has_other_types()
    {
        var procedure = new Procedure<Question, string>("cache.typed");
        var strings = new InProcessCommunication();
        var numbers = new InProcessCommunication();
        strings.Register(procedure, (_, _) => ValueTask.FromResult("text"));
        numbers.Register<Question, int>("cache.typed", (_, _) => ValueTask.FromResult(42));
        Assert.Equal("text", await strings.CallAsync(procedure, Caller, new Question()));

        var mismatch = numbers.CallAsync(procedure, Caller, new Question());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, Assert.IsType<CommunicationError>(mismatch.AsTask().Exception?.InnerException).Code);
        Assert.Equal("text", await strings.CallAsync(procedure, Caller, new Question()));
        Assert.Equal(42, await numbers.CallAsync<int>("cache.typed", Caller, new Question()));
    }

    [Fact]
    public async Task The_last_name_called_is_checked_for_the_output_type_asked_and_found_by_text_as_well()
    {
        var communication = new InProcessCommunication();
        communication.Register<Question, string>("cache.name", (_, _) => ValueTask.FromResult("by name"));
        communication.Register<Question, string>("cache.other", (_, _) => ValueTask.FromResult("other"));
        Assert.Equal("by name", await communication.CallAsync<string>("cache.name", Caller, new Question()));

        var mismatch = communication.CallAsync<Question>("cache.name", Caller, new Question());
        var copy = new string("cache.name".AsSpan());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, Assert.IsType<CommunicationError>(mismatch.AsTask().Exception?.InnerException).Code);
        Assert.Equal("by name", await communication.CallAsync<string>(copy, Caller, new Question()));
        Assert.Equal("other", await communication.CallAsync<string>("cache.other", Caller, new Question()));
        Assert.Equal("by name", await communication.CallAsync<string>(copy, Caller, new Question()));
    }

    [Fact]
    public async Task A_bound_handle_still_checks_the_token_and_the_context_before_running_the_handler()
    {
        var procedure = new Procedure<Question, string>("cache.checked");
        var communication = new InProcessCommunication();
        var runs = 0;
        communication.Register(procedure, (_, _) => ValueTask.FromResult("run " + ++runs));
        Assert.Equal("run 1", await communication.CallAsync(procedure, Caller, new Question()));

        var cancelled = communication.CallAsync(procedure, Caller, new Question(), new CancellationToken(canceled: true));

        Assert.True(cancelled.IsCanceled);
        Assert.Equal("context", Assert.Throws<ArgumentNullException>(() => { _ = communication.CallAsync(procedure, null!, new Question()); }).ParamName);
        Assert.Equal(1, runs);
        Assert.Equal("run 2", await communication.CallAsync(procedure, Caller, new Question()));
    }

    [Fact]
    public async Task A_handle_does_not_keep_a_dropped_communication_reachable()
    {
        var procedure = new Procedure<Question, string>("cache.dropped");
        var dropped = await CallOnceAndDropAsync(procedure);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(dropped.TryGetTarget(out _));
        var next = new InProcessCommunication();
        next.Register(procedure, (_, _) => ValueTask.FromResult("next"));
        Assert.Equal("next", await next.CallAsync(procedure, Caller, new Question()));
    }

    /// <summary>Binds <paramref name="procedure"/> to a communication that nothing else keeps, in a frame of its own.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<WeakReference<InProcessCommunication>> CallOnceAndDropAsync(Procedure<Question, string> procedure)
    {
        var communication = new InProcessCommunication();
        communication.Register(procedure, (_, _) => ValueTask.FromResult("dropped"));
        Assert.Equal("dropped", await communication.CallAsync(procedure, Caller, new Question()));
        Assert.Equal("dropped", await communication.CallAsync(procedure, Caller, new Question()));
        return new WeakReference<InProcessCommunication>(communication);
    }

    /// <summary>An input without validation rules.</summary>
    private sealed class Question;
}
