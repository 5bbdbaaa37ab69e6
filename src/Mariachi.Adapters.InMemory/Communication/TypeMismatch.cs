using Mariachi.Communication;

namespace Mariachi.Adapters.InMemory.Communication;

/// <summary>Builds the <see cref="ErrorCodes.Communication.TypeMismatch"/> errors, which name both types.</summary>
internal static class TypeMismatch
{
    public static CommunicationError Input(ProcedureInfo info, object? input) => Create(
        info,
        "input",
        info.InputType,
        input?.GetType(),
        $"Procedure '{info.Name}' takes {Describe(info.InputType)}, but was called with {(input is null ? "null" : Describe(input.GetType()))}.");

    public static CommunicationError Output(ProcedureInfo info, Type requested, Type? actual) => Create(
        info,
        "output",
        requested,
        actual,
        $"Procedure '{info.Name}' returns {Describe(actual ?? info.OutputType)}, which is not the {Describe(requested)} the caller asked for.");

    private static CommunicationError Create(ProcedureInfo info, string side, Type expected, Type? actual, string message) => new(
        ErrorCodes.Communication.TypeMismatch,
        message,
        MariachiError.Meta(
            ("procedure", info.Name),
            ("side", side),
            ("expected", expected.FullName),
            ("actual", actual?.FullName)));

    private static string Describe(Type type) => type.FullName ?? type.Name;
}
