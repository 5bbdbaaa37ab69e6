namespace Mariachi.Communication.Dispatch;

/// <summary>
/// An <see cref="ICommunication"/> whose handlers a call by <see cref="Procedure{TIn, TOut}"/> handle may run
/// directly, in the caller's process. <see cref="CommunicationExtensions.CallAsync{TIn, TOut}"/> asks it once per
/// handle (and again after a registration or middleware is added); the handle remembers the answer, so later calls
/// through this communication go straight to the handler without a virtual call. A communication that does not
/// implement it is called by name (<see cref="ICommunication.CallAsync{TOut}"/>) for every call by handle.
/// </summary>
public interface IProcedureBinder
{
    /// <summary>
    /// The handler a call by <paramref name="procedure"/> runs directly here: registered with the handle's input and
    /// output types, with no middleware around it; else null (the call then goes by name). An adapter answers with
    /// <see cref="ProcedureRegistry{THandler}.Bind{TIn, TOut}"/> of a registry made with itself as owner.
    /// </summary>
    ProcedureHandler<TIn, TOut>? Bind<TIn, TOut>(Procedure<TIn, TOut> procedure);
}
