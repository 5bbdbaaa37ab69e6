using System.Text.RegularExpressions;

namespace Mariachi.Communication;

/// <summary>
/// The procedure naming rule: two or more lowercase dot-separated segments (<c>orders.create</c>,
/// <c>billing.invoices.send-reminder</c>); a segment starts with a letter and holds letters, digits, <c>-</c> or <c>_</c>.
/// </summary>
public static partial class ProcedureName
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

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

    [GeneratedRegex(@"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
