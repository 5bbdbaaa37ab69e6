namespace Mariachi.Communication.Dispatch;

/// <summary>A handler with its composed middleware pipeline (null when no middleware applies).</summary>
public sealed record ProcedureEntry<THandler>(THandler Handler, ProcedureDelegate? Pipeline)
    where THandler : class, IProcedureHandler
{
    /// <summary>
    /// Runs <paramref name="call"/> through the pipeline when there is one, else through the handler itself (without
    /// making a delegate of it, as this runs on every call).
    /// </summary>
    public ValueTask<object?> InvokeAsync(ProcedureCall call) => Pipeline is { } pipeline ? pipeline(call) : Handler.InvokeBoxedAsync(call);

    /// <summary>
    /// Calls the procedure for a result of type <paramref name="resultType"/>, with <paramref name="context"/> set to
    /// it, through its middleware: the general path of an adapter's <see cref="ICommunication.CallCoreAsync"/>. An
    /// output that cannot be a <paramref name="resultType"/>, or a result that is not one, is
    /// <see cref="ErrorCodes.Communication.TypeMismatch"/>; whatever fails comes back as a faulted
    /// <see cref="ValueTask{TResult}"/>.
    /// </summary>
    public ValueTask<object?> CallAsync(Context context, object? input, Type resultType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resultType);
        return ProcedureInvocation.CallAsync(Handler.Info, Handler, Pipeline, context, input, resultType, cancellationToken);
    }
}
