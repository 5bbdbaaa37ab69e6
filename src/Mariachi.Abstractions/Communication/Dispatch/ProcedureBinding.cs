namespace Mariachi.Communication.Dispatch;

/// <summary>
/// What a <see cref="Procedure{TIn, TOut}"/> handle resolved to in one registry snapshot. Immutable, so a handle
/// shared between threads always sees a snapshot and its entry together.
/// </summary>
internal sealed class ProcedureBinding(object snapshot, object entry)
{
    public object Snapshot { get; } = snapshot;

    public object Entry { get; } = entry;
}
