namespace Mariachi.Communication.Dispatch;

/// <summary>
/// An <see cref="ICommunication"/> whose handlers a call may run directly, in the caller's process:
/// <see cref="ICommunication.CallAsync{TOut}"/> by name asks it on every call (the registry answers a repeated name
/// with a reference comparison), a <see cref="Procedure{TIn, TOut}"/> handle once (and again after a registration or
/// middleware is added) and remembers the answer for later calls through this communication. Either then runs the
/// handler, or its middleware pipeline, without a virtual call. A communication that does not implement it gets every
/// call through <see cref="ICommunication.CallCoreAsync"/>.
/// </summary>
public interface IProcedureBinder
{
    /// <summary>
    /// The binding of procedure <paramref name="name"/> in this communication's current registrations, or null when
    /// none is registered (the call then goes to <see cref="ICommunication.CallCoreAsync"/>). An adapter answers with
    /// <see cref="ProcedureRegistry{THandler}.Bind"/> of a registry made with itself as owner.
    /// </summary>
    ProcedureBinding? Bind(string name);
}
