using System.Runtime.CompilerServices;
using Mariachi.Communication.Dispatch;
using Mariachi.Diagnostics;

namespace Mariachi.Communication;

/// <summary>
/// A call by handle (<see cref="CommunicationExtensions.CallAsync{TIn, TOut}"/>): the handle remembers the handler
/// it was bound to and runs it while the call goes through the same communication, unchanged since.
/// </summary>
public sealed partial class Procedure<TIn, TOut>
{
    /// <summary>
    /// The binding this handle found last: the handler of one communication's registry snapshot, trusted by a call
    /// through that same communication while the snapshot is current. Written by <see cref="Bind"/> only; a
    /// reference to an immutable binding, so a racing call reads either the old or the new one, and a binding of
    /// another communication or of a superseded snapshot is only a miss. It keeps that communication and snapshot
    /// reachable until the handle binds again.
    /// </summary>
    internal ProcedureBinding<TIn, TOut>? Binding;

    /// <summary>
    /// Calls this procedure through <paramref name="communication"/>. An instance method of the (sealed) handle, so
    /// that the call site reaches it with a direct call and it reaches its generic context through <c>this</c>:
    /// no generic virtual call, no instantiating stub, all arguments in registers.
    /// </summary>
    internal ValueTask<TOut> CallAsync(ICommunication communication, Context context, TIn input, CancellationToken cancellationToken)
    {
        var binding = Binding;
        if (binding is not null
            && ReferenceEquals(binding.Owner, communication)
            && !binding.Scope.Superseded
            && binding.Typed is { } handler
            && context is not null
            && !cancellationToken.IsCancellationRequested
            && !MariachiTelemetry.ProceduresObserved)
        {
            return handler.InvokeAsync(context.WithProcedure(Name), input, cancellationToken);
        }

        return CallUnbound(communication, context, input, cancellationToken);
    }

    /// <summary>
    /// Looks this handle up among a snapshot's <paramref name="bindings"/> with <see cref="NameHash"/>, remembers a
    /// binding of these types and returns its direct handler (null when none, or when middleware applies). An
    /// instance method of the generic class, so that a shared generic caller reaches it without a generic dictionary
    /// lookup of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal ProcedureHandler<TIn, TOut>? Bind(ProcedureLookup<ProcedureBinding> bindings)
    {
        if (bindings.TryGet(Name, NameHash, out var found) && found is ProcedureBinding<TIn, TOut> binding)
        {
            Binding = binding;
            return binding.Typed;
        }

        return null;
    }

    /// <summary>
    /// A call the fast path does not take: binds the handle when the communication can (once per handle and registry
    /// change), else calls by name, where the arguments are checked and middleware, errors and spans live.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<TOut> CallUnbound(ICommunication communication, Context? context, TIn input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(communication);
        if (context is not null && !cancellationToken.IsCancellationRequested && !MariachiTelemetry.ProceduresObserved)
        {
            // A current binding without a handler means middleware applies: no new lookup.
            var binding = Binding;
            var handler = binding is not null && ReferenceEquals(binding.Owner, communication) && !binding.Scope.Superseded
                ? binding.Typed
                : (communication as IProcedureBinder)?.Bind(this);
            if (handler is not null)
            {
                return handler.InvokeAsync(context.WithProcedure(Name), input, cancellationToken);
            }
        }

        return communication.CallAsync<TOut>(Name, context!, input, cancellationToken);
    }
}
