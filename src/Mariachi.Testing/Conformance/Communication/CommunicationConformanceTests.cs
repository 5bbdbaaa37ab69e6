using Mariachi.Communication;

namespace Mariachi.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="ICommunication"/> adapter must have. Inherit it in a test project and return a
/// fresh, empty communication layer from <see cref="CreateCommunicationAsync"/>; every test must pass unchanged.
/// </summary>
public abstract partial class CommunicationConformanceTests : IAsyncLifetime
{
    private ICommunication? _communication;

    /// <summary>The layer under test, created before each test.</summary>
    protected ICommunication Communication => _communication ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A caller's context with a tenant and a user.</summary>
    protected static Context Caller { get; } = Context.Create(tenantId: "tenant-a", userId: "user-1");

    /// <summary>Creates an empty communication layer for one test.</summary>
    protected abstract Task<ICommunication> CreateCommunicationAsync();

    /// <summary>Releases what <see cref="CreateCommunicationAsync"/> created.</summary>
    protected virtual Task DisposeCommunicationAsync(ICommunication communication) =>
        communication is IAsyncDisposable disposable ? disposable.DisposeAsync().AsTask() : Task.CompletedTask;

    public virtual async Task InitializeAsync() => _communication = await CreateCommunicationAsync().ConfigureAwait(false);

    public virtual async Task DisposeAsync()
    {
        if (_communication is not null)
        {
            await DisposeCommunicationAsync(_communication).ConfigureAwait(false);
        }
    }

    /// <summary>Registers <c>conformance.echo</c>, which repeats the text and reports the context it received.</summary>
    protected void RegisterEcho(string name = "conformance.echo") =>
        Communication.Register<EchoInput, EchoOutput>(name, (context, input) => Task.FromResult(Echo(context, input)));

    protected static EchoOutput Echo(Context context, EchoInput input) => new()
    {
        Text = string.Concat(Enumerable.Repeat(input.Text, input.Times)),
        Procedure = context.Procedure,
        TraceId = context.TraceId,
        TenantId = context.TenantId,
        UserId = context.UserId,
    };

    [Fact]
    public async Task Call_by_name_returns_the_handler_result()
    {
        RegisterEcho();

        var output = await Communication.CallAsync<EchoOutput>("conformance.echo", Caller, new EchoInput { Text = "ab", Times = 2 });

        Assert.Equal("abab", output.Text);
    }

    [Fact]
    public async Task Call_by_procedure_handle_returns_the_handler_result()
    {
        var procedure = new Procedure<EchoInput, EchoOutput>("conformance.handle");
        Communication.Register(procedure, (context, input, _) => Task.FromResult(Echo(context, input)));

        var output = await Communication.CallAsync(procedure, Caller, new EchoInput { Text = "x", Times = 3 });

        Assert.Equal("xxx", output.Text);
    }

    [Fact]
    public async Task Every_handler_shape_registers_by_name_and_by_handle_with_the_context_and_token()
    {
        static EchoOutput Shape(Context context, EchoInput input, CancellationToken? token) =>
            Echo(context, input) with { Text = token is { CanBeCanceled: true } ? "token" : token is null ? "no token" : "none" };
        var handles = Enumerable.Range(1, 4).Select(i => new Procedure<EchoInput, EchoOutput>($"conformance.handle-{i}")).ToArray();
        Communication.Register<EchoInput, EchoOutput>("conformance.name-1", (context, input, token) => ValueTask.FromResult(Shape(context, input, token)));
        Communication.Register<EchoInput, EchoOutput>("conformance.name-2", (context, input) => ValueTask.FromResult(Shape(context, input, null)));
        Communication.Register<EchoInput, EchoOutput>("conformance.name-3", (context, input, token) => Task.FromResult(Shape(context, input, token)));
        Communication.Register<EchoInput, EchoOutput>("conformance.name-4", (context, input) => Task.FromResult(Shape(context, input, null)));
        Communication.Register(handles[0], (context, input, token) => ValueTask.FromResult(Shape(context, input, token)));
        Communication.Register(handles[1], (context, input) => ValueTask.FromResult(Shape(context, input, null)));
        Communication.Register(handles[2], (context, input, token) => Task.FromResult(Shape(context, input, token)));
        Communication.Register(handles[3], async (context, input) =>
        {
            await Task.Yield();
            return Shape(context, input, null);
        });
        using var source = new CancellationTokenSource();

        for (var i = 1; i <= 4; i++)
        {
            var byName = await Communication.CallAsync<EchoOutput>($"conformance.name-{i}", Caller, new EchoInput { Text = "a" }, source.Token);
            var byHandle = await Communication.CallAsync(handles[i - 1], Caller, new EchoInput { Text = "a" }, source.Token);

            var expected = i % 2 == 1 ? "token" : "no token";
            Assert.Equal((expected, $"conformance.name-{i}", Caller.TraceId), (byName.Text, byName.Procedure, byName.TraceId));
            Assert.Equal((expected, $"conformance.handle-{i}", "tenant-a"), (byHandle.Text, byHandle.Procedure, byHandle.TenantId));
        }
    }

