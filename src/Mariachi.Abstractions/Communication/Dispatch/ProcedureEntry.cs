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
}
