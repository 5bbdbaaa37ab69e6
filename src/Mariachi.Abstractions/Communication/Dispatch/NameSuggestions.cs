using Mariachi.Naming;

namespace Mariachi.Communication.Dispatch;

/// <summary>Finds the known name closest to a mistyped one, for "did you mean" messages.</summary>
public static class NameSuggestions
{
    /// <summary>The closest candidate within an edit distance of max(2, length / 3); ties go to the ordinal first.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        return ClosestName.Find(name, candidates);
    }
}