    [Fact]
    public async Task Handler_receives_the_callers_context_with_the_procedure_set()
    {
        RegisterEcho();

        var output = await Communication.CallAsync<EchoOutput>("conformance.echo", Caller, new EchoInput { Text = "a" });

        Assert.Equal("conformance.echo", output.Procedure);
        Assert.Equal(Caller.TraceId, output.TraceId);
        Assert.Equal("tenant-a", output.TenantId);
        Assert.Equal("user-1", output.UserId);
        Assert.Null(Caller.Procedure);
    }

    [Fact]
    public void Registering_a_name_twice_throws_duplicate_procedure_naming_it()
    {
        RegisterEcho("conformance.twice");

        var error = Assert.Throws<CommunicationError>(() => RegisterEcho("conformance.twice"));

        Assert.Equal(ErrorCodes.Communication.DuplicateProcedure, error.Code);
        Assert.Contains("conformance.twice", error.Message, StringComparison.Ordinal);
        Assert.Equal("conformance.twice", error.Metadata["procedure"]);
    }

    [Theory]
    [InlineData("Orders.create")]
    [InlineData("orders")]
    [InlineData("orders..create")]
    [InlineData("orders.create.")]
    [InlineData("orders create")]
    [InlineData("")]
    public void Malformed_names_are_rejected(string name)
    {
        var onRegister = Assert.Throws<CommunicationError>(() => RegisterEcho(name));
        var onHandle = Assert.Throws<CommunicationError>(() => new Procedure<EchoInput, EchoOutput>(name));

        Assert.Equal(ErrorCodes.Communication.InvalidName, onRegister.Code);
        Assert.Equal(ErrorCodes.Communication.InvalidName, onHandle.Code);
        Assert.False(Communication.Has(name));
    }

