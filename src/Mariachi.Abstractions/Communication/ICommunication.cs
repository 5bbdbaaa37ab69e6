namespace Mariachi.Communication;

/// <summary>
/// The communication layer: services register procedures by globally unique name; controllers call them by name
/// (or through a typed <see cref="Procedure{TIn, TOut}"/> handle) and never reference a service directly.
/// </summary>
/// <remarks>
/// An adapter implements one <c>Register</c> and one <c>CallAsync</c>, by name; the other handler shapes (by handle,
/// without a token, returning <see cref="Task{TResult}"/>) and the call by handle are the extension methods of
/// <see cref="CommunicationExtensions"/>, which adapt them to these. An adapter that runs handlers in the caller's
/// process also implements <see cref="Dispatch.IProcedureBinder"/>, so that a call by handle reaches its handler
/// without a virtual call.
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
    ValueTask<TOut> CallAsync<TOut>(string name, Context context, object? input, CancellationToken cancellationToken = default);

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
