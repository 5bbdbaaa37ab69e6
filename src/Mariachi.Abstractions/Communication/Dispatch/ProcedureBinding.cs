namespace Mariachi.Communication.Dispatch;

/// <summary>
/// What one registry snapshot says about a procedure: its handler when a call runs it directly (no middleware
/// applies), with the snapshot as <see cref="Owner"/>. Immutable and made with the snapshot; a caller (a handle, the
/// registry's last call by name) remembers it and trusts it only while <see cref="Owner"/> is the registry's current
/// snapshot by reference, so a registration or middleware added later (a new snapshot) or another registry makes it a
/// miss, never a wrong answer.
/// </summary>
internal class ProcedureBinding(object owner, ProcedureHandler handler, bool direct)
{
    public object Owner { get; } = owner;

    /// <summary>The registered name, compared by reference with the name of a call.</summary>
    public string Name { get; } = handler.Info.Name;

    /// <summary>The handler, or null when middleware applies and the call takes the pipeline.</summary>
    public ProcedureHandler? Direct { get; } = direct ? handler : null;
}

/// <summary>The binding of a <see cref="ProcedureHandler{TIn, TOut}"/>: a handle of the same types reaches it without a cast.</summary>
internal sealed class ProcedureBinding<TIn, TOut>(object owner, ProcedureHandler<TIn, TOut> handler, bool direct)
    : ProcedureBinding(owner, handler, direct)
{
    /// <inheritdoc cref="ProcedureBinding.Direct"/>
    public ProcedureHandler<TIn, TOut>? Typed { get; } = direct ? handler : null;
}
