using System.Globalization;
using Mariachi.Naming;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0011's engine: judges a constant procedure or event name with the runtime's own rule (<see cref="NameRule"/>),
/// says what is wrong in words and proposes a valid name (<see cref="NameProposal"/>). The fix writes the proposal,
/// handed over in the diagnostic's <see cref="ProposalProperty"/>.
/// </summary>
internal static class InvalidNames
{
    /// <summary>The diagnostic property holding the proposed name; absent when no valid name can be proposed.</summary>
    public const string ProposalProperty = "Proposal";

    private const string ProcedureExample = "use lowercase dot-separated segments such as 'orders.create'";
    private const string EventExample = "use 'domain.entity.verb' in lowercase, such as 'orders.order.created'";

    /// <summary>What is wrong with <paramref name="name"/>, or null when it is valid.</summary>
    public static string? Problem(string name, bool isEvent)
    {
        var problem = isEvent ? NameRule.CheckEvent(name, out var at) : NameRule.CheckProcedure(name, out at);
        return problem switch
        {
            NameProblem.None => null,
            NameProblem.Empty => "it is empty",
            NameProblem.EmptySegment when at == 0 => "it starts with '.'",
            NameProblem.EmptySegment when at == name.Length => "it ends with '.'",
            NameProblem.EmptySegment => "it has an empty segment ('..')",
            NameProblem.SegmentStart => $"segment '{Segment(name, at)}' starts with '{name[at]}' instead of a letter",
            NameProblem.UpperCase => $"it has an upper-case letter ('{name[at]}')",
            NameProblem.InvalidCharacter => $"{Show(name[at])} is not allowed (a segment holds a-z, 0-9, '-' and '_')",
            _ => SegmentCount(name, isEvent),
        };
    }

    /// <summary>The advice that ends the message: the proposal when there is one, else the rule by example.</summary>
    public static string Advice(string? proposal, bool isEvent) =>
        proposal is not null ? $"use '{proposal}'" : isEvent ? EventExample : ProcedureExample;

    private static string SegmentCount(string name, bool isEvent)
    {
        var count = name.Split('.').Length;
        var segments = count == 1 ? "one segment" : count.ToString(CultureInfo.InvariantCulture) + " segments";
        return isEvent
            ? $"it has {segments}; an event name has three (domain.entity.verb)"
            : $"it has {segments}; a procedure name has two or more (domain.action)";
    }

    /// <summary>The segment that starts at <paramref name="start"/>.</summary>
    private static string Segment(string name, int start)
    {
        var end = name.IndexOf('.', start);
        return end < 0 ? name.Substring(start) : name.Substring(start, end - start);
    }

    /// <summary>A character as the message shows it: quoted, or its code point when it would not be visible.</summary>
    private static string Show(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
            ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : $"'{c}'";
}
