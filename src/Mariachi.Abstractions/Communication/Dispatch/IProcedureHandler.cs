namespace Mariachi.Communication.Dispatch;

/// <summary>
/// A registered handler as an <see cref="ICommunication"/> adapter holds it: its procedure and a boxed invocation
/// that ends every middleware pipeline. Adapters add their own typed fast paths on top.
/// </summary>
public interface IProcedureHandler
{
    ProcedureInfo Info { get; }

    /// <summary>Checks and converts the boxed input, validates it, and runs the handler.</summary>
    ValueTask<object?> InvokeBoxedAsync(ProcedureCall call);
}
