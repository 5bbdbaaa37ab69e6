namespace Mariachi.Communication;

public static partial class CommunicationExtensions
{
    /// <summary>
    /// Calls the procedure of <paramref name="procedure"/> with <paramref name="input"/>, with the errors of
    /// <see cref="ICommunication.CallAsync{TOut}(string, Context, object?, CancellationToken)"/>. A handler that
    /// completes synchronously completes the call synchronously.
    /// </summary>
    /// <remarks>
    /// An extension rather than an interface member, so that the call is not a generic virtual call (a runtime lookup
    /// of the target on every call, then an instantiating stub): the handle's own code runs it. When the handle is
    /// bound to a handler of this communication (<see cref="Dispatch.IProcedureBinder"/>) whose registrations and
    /// middleware have not changed since, it runs that handler directly; every other call (another communication,
    /// middleware, a type mismatch, an adapter that does not bind, a null context, a cancelled token, telemetry
    /// listening) goes by name.
    /// </remarks>
    public static ValueTask<TOut> CallAsync<TIn, TOut>(
        this ICommunication communication,
        Procedure<TIn, TOut> procedure,
        Context context,
        TIn input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.CallAsync(communication, context, input, cancellationToken);
    }

    /// <summary>
    /// Calls procedure <paramref name="name"/> with <paramref name="input"/>: the call by name
    /// (<see cref="ICommunication.CallAsync{TOut}(string, Context, object?, CancellationToken)"/>) for a receiver typed
    /// as an adapter's class, which does not see the interface's sealed member. On an <see cref="ICommunication"/> the
    /// interface member is chosen over this extension.
    /// </summary>
    public static ValueTask<TOut> CallAsync<TOut>(
        this ICommunication communication,
        string name,
        Context context,
        object? input,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(communication);
        return communication.CallAsync<TOut>(name, context, input, cancellationToken);
    }
}
