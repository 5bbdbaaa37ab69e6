namespace Mariachi.Communication;

/// <summary>The rest of the pipeline: the next middleware, or in the end the handler. Returns the procedure's result.</summary>
public delegate Task<object?> ProcedureDelegate(ProcedureCall call);

/// <summary>
/// Runs around procedure calls. It sees the call (name, context, input, cancellation token) and the result, and
/// may short-circuit (not call <c>next</c>), transform the input or result, time, log or retry (call <c>next</c> again).
/// </summary>
public interface IProcedureMiddleware
{
    Task<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next);
}
