using Mariachi.Communication.Dispatch;

namespace Mariachi.Communication;

/// <summary>
/// A typed handle on a procedure: its name with its input and output types, declared once and shared by the
/// service that registers it and the controllers that call it.
/// </summary>
public sealed partial class Procedure<TIn, TOut>
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

    public override string ToString() => $"{Name} ({typeof(TIn).Name} -> {typeof(TOut).Name})";
}
