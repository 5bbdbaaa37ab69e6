using System.Runtime.CompilerServices;
using Mariachi.Diagnostics;

namespace Mariachi.Communication.Dispatch;

/// <summary>
/// The typed calls by name and by handle on top of an adapter's non-generic members: the binding of an adapter that
/// binds (<see cref="IProcedureBinder"/>), else its <see cref="ICommunication.CallCoreAsync"/>.
/// </summary>
internal static class ProcedureCalls
{
    /// <summary>
    /// A call by name through an adapter that binds: the handler when the name's registration returns exactly
    /// <typeparamref name="TOut"/> and no middleware applies, else the rest in <see cref="CallBoundAsync{TOut}"/>.
    /// Small, so that it inlines into the sealed <see cref="ICommunication.CallAsync{TOut}"/> and that into the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<TOut> CallAsync<TOut>(IProcedureBinder binder, string name, Context context, object? input, CancellationToken cancellationToken)
    {
        if (name is not null
            && context is not null
            && !cancellationToken.IsCancellationRequested
            && !MariachiTelemetry.ProceduresObserved
            && binder.Bind(name) is { } binding
            && binding.Output == typeof(TOut)
            && binding.Direct is { } direct)
        {
            return Unsafe.As<ProcedureHandler<TOut>>(direct).InvokeAsync(context.WithProcedure(name), input, cancellationToken);
        }

        return CallBoundAsync<TOut>(binder, name, context, input, cancellationToken);
    }

    /// <summary>
    /// What the fast path of a call by name does not take: the pipeline of the name's binding when middleware
    /// applies, else the adapter's <see cref="ICommunication.CallCoreAsync"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ValueTask<TOut> CallBoundAsync<TOut>(IProcedureBinder binder, string? name, Context? context, object? input, CancellationToken cancellationToken)
    {
        if (name is not null
            && context is not null
            && !cancellationToken.IsCancellationRequested
            && !MariachiTelemetry.ProceduresObserved
            && binder.Bind(name) is { Pipeline: not null } binding)
        {
            return CallThroughPipelineAsync<TOut>(binding, context, input, cancellationToken);
        }

        return CallCoreAsync<TOut>((ICommunication)binder, name!, context!, input, cancellationToken);
    }

    /// <summary>A call by name through the adapter's core, its untyped result converted to <typeparamref name="TOut"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static ValueTask<TOut> CallCoreAsync<TOut>(ICommunication communication, string name, Context context, object? input, CancellationToken cancellationToken) =>
        Typed<TOut>(name, communication.CallCoreAsync(name, context, input, typeof(TOut), cancellationToken));

    /// <summary>Runs the middleware pipeline of <paramref name="binding"/> (a current binding of the communication called).</summary>
    public static ValueTask<TOut> CallThroughPipelineAsync<TOut>(ProcedureBinding binding, Context context, object? input, CancellationToken cancellationToken) =>
        Typed<TOut>(binding.Name, ProcedureInvocation.CallAsync(binding.Info, binding.Handler, binding.Pipeline, context, input, typeof(TOut), cancellationToken));

    /// <summary>
    /// The untyped result of a call as <typeparamref name="TOut"/>: synchronously when it completed, else awaited. A
    /// result of another type is <see cref="ErrorCodes.Communication.TypeMismatch"/> (an adapter checks it already;
    /// this covers one that does not).
    /// </summary>
    private static ValueTask<TOut> Typed<TOut>(string name, ValueTask<object?> pending) =>
        pending.IsCompletedSuccessfully ? Convert<TOut>(name, pending.Result) : AwaitAsync<TOut>(name, pending);

    private static async ValueTask<TOut> AwaitAsync<TOut>(string name, ValueTask<object?> pending)
    {
        var result = await pending.ConfigureAwait(false);
        return await Convert<TOut>(name, result).ConfigureAwait(false);
    }

    private static ValueTask<TOut> Convert<TOut>(string name, object? result) => result switch
    {
        TOut typed => new ValueTask<TOut>(typed),
        null when default(TOut) is null => new ValueTask<TOut>(default(TOut)!),
        _ => ValueTask.FromException<TOut>(ProcedureInvocation.OutputMismatch(name, typeof(TOut), result?.GetType())),
    };
}
