namespace Mariachi.Communication.Dispatch;

/// <summary>A handler with its composed middleware pipeline (null when no middleware applies).</summary>
public sealed record ProcedureEntry<THandler>(THandler Handler, ProcedureDelegate? Pipeline)
    where THandler : class, IProcedureHandler
{
    /// <summary>The pipeline when there is one, else the handler itself.</summary>
    public ProcedureDelegate Invoke => Pipeline ?? Handler.InvokeBoxedAsync;
}
