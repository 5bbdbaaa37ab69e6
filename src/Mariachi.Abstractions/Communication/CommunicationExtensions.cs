using System.Runtime.CompilerServices;

namespace Mariachi.Communication;

/// <summary>
/// Conveniences over <see cref="ICommunication"/>, in one place so no adapter repeats them: every handler shape (by
/// name or <see cref="Procedure{TIn, TOut}"/> handle, with or without a <see cref="CancellationToken"/>, returning
/// <see cref="ValueTask{TResult}"/> or <see cref="Task{TResult}"/>) registers through the one
/// <see cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>,
/// middleware can be written as a lambda, and a call by handle
/// (<see cref="CallAsync{TIn, TOut}(ICommunication, Procedure{TIn, TOut}, Context, TIn, CancellationToken)"/>) goes
/// straight to a handler it is bound to, else by name.
/// </summary>
/// <remarks>
/// An <c>async</c> lambda fits both a <see cref="Task{TResult}"/> and a <see cref="ValueTask{TResult}"/> handler; the
/// <see cref="ValueTask{TResult}"/> overloads win (C# 13 overload priority). With a C# 12 compiler such a call is
/// ambiguous: give the lambda its return type (<c>async Task&lt;Order&gt; (ctx, input) =&gt; ...</c>).
/// </remarks>
public static partial class CommunicationExtensions
{
    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    [OverloadResolutionPriority(1)]
    public static void Register<TIn, TOut>(this ICommunication communication, string name, Func<Context, TIn, ValueTask<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(handler);
        communication.Register<TIn, TOut>(name, (context, input, _) => handler(context, input));
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    public static void Register<TIn, TOut>(this ICommunication communication, string name, Func<Context, TIn, CancellationToken, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(handler);
        communication.Register<TIn, TOut>(name, (context, input, cancellationToken) =>
            new ValueTask<TOut>(handler(context, input, cancellationToken) ?? throw NullTask(name)));
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    public static void Register<TIn, TOut>(this ICommunication communication, string name, Func<Context, TIn, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(handler);
        communication.Register<TIn, TOut>(name, (context, input, _) => new ValueTask<TOut>(handler(context, input) ?? throw NullTask(name)));
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    [OverloadResolutionPriority(1)]
    public static void Register<TIn, TOut>(this ICommunication communication, Procedure<TIn, TOut> procedure, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(procedure);
        communication.Register(procedure.Name, handler);
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    [OverloadResolutionPriority(1)]
    public static void Register<TIn, TOut>(this ICommunication communication, Procedure<TIn, TOut> procedure, Func<Context, TIn, ValueTask<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Register(communication, procedure.Name, handler);
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    public static void Register<TIn, TOut>(this ICommunication communication, Procedure<TIn, TOut> procedure, Func<Context, TIn, CancellationToken, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Register(communication, procedure.Name, handler);
    }

    /// <inheritdoc cref="ICommunication.Register{TIn, TOut}(string, Func{Context, TIn, CancellationToken, ValueTask{TOut}})"/>
    public static void Register<TIn, TOut>(this ICommunication communication, Procedure<TIn, TOut> procedure, Func<Context, TIn, Task<TOut>> handler)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        Register(communication, procedure.Name, handler);
    }

    /// <summary>Adds middleware written as a lambda, around every procedure or around <paramref name="procedure"/> only.</summary>
    public static void Use(
        this ICommunication communication,
        Func<ProcedureCall, ProcedureDelegate, ValueTask<object?>> middleware,
        string? procedure = null)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(middleware);
        communication.Use(new DelegateMiddleware(middleware), procedure);
    }

    /// <summary>A Task handler that returned null instead of a task: a bug in the handler, reported as the call's failure.</summary>
    private static InvalidOperationException NullTask(string name) => new($"The handler of '{name}' returned a null Task.");

    private sealed class DelegateMiddleware(Func<ProcedureCall, ProcedureDelegate, ValueTask<object?>> middleware) : IProcedureMiddleware
    {
        public ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => middleware(call, next);
    }
}
