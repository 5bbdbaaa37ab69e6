using System.Runtime.CompilerServices;

namespace Mariachi.Communication.Dispatch;

/// <summary>
/// One registry snapshot as its bindings see it: the communication it belongs to, and whether a newer snapshot
/// (a registration or middleware added since) has replaced it. The flag is the only thing that changes, once, from
/// false to true, under the registry's write lock and after the newer snapshot is published.
/// </summary>
internal sealed class BindingScope(WeakReference<object> owner)
{
    private volatile bool _superseded;

    /// <summary>
    /// The communication (or, for a registry made without one, the registry) the snapshot belongs to, held weakly: a
    /// binding a static handle remembers does not keep a dropped communication reachable. One per registry.
    /// </summary>
    public WeakReference<object> Owner { get; } = owner;

    public bool Superseded => _superseded;

    public void Supersede() => _superseded = true;
}

/// <summary>
/// What one registry snapshot of a communication says about a procedure: how a call runs it, straight into its
/// handler when no middleware applies, else into its composed middleware pipeline. Made with the snapshot and
/// immutable; an adapter that binds hands it out (<see cref="IProcedureBinder.Bind"/>) and a caller (a
/// <see cref="Procedure{TIn, TOut}"/> handle, the registry's last call by name) trusts it only while it belongs to the
/// communication called and its snapshot is not superseded, so another communication, or a registration or middleware
/// added later, makes it a miss, never a wrong answer. Opaque outside this package: adapters pass it on.
/// </summary>
public abstract class ProcedureBinding
{
    private protected ProcedureBinding(BindingScope scope, ProcedureHandler handler, ProcedureDelegate? pipeline)
    {
        Owner = scope.Owner;
        Scope = scope;
        Info = handler.Info;
        Name = handler.Info.Name;
        Output = handler.Info.OutputType;
        Handler = handler;
        Pipeline = pipeline;
        Direct = pipeline is null ? handler : null;
    }

    /// <summary><see cref="BindingScope.Owner"/>, kept here as well: one load less on every call by handle.</summary>
    internal WeakReference<object> Owner { get; }

    internal BindingScope Scope { get; }

    internal ProcedureInfo Info { get; }

    /// <summary>The registered name, compared by reference with the name of a call.</summary>
    internal string Name { get; }

    /// <summary>The registration's output type: a call by name runs <see cref="Direct"/> when it asks for exactly this.</summary>
    internal Type Output { get; }

    internal ProcedureHandler Handler { get; }

    /// <summary>The composed middleware around the handler, or null when none applies.</summary>
    internal ProcedureDelegate? Pipeline { get; }

    /// <summary>The handler when no middleware applies (a call runs it directly), else null.</summary>
    internal ProcedureHandler? Direct { get; }

    /// <summary>True when this binding belongs to <paramref name="communication"/> (its snapshot may be superseded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool IsOf(ICommunication communication) => Owner.TryGetTarget(out var owner) && ReferenceEquals(owner, communication);
}

/// <summary>The binding of a <see cref="ProcedureHandler{TIn, TOut}"/>: a handle of the same types reaches it without a cast.</summary>
internal sealed class ProcedureBinding<TIn, TOut>(BindingScope scope, ProcedureHandler<TIn, TOut> handler, ProcedureDelegate? pipeline)
    : ProcedureBinding(scope, handler, pipeline)
{
    /// <inheritdoc cref="ProcedureBinding.Direct"/>
    public ProcedureHandler<TIn, TOut>? Typed { get; } = pipeline is null ? handler : null;
}
