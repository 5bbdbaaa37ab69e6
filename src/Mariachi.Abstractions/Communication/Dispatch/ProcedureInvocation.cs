namespace Mariachi.Communication.Dispatch;

/// <summary>
/// The general way into a registered procedure, untyped: its middleware pipeline (or the handler's boxed invocation),
/// with the caller's result type checked before and after. What every path that is not a typed handler's fast path
/// shares: a call by name through the adapter's core, a bound call by name or by handle through middleware.
/// </summary>
internal static class ProcedureInvocation
{
    /// <summary>
    /// Checks that the procedure's output can be a <paramref name="resultType"/>, runs <paramref name="pipeline"/> (or
    /// <paramref name="handler"/> when null) with the context set to the procedure, and checks the result. An
    /// <c>async</c> method, so that whatever fails (a type mismatch, middleware throwing) is a faulted
    /// <see cref="ValueTask{TResult}"/>; one that completes synchronously costs no task.
    /// </summary>
    public static async ValueTask<object?> CallAsync(
        ProcedureInfo info,
        IProcedureHandler handler,
        ProcedureDelegate? pipeline,
        Context context,
        object? input,
        Type resultType,
        CancellationToken cancellationToken)
    {
        var output = info.OutputType;
        if (output != resultType && !resultType.IsAssignableFrom(output) && !output.IsAssignableFrom(resultType))
        {
            throw OutputMismatch(info.Name, resultType, output);
        }

        var call = new ProcedureCall(info, context.WithProcedure(info.Name), input, cancellationToken);
        var result = await (pipeline is null ? handler.InvokeBoxedAsync(call) : pipeline(call)).ConfigureAwait(false);
        return result is null ? AcceptsNull(resultType) ? null : throw OutputMismatch(info.Name, resultType, null)
            : result.GetType() == resultType || resultType.IsInstanceOfType(result) ? result
            : throw OutputMismatch(info.Name, resultType, result.GetType());
    }

    /// <summary>True when <paramref name="type"/> has null among its values (a reference type or a nullable value type).</summary>
    public static bool AcceptsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    public static CommunicationError OutputMismatch(string name, Type requested, Type? actual) =>
        CommunicationErrors.OutputTypeMismatch(name, CommunicationErrors.Describe(requested), CommunicationErrors.Describe(actual));
}
