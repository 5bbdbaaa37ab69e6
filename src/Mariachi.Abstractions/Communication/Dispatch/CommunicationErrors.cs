namespace Mariachi.Communication.Dispatch;

/// <summary>The communication errors every adapter raises, worded and keyed the same way.</summary>
public static class CommunicationErrors
{
    public static CommunicationError DuplicateProcedure(string name) => new(
        ErrorCodes.Communication.DuplicateProcedure,
        $"Procedure '{name}' is already registered. Procedure names are globally unique: rename one of the two handlers.",
        MariachiError.Meta(("procedure", name)));

    /// <summary><see cref="ErrorCodes.Communication.NotFound"/>, with a did-you-mean among <paramref name="known"/>.</summary>
    public static CommunicationError NotFound(string name, IEnumerable<string> known)
    {
        var suggestion = NameSuggestions.Closest(name, known.Where(n => n != name).Distinct(StringComparer.Ordinal));
        return new CommunicationError(
            ErrorCodes.Communication.NotFound,
            suggestion is null
                ? $"No procedure named '{name}' is registered."
                : $"No procedure named '{name}' is registered. Did you mean '{suggestion}'?",
            MariachiError.Meta(("procedure", name), ("suggestion", suggestion)));
    }

    /// <summary>The input is not of the procedure's input type (<paramref name="actual"/> names what was sent).</summary>
    public static CommunicationError InputTypeMismatch(string procedure, string expected, string actual) => TypeMismatch(
        procedure,
        "input",
        expected,
        actual,
        $"Procedure '{procedure}' takes {expected}, but was called with {actual}.");

    /// <summary>The procedure's result is not the type the caller asked for.</summary>
    public static CommunicationError OutputTypeMismatch(string procedure, string requested, string actual) => TypeMismatch(
        procedure,
        "output",
        requested,
        actual,
        $"Procedure '{procedure}' returns {actual}, which is not the {requested} the caller asked for.");

    /// <summary>How the errors above name a CLR type.</summary>
    public static string Describe(Type? type) => type is null ? "null" : type.FullName ?? type.Name;

    private static CommunicationError TypeMismatch(string procedure, string side, string expected, string actual, string message) => new(
        ErrorCodes.Communication.TypeMismatch,
        message,
        MariachiError.Meta(("procedure", procedure), ("side", side), ("expected", expected), ("actual", actual)));
}
