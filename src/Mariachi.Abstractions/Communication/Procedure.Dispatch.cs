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
    /// The binding this handle found last: the handler (or middleware pipeline) of one communication's registry
    /// snapshot, trusted by a call through that same communication while the snapshot is current. Written by
    /// <see cref="Bind"/> only; a reference to an immutable binding, so a racing call reads either the old or the new
    /// one, and a binding of another communication or of a superseded snapshot is only a miss. Until the handle binds
    /// again it keeps that one procedure's handler and middleware reachable (and what they reference), not the
    /// communication: the binding refers to it weakly.
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
            && binding.IsOf(communication)
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
    /// A call the fast path does not take. When the communication can bind and nothing forbids (a null context, a
    /// cancelled token, telemetry listening), the handle's binding to the communication's current registrations
    /// (bound again when it is missing, of another communication or superseded) runs the handler, or enters the
    /// middleware pipeline directly; everything else (an adapter that does not bind, a registration of other types, an
    /// unknown name) goes by name, where the arguments are checked and errors and spans live.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ValueTask<TOut> CallUnbound(ICommunication communication, Context? context, TIn input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(communication);
        if (context is not null && !cancellationToken.IsCancellationRequested && !MariachiTelemetry.ProceduresObserved)
        {
            var binding = Binding;
            if (binding is null || !binding.IsOf(communication) || binding.Scope.Superseded)
            {
                binding = communication is IProcedureBinder binder ? Bind(binder) : null;
            }

            if (binding?.Typed is { } handler)
            {
                return handler.InvokeAsync(context.WithProcedure(Name), input, cancellationToken);
            }

            if (binding is not null)
            {
                return ProcedureCalls.CallThroughPipelineAsync<TOut>(binding, context, input, cancellationToken);
            }
        }

        return communication.CallAsync<TOut>(Name, context!, input, cancellationToken);
    }

    /// <summary>
    /// Asks <paramref name="binder"/> for this procedure's binding and remembers it when it is of these types (a
    /// registration of other types is left to the call by name, which reports the mismatch).
    /// </summary>
    private ProcedureBinding<TIn, TOut>? Bind(IProcedureBinder binder)
    {
        if (binder.Bind(Name) is ProcedureBinding<TIn, TOut> binding)
        {
            Binding = binding;
            return binding;
        }

        return null;
    }
}
