using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;
using Mariachi.Testing.Conformance;

namespace Mariachi.Adapters.InMemory.Tests.Communication;

/// <summary>What is specific to in-process dispatch; the shared behaviour is in the conformance suite.</summary>
[Collection(UnobservedDispatch.Name)]
public sealed class InProcessCommunicationTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");
    private readonly InProcessCommunication _communication = new();

    [Fact]
    public async Task What_a_handler_throws_before_returning_surfaces_at_the_call_as_from_a_direct_call()
    {
        _communication.Register<EchoInput, EchoOutput>("sync.throws", (_, _) => throw new NotFoundError(ErrorCodes.NotFound, "gone"));
        _communication.Register<EchoInput, EchoOutput>("async.throws", async (_, _) =>
        {
            await Task.Yield();
            throw new NotFoundError(ErrorCodes.NotFound, "gone later");
        });

        var thrown = Assert.Throws<NotFoundError>(() => { _ = _communication.CallAsync<EchoOutput>("sync.throws", Caller, new EchoInput { Text = "a" }); });
        var faulted = _communication.CallAsync<EchoOutput>("async.throws", Caller, new EchoInput { Text = "a" });

        Assert.Equal("gone", thrown.Message);
        Assert.Equal("gone later", (await Assert.ThrowsAsync<NotFoundError>(() => faulted.AsTask())).Message);
    }

    [Fact]
    public void What_Mariachi_rejects_is_a_faulted_call_never_a_thrown_exception()
    {
        _communication.Register<EchoInput, EchoOutput>("echo.checked", (_, input) => ValueTask.FromResult(new EchoOutput { Text = input.Text }));

        var invalid = _communication.CallAsync<EchoOutput>("echo.checked", Caller, new EchoInput { Text = string.Empty });
        var unknown = _communication.CallAsync<EchoOutput>("echo.unknown", Caller, new EchoInput { Text = "a" });
        var mismatch = _communication.CallAsync<EchoOutput>("echo.checked", Caller, new OtherInput());
        var cancelled = _communication.CallAsync<EchoOutput>("echo.checked", Caller, new EchoInput { Text = "a" }, new CancellationToken(canceled: true));

        Assert.IsType<ValidationError>(invalid.AsTask().Exception?.InnerException);
        Assert.Equal(ErrorCodes.Communication.NotFound, Assert.IsType<CommunicationError>(unknown.AsTask().Exception?.InnerException).Code);
        Assert.Equal(ErrorCodes.Communication.TypeMismatch, Assert.IsType<CommunicationError>(mismatch.AsTask().Exception?.InnerException).Code);
        Assert.True(cancelled.IsCanceled);
    }

    [Fact]
    public async Task A_synchronous_handler_completes_the_call_synchronously_by_handle_by_name_and_through_middleware()
    {
        var procedure = new Procedure<EchoInput, string>("sync.done");
        _communication.Register(procedure, (_, input) => ValueTask.FromResult(input.Text));
        var input = new EchoInput { Text = "s" };

        var byHandle = _communication.CallAsync(procedure, Caller, input);
        var byName = _communication.CallAsync<string>("sync.done", Caller, input);
        _communication.Use((call, next) => next(call));
        var throughMiddleware = _communication.CallAsync(procedure, Caller, input);

        Assert.True(byHandle.IsCompletedSuccessfully);
        Assert.True(byName.IsCompletedSuccessfully);
        Assert.True(throughMiddleware.IsCompletedSuccessfully);
        Assert.Equal(["s", "s", "s"], [await byHandle, await byName, await throughMiddleware]);
    }

    [Fact]
    public async Task A_synchronous_call_allocates_no_task_only_the_context_that_carries_the_procedure()
    {
        // An input type without validation rules, and a result made once: the call itself is what allocates.
        var procedure = new Procedure<OtherInput, EchoOutput>("sync.cheap");
        var output = new EchoOutput { Text = "cached" };
        _communication.Register(procedure, (_, _) => ValueTask.FromResult(output));
        var input = new OtherInput { Value = 1 };
        const int Calls = 1000;
        var callers = Enumerable.Range(0, Calls).Select(_ => Context.Create(tenantId: "t1")).ToArray();
        for (var i = 0; i < 100; i++)
        {
            await _communication.CallAsync(procedure, Caller, input);
            await _communication.CallAsync<EchoOutput>("sync.cheap", Caller, input);
        }

        // Awaiting calls that completed synchronously never leaves this thread, whose allocations are counted.
        var start = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            await _communication.CallAsync(procedure, Caller, input);
            await _communication.CallAsync<EchoOutput>("sync.cheap", Caller, input);
        }

        var sameCaller = (GC.GetAllocatedBytesForCurrentThread() - start) / (2.0 * Calls);
        start = GC.GetAllocatedBytesForCurrentThread();
        foreach (var caller in callers)
        {
            await _communication.CallAsync(procedure, caller, input);
        }

        var newCaller = (GC.GetAllocatedBytesForCurrentThread() - start) / (double)Calls;

        // The same caller reuses its copy; a new caller makes one Context copy, smaller than a Task<T> (72 bytes).
        Assert.True(sameCaller < 1, $"{sameCaller} bytes per call from the same caller");
        Assert.InRange(newCaller, 1, 71);
    }

    [Fact]
    public async Task Non_mariachi_exceptions_propagate_unchanged()
    {
        _communication.Register<EchoInput, EchoOutput>("plain.throws", (_, _) => throw new FormatException("bad"));

        await Assert.ThrowsAsync<FormatException>(() => _communication.CallAsync<EchoOutput>("plain.throws", Caller, new EchoInput { Text = "a" }).AsTask());
    }

    [Fact]
    public async Task Calling_by_name_with_a_base_output_type_is_allowed()
    {
        _communication.Register<EchoInput, EchoOutput>("echo.base", (context, input) => Task.FromResult(new EchoOutput { Text = input.Text }));

        var output = await _communication.CallAsync<object>("echo.base", Caller, new EchoInput { Text = "o" });

        Assert.Equal("o", Assert.IsType<EchoOutput>(output).Text);
    }

    [Fact]
    public async Task A_procedure_handle_with_other_types_than_the_registration_is_a_type_mismatch()
    {
        _communication.Register<EchoInput, EchoOutput>("echo.typed", (context, input) => Task.FromResult(new EchoOutput { Text = input.Text }));
        var wrong = new Procedure<OtherInput, EchoOutput>("echo.typed");

        var error = await Assert.ThrowsAsync<CommunicationError>(() => _communication.CallAsync(wrong, Caller, new OtherInput()).AsTask());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, error.Code);
        Assert.Equal("input", error.Metadata["side"]);
    }

    [Fact]
    public async Task Middleware_returning_a_value_of_the_wrong_type_is_a_type_mismatch()
    {
        _communication.Register<EchoInput, EchoOutput>("echo.mangled", (context, input) => Task.FromResult(new EchoOutput { Text = input.Text }));
        _communication.Use((_, _) => ValueTask.FromResult<object?>(42));

        var error = await Assert.ThrowsAsync<CommunicationError>(
            () => _communication.CallAsync<EchoOutput>("echo.mangled", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, error.Code);
        Assert.Equal("output", error.Metadata["side"]);
    }

    [Fact]
    public async Task Value_type_procedures_work_with_null_rejected()
    {
        _communication.Register<int, int>("math.double", (_, value) => Task.FromResult(value * 2));

        Assert.Equal(8, await _communication.CallAsync<int>("math.double", Caller, 4));
        var error = await Assert.ThrowsAsync<CommunicationError>(() => _communication.CallAsync<int>("math.double", Caller, null).AsTask());
        Assert.Equal(ErrorCodes.Communication.TypeMismatch, error.Code);
    }

    [Fact]
    public async Task Input_types_without_rules_skip_validation_and_types_with_rules_are_checked_per_call()
    {
        _communication.Register<OtherInput, int>("other.value", (_, input) => Task.FromResult(input.Value));
        _communication.Register<EchoInput, string>("echo.text", (_, input) => Task.FromResult(input.Text));

        Assert.Equal(7, await _communication.CallAsync<int>("other.value", Caller, new OtherInput { Value = 7 }));
        Assert.Equal("ok", await _communication.CallAsync<string>("echo.text", Caller, new EchoInput { Text = "ok" }));
        await Assert.ThrowsAsync<ValidationError>(() => _communication.CallAsync<string>("echo.text", Caller, new EchoInput { Text = string.Empty }).AsTask());
    }

    [Fact]
    public async Task A_handle_used_with_two_communications_reaches_each_ones_handler()
    {
        var procedure = new Procedure<EchoInput, string>("echo.shared");
        var other = new InProcessCommunication();
        _communication.Register(procedure, (_, input) => Task.FromResult("first:" + input.Text));
        other.Register(procedure, (_, input) => Task.FromResult("second:" + input.Text));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("first:a", await _communication.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));
            Assert.Equal("second:a", await other.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));
        }
    }

    [Fact]
    public async Task A_handle_not_registered_in_a_communication_is_not_found_there_after_a_call_elsewhere()
    {
        var procedure = new Procedure<EchoInput, string>("echo.elsewhere");
        var other = new InProcessCommunication();
        other.Register(procedure, (_, input) => Task.FromResult(input.Text));
        _communication.Register<EchoInput, string>("echo.elsewhere-not", (_, input) => Task.FromResult(input.Text));

        Assert.Equal("a", await other.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));
        var error = await Assert.ThrowsAsync<CommunicationError>(() => _communication.CallAsync(procedure, Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal(ErrorCodes.Communication.NotFound, error.Code);
        Assert.Contains("Did you mean 'echo.elsewhere-not'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Middleware_added_after_calls_through_a_handle_runs_on_the_next_call()
    {
        var procedure = new Procedure<EchoInput, string>("echo.later");
        _communication.Register(procedure, (_, input) => Task.FromResult(input.Text));
        Assert.Equal("a", await _communication.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));

        _communication.Use(async (call, next) => "wrapped:" + await next(call));

        Assert.Equal("wrapped:a", await _communication.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));
    }

    [Fact]
    public async Task A_handle_keeps_working_after_other_procedures_are_registered()
    {
        var procedure = new Procedure<EchoInput, string>("echo.first");
        _communication.Register(procedure, (_, input) => Task.FromResult(input.Text));
        Assert.Equal("a", await _communication.CallAsync(procedure, Caller, new EchoInput { Text = "a" }));

        _communication.Register<EchoInput, string>("echo.second", (_, input) => Task.FromResult(input.Text));

        Assert.Equal("b", await _communication.CallAsync(procedure, Caller, new EchoInput { Text = "b" }));
    }

    [Fact]
    public async Task Handlers_registered_with_or_without_a_token_get_the_context_with_the_procedure_set()
    {
        using var cancellation = new CancellationTokenSource();
        _communication.Register<EchoInput, string>("echo.no-token", (context, _) => Task.FromResult(context.Procedure!));
        _communication.Register<EchoInput, bool>("echo.token", (_, _, token) => Task.FromResult(token == cancellation.Token));

        Assert.Equal("echo.no-token", await _communication.CallAsync<string>("echo.no-token", Caller, new EchoInput { Text = "a" }));
        Assert.True(await _communication.CallAsync<bool>("echo.token", Caller, new EchoInput { Text = "a" }, cancellation.Token));
    }

    [Fact]
    public async Task A_handler_returning_a_null_task_fails_the_call_naming_the_procedure()
    {
        _communication.Register<EchoInput, string>("echo.null", (_, _) => null!);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _communication.CallAsync<string>("echo.null", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Contains("echo.null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_throw_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => _communication.Register<int, int>("a.b", (Func<Context, int, Task<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => _communication.Register<int, int>("a.b", (Func<Context, int, CancellationToken, ValueTask<int>>)null!));
        Assert.Throws<ArgumentNullException>(() => { _ = _communication.CallAsync<int>("a.b", null!, 1); });
        Assert.Throws<ArgumentNullException>(() => _communication.Use((IProcedureMiddleware)null!));
    }
}
