namespace Mariachi.Communication;

/// <summary>The rest of the pipeline: the next middleware, or in the end the handler. Returns the procedure's result.</summary>
public delegate ValueTask<object?> ProcedureDelegate(ProcedureCall call);

/// <summary>
/// Runs around procedure calls. It sees the call (name, context, input, cancellation token) and the result, and
/// may short-circuit (not call <c>next</c>), transform the input or result, time, log or retry (call <c>next</c> again).
/// A <see cref="ValueTask{TResult}"/>, like the call itself: middleware that completes synchronously costs no task.
/// </summary>
public interface IProcedureMiddleware
{
    ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next);
}