    [Fact]
    public async Task Unknown_name_throws_not_found_with_a_suggestion()
    {
        RegisterEcho("orders.create");

        var error = await Assert.ThrowsAsync<CommunicationError>(
            () => Communication.CallAsync<EchoOutput>("orders.craete", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal(ErrorCodes.Communication.NotFound, error.Code);
        Assert.Equal(404, ErrorStatus.ToHttpStatus(error.Code));
        Assert.Contains("orders.craete", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'orders.create'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_name_far_from_any_registered_one_has_no_suggestion()
    {
        RegisterEcho("orders.create");

        var error = await Assert.ThrowsAsync<CommunicationError>(
            () => Communication.CallAsync<EchoOutput>("billing.invoices.send", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal(ErrorCodes.Communication.NotFound, error.Code);
        Assert.DoesNotContain("Did you mean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_of_the_wrong_type_throws_type_mismatch()
    {
        RegisterEcho();

        var error = await Assert.ThrowsAsync<CommunicationError>(
            () => Communication.CallAsync<EchoOutput>("conformance.echo", Caller, new OtherInput { Value = 1 }).AsTask());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, error.Code);
        Assert.Equal("conformance.echo", error.Metadata["procedure"]);
    }

    [Fact]
    public async Task Output_of_the_wrong_type_throws_type_mismatch()
    {
        RegisterEcho();

        var error = await Assert.ThrowsAsync<CommunicationError>(
            () => Communication.CallAsync<OtherInput>("conformance.echo", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal(ErrorCodes.Communication.TypeMismatch, error.Code);
    }

    [Fact]
    public async Task Invalid_input_is_rejected_with_field_errors_before_the_handler_runs()
    {
        var calls = 0;
        Communication.Register<EchoInput, EchoOutput>("conformance.validated", (context, input) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(Echo(context, input));
        });

        var error = await Assert.ThrowsAsync<ValidationError>(
            () => Communication.CallAsync<EchoOutput>("conformance.validated", Caller, new EchoInput { Text = string.Empty, Times = 5000 }).AsTask());

        Assert.Equal(ErrorCodes.Validation.InvalidInput, error.Code);
        Assert.Equal(400, ErrorStatus.ToHttpStatus(error.Code));
        var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(error.Metadata["errors"]);
        Assert.Contains(nameof(EchoInput.Text), errors.Keys);
        Assert.Contains(nameof(EchoInput.Times), errors.Keys);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_handlers_mariachi_error_keeps_its_code_message_and_metadata()
    {
        Communication.Register<EchoInput, EchoOutput>("conformance.fails", (_, _) =>
            throw new ConflictError("conflict/out-of-stock", "Only 2 left.", MariachiError.Meta(("sku", "abc"))));

        var error = await Assert.ThrowsAsync<ConflictError>(
            () => Communication.CallAsync<EchoOutput>("conformance.fails", Caller, new EchoInput { Text = "a" }).AsTask());

        Assert.Equal("conflict/out-of-stock", error.Code);
        Assert.Equal("Only 2 left.", error.Message);
        Assert.Equal("abc", error.Metadata["sku"]?.ToString());
    }

    [Fact]
    public async Task Has_and_Procedures_list_the_registrations()
    {
        RegisterEcho("b.second");
        RegisterEcho("a.first");

        Assert.True(Communication.Has("a.first"));
        Assert.False(Communication.Has("a.third"));
        Assert.Equal(["a.first", "b.second"], Communication.Procedures.Select(p => p.Name));
        Assert.Equal(typeof(EchoInput), Communication.Procedures[0].InputType);
        Assert.Equal(typeof(EchoOutput), Communication.Procedures[0].OutputType);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Middleware_sees_name_context_input_token_and_result()
    {
        RegisterEcho();
        ProcedureCall? seen = null;
        object? seenResult = null;
        Communication.Use(async (call, next) =>
        {
            seen = call;
            seenResult = await next(call);
            return seenResult;
        });
        using var source = new CancellationTokenSource();
        var input = new EchoInput { Text = "m" };

        await Communication.CallAsync<EchoOutput>("conformance.echo", Caller, input, source.Token);

        Assert.NotNull(seen);
        Assert.Equal("conformance.echo", seen.Procedure);
        Assert.Equal("conformance.echo", seen.Context.Procedure);
        Assert.Equal(Caller.TraceId, seen.Context.TraceId);
        Assert.Equal(input, seen.Input);
        Assert.True(seen.CancellationToken.CanBeCanceled);
        Assert.Equal("m", Assert.IsType<EchoOutput>(seenResult).Text);
    }

    [Fact]
    public async Task Middleware_can_short_circuit_and_transform()
    {
        var calls = 0;
        Communication.Register<EchoInput, EchoOutput>("conformance.counted", (context, input) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(Echo(context, input));
        });
        Communication.Use(
            async (call, next) => ((EchoInput)call.Input!).Text == "cached"
                ? new EchoOutput { Text = "from-cache" }
                : (EchoOutput)(await next(call.WithInput(new EchoInput { Text = "rewritten" })))! with { UserId = "changed" },
            "conformance.counted");

        var cached = await Communication.CallAsync<EchoOutput>("conformance.counted", Caller, new EchoInput { Text = "cached" });
        var transformed = await Communication.CallAsync<EchoOutput>("conformance.counted", Caller, new EchoInput { Text = "x" });

        Assert.Equal("from-cache", cached.Text);
        Assert.Equal("rewritten", transformed.Text);
        Assert.Equal("changed", transformed.UserId);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Middleware_can_retry()
    {
        var attempts = 0;
        Communication.Register<EchoInput, EchoOutput>("conformance.flaky", (context, input) =>
            Interlocked.Increment(ref attempts) < 3
                ? throw new CommunicationError(ErrorCodes.Communication.Unavailable, "Try again.")
                : Task.FromResult(Echo(context, input)));
        Communication.Use(async (call, next) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await next(call);
                }
                catch (CommunicationError error) when (error.Code == ErrorCodes.Communication.Unavailable && attempt < 5)
                {
                }
            }
        });

        var output = await Communication.CallAsync<EchoOutput>("conformance.flaky", Caller, new EchoInput { Text = "r" });

        Assert.Equal("r", output.Text);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Global_middleware_runs_outside_per_procedure_middleware_in_the_order_added()
    {
        RegisterEcho("conformance.one");
        RegisterEcho("conformance.two");
        var trace = new List<string>();
        Communication.Use(Recording("global-1"));
        Communication.Use(Recording("own"), "conformance.one");
        Communication.Use(Recording("global-2"));

        await Communication.CallAsync<EchoOutput>("conformance.one", Caller, new EchoInput { Text = "a" });
        await Communication.CallAsync<EchoOutput>("conformance.two", Caller, new EchoInput { Text = "a" });

        Assert.Equal(["global-1", "global-2", "own", "global-1", "global-2"], trace);

        Func<ProcedureCall, ProcedureDelegate, ValueTask<object?>> Recording(string name) => (call, next) =>
        {
            lock (trace)
            {
                trace.Add(name);
            }

            return next(call);
        };
    }

    [Fact]
    public async Task Middleware_added_before_a_registration_applies_to_it()
    {
        var seen = new List<string>();
        Communication.Use((call, next) =>
        {
            lock (seen)
            {
                seen.Add(call.Procedure);
            }

            return next(call);
        });
        RegisterEcho("conformance.late");

        await Communication.CallAsync<EchoOutput>("conformance.late", Caller, new EchoInput { Text = "a" });

        Assert.Equal(["conformance.late"], seen);
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_handler()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Communication.Register<EchoInput, EchoOutput>("conformance.slow", async (context, input, cancellationToken) =>
        {
            reached.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Echo(context, input);
        });
        using var source = new CancellationTokenSource();

        var call = Communication.CallAsync<EchoOutput>("conformance.slow", Caller, new EchoInput { Text = "a" }, source.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await source.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.AsTask());
    }

    [Fact]
    public async Task An_already_cancelled_call_does_not_run_the_handler()
    {
        var calls = 0;
        Communication.Register<EchoInput, EchoOutput>("conformance.never", (context, input) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(Echo(context, input));
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Communication.CallAsync<EchoOutput>("conformance.never", Caller, new EchoInput { Text = "a" }, new CancellationToken(canceled: true)).AsTask());
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Registering_while_calls_run_is_safe()
    {
        RegisterEcho("conformance.busy");
        using var stop = new CancellationTokenSource();
        var completed = 0;
        var callers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var output = await Communication.CallAsync<EchoOutput>("conformance.busy", Caller, new EchoInput { Text = "z" });
                Assert.Equal("z", output.Text);
                Interlocked.Increment(ref completed);
            }
        })).ToArray();
        while (Volatile.Read(ref completed) < 10)
        {
            await Task.Delay(1);
        }

        for (var i = 0; i < RegistrationsDuringCalls; i++)
        {
            RegisterEcho($"conformance.added-{i}");
        }

        await stop.CancelAsync();

        // Any failed call (a torn read of the registrations) surfaces here.
        await Task.WhenAll(callers);
        for (var i = 0; i < RegistrationsDuringCalls; i++)
        {
            var output = await Communication.CallAsync<EchoOutput>($"conformance.added-{i}", Caller, new EchoInput { Text = "n" });
            Assert.Equal($"conformance.added-{i}", output.Procedure);
        }
    }

    /// <summary>How many procedures <see cref="Registering_while_calls_run_is_safe"/> registers; transports may lower it.</summary>
    protected virtual int RegistrationsDuringCalls => 100;
}
