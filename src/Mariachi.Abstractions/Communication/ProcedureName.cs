using Mariachi.Naming;

namespace Mariachi.Communication;

/// <summary>
/// The procedure naming rule: two or more lowercase dot-separated segments (<c>orders.create</c>,
/// <c>billing.invoices.send-reminder</c>); a segment starts with a letter and holds letters, digits, <c>-</c> or <c>_</c>.
/// </summary>
public static class ProcedureName
{
    /// <summary>The rule itself is <see cref="NameRule"/>, shared with the analyzers (MAR0011).</summary>
    public static bool IsValid(string? name) => NameRule.IsProcedure(name);

    /// <summary>Throws <see cref="CommunicationError"/> (<see cref="ErrorCodes.Communication.InvalidName"/>) for a malformed name.</summary>
    public static void EnsureValid(string? name)
    {
        if (!IsValid(name))
        {
            throw new CommunicationError(
                ErrorCodes.Communication.InvalidName,
                $"'{name}' is not a valid procedure name: use lowercase dot-separated segments such as 'orders.create'.",
                MariachiError.Meta(("procedure", name)));
        }
    }
}
