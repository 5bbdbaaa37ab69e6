using Mariachi.Communication;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>Builds the <see cref="ErrorCodes.Communication.TypeMismatch"/> errors, which name both types.</summary>
internal static class TypeMismatch
{
    public static CommunicationError Input(ProcedureInfo info, string actual) => Create(
        info,
        "input",
        Describe(info.InputType),
        actual,
        $"Procedure '{info.Name}' takes {Describe(info.InputType)}, but was called with {actual}.");

    public static CommunicationError Output(ProcedureInfo info, string requested, string actual) => Create(
        info,
        "output",
        requested,
        actual,
        $"Procedure '{info.Name}' returns {actual}, which is not the {requested} the caller asked for.");

    /// <summary>The caller's side: the result that came back is not what it asked for.</summary>
    public static CommunicationError Result(string procedure, Type requested, string actual) => new(
        ErrorCodes.Communication.TypeMismatch,
        $"Procedure '{procedure}' returned {actual}, which is not the {Describe(requested)} the caller asked for.",
        MariachiError.Meta(("procedure", procedure), ("side", "output"), ("expected", Describe(requested)), ("actual", actual)));

    private static CommunicationError Create(ProcedureInfo info, string side, string expected, string actual, string message) => new(
        ErrorCodes.Communication.TypeMismatch,
        message,
        MariachiError.Meta(("procedure", info.Name), ("side", side), ("expected", expected), ("actual", actual)));

    private static string Describe(Type type) => Wire.WireTypes.NameOf(type);
}
