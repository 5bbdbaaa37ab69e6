using Mariachi.Communication;
using Mariachi.Communication.Dispatch;
using Mariachi.Adapters.Nats.Wire;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>The shared type-mismatch errors, with types named as they travel on the wire.</summary>
internal static class TypeMismatch
{
    public static CommunicationError Input(ProcedureInfo info, string actual) =>
        CommunicationErrors.InputTypeMismatch(info.Name, WireTypes.NameOf(info.InputType), actual);

    public static CommunicationError Output(ProcedureInfo info, string requested, string actual) =>
        CommunicationErrors.OutputTypeMismatch(info.Name, requested, actual);

    /// <summary>The caller's side: the result that came back is not what it asked for.</summary>
    public static CommunicationError Result(string procedure, Type requested, string actual) =>
        CommunicationErrors.OutputTypeMismatch(procedure, WireTypes.NameOf(requested), actual);
}
