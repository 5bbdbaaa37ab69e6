using System.Runtime.CompilerServices;
using Mariachi.Communication.Dispatch;

namespace Mariachi.Communication;

/// <summary>
/// A typed handle on a procedure: its name with its input and output types, declared once and shared by the
/// service that registers it and the controllers that call it.
/// </summary>
public sealed class Procedure<TIn, TOut>
{
    /// <summary>Creates the handle; throws <see cref="ErrorCodes.Communication.InvalidName"/> for a malformed name.</summary>
    public Procedure(string name)
    {
        ProcedureName.EnsureValid(name);
        Name = name;
        NameHash = ProcedureLookup.Hash(name);
    }

    public string Name { get; }

    /// <summary>The hash of <see cref="Name"/>, worked out once: a call by handle looks the procedure up without hashing.</summary>
    internal int NameHash { get; }

    /// <summary>
    /// The binding this handle found last, with the registry snapshot it belongs to: a call through the same snapshot
    /// skips the lookup and the type check. Written by <see cref="Bind"/> only; a reference to an immutable binding,
    /// so a racing call reads either the old or the new one, and a binding of another snapshot (another communication,
    /// or a registration since) is only a miss. It keeps that one snapshot reachable until the handle binds again.
    /// </summary>
    internal ProcedureBinding<TIn, TOut>? Binding;

    /// <summary>
    /// Looks this handle up among a snapshot's <paramref name="bindings"/> with <see cref="NameHash"/> and remembers a
    /// binding of these types. An instance method of the generic class, so that a shared generic caller reaches it
    /// without a generic dictionary lookup of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal ProcedureHandler<TIn, TOut>? Bind(ProcedureLookup<ProcedureBinding> bindings)
    {
        if (bindings.TryGet(Name, NameHash, out var found) && found is ProcedureBinding<TIn, TOut> binding)
        {
            Binding = binding;
            return binding.Typed;
        }

        return null;
    }

    public override string ToString() => $"{Name} ({typeof(TIn).Name} -> {typeof(TOut).Name})";
}
