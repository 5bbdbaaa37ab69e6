namespace Mariachi.Communication.Dispatch;

/// <summary>
/// One registry snapshot as its bindings see it: the communication it belongs to, and whether a newer snapshot
/// (a registration or middleware added since) has replaced it. The flag is the only thing that changes, once, from
/// false to true, under the registry's write lock and after the newer snapshot is published.
/// </summary>
internal sealed class BindingScope(object owner)
{
    private volatile bool _superseded;

    /// <summary>The communication (or, for a registry made without one, the registry) the snapshot belongs to.</summary>
    public object Owner { get; } = owner;

    public bool Superseded => _superseded;

    public void Supersede() => _superseded = true;
}

/// <summary>
/// What one registry snapshot says about a procedure: its handler when a call runs it directly (no middleware
/// applies), with the communication it belongs to as <see cref="Owner"/>. Made with the snapshot and immutable; a
/// caller (a handle, the registry's last call by name) remembers it and trusts it only while it belongs to the
/// communication called and its snapshot is not superseded, so another communication, or a registration or
/// middleware added later, makes it a miss, never a wrong answer.
/// </summary>
internal class ProcedureBinding(BindingScope scope, ProcedureHandler handler, bool direct)
{
    /// <summary><see cref="BindingScope.Owner"/>, kept here as well: one load less on every call by handle.</summary>
    public object Owner { get; } = scope.Owner;

    public BindingScope Scope { get; } = scope;

    /// <summary>The registered name, compared by reference with the name of a call.</summary>
    public string Name { get; } = handler.Info.Name;

    /// <summary>The handler, or null when middleware applies and the call takes the pipeline.</summary>
    public ProcedureHandler? Direct { get; } = direct ? handler : null;
}

/// <summary>The binding of a <see cref="ProcedureHandler{TIn, TOut}"/>: a handle of the same types reaches it without a cast.</summary>
internal sealed class ProcedureBinding<TIn, TOut>(BindingScope scope, ProcedureHandler<TIn, TOut> handler, bool direct)
    : ProcedureBinding(scope, handler, direct)
{
    /// <inheritdoc cref="ProcedureBinding.Direct"/>
    public ProcedureHandler<TIn, TOut>? Typed { get; } = direct ? handler : null;
}
