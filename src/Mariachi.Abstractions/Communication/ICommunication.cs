using Mariachi.Communication.Dispatch;

namespace Mariachi.Communication;

/// <summary>
/// The communication layer: services register procedures by globally unique name; controllers call them by name
/// (or through a typed <see cref="Procedure{TIn, TOut}"/> handle) and never reference a service directly.
/// </summary>
/// <remarks>
/// An adapter implements one <c>Register</c> and one <see cref="CallCoreAsync"/>, its untyped call by name; the
/// typed call by name (<see cref="CallAsync{TOut}(string, Context, object?, CancellationToken)"/>, a sealed member
/// with a body, so the call is not a virtual call), the other handler shapes (by handle, without a token, returning
/// <see cref="Task{TResult}"/>) and the call by handle (<see cref="CommunicationExtensions"/>) adapt to these. An
/// adapter that runs handlers in the caller's process also implements <see cref="Dispatch.IProcedureBinder"/>, so
/// that a call by name or by handle reaches its handler (or its middleware pipeline) without a virtual call.
/// </remarks>
public interface ICommunication
{
    /// <summary>
    /// Registers <paramref name="handler"/> as procedure <paramref name="name"/>; a name registers once
    /// (<see cref="ErrorCodes.Communication.DuplicateProcedure"/>), and a malformed name throws
    /// <see cref="ErrorCodes.Communication.InvalidName"/>.
    /// </summary>
    void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler);

    /// <summary>
    /// Calls procedure <paramref name="name"/> with <paramref name="input"/>. Throws
    /// <see cref="ErrorCodes.Communication.NotFound"/> for an unknown name, <see cref="ErrorCodes.Communication.TypeMismatch"/>
    /// when the input or output type does not match the registration, and <see cref="ErrorCodes.Validation.InvalidInput"/>
    /// when the input fails validation. A handler that completes synchronously completes the call synchronously.
    /// </summary>
    /// <remarks>
    /// Sealed, with a body: the call site calls it directly (no generic virtual call, a runtime lookup of the target
    /// on every call), and it reaches the adapter through non-generic members. When the adapter binds
    /// (<see cref="Dispatch.IProcedureBinder"/>) and the name's registration returns exactly <typeparamref name="TOut"/>,
    /// it runs the handler, or the middleware pipeline, of the adapter's current registrations; every other call
    /// (a cancelled token, telemetry listening, an unknown name, another output type, an adapter that does not bind)
    /// goes to <see cref="CallCoreAsync"/>, whose result it converts to <typeparamref name="TOut"/>.
    /// </remarks>
    sealed ValueTask<TOut> CallAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken = default) =>
        this is IProcedureBinder binder ? ProcedureCalls.CallAsync<TOut>(binder, name, context, input, cancellationToken)
            : ProcedureCalls.CallCoreAsync<TOut>(this, name, context, input, cancellationToken);

    /// <summary>
    /// The adapter's call by name, untyped: calls procedure <paramref name="name"/> with <paramref name="input"/>
    /// for a result of type <paramref name="resultType"/> (the caller's <c>TOut</c>), with the errors of
    /// <see cref="CallAsync{TOut}(string, Context, object?, CancellationToken)"/> (a result of another type is
    /// <see cref="ErrorCodes.Communication.TypeMismatch"/>), through the procedure's middleware, in the caller's span
    /// when telemetry listens. Call <see cref="CallAsync{TOut}(string, Context, object?, CancellationToken)"/> instead:
    /// this is what an adapter implements.
    /// </summary>
    ValueTask<object?> CallCoreAsync(string name, Context context, object? input, Type resultType, CancellationToken cancellationToken);

    /// <summary>True when a procedure named <paramref name="name"/> is registered.</summary>
    bool Has(string name);

    /// <summary>The registered procedures, ordered by name.</summary>
    IReadOnlyList<ProcedureInfo> Procedures { get; }

    /// <summary>
    /// Adds <paramref name="middleware"/> around every procedure, or around <paramref name="procedure"/> only.
    /// Middleware added first runs outermost; global middleware runs outside per-procedure middleware.
    /// </summary>
    void Use(IProcedureMiddleware middleware, string? procedure = null);
}
