namespace Mariachi.Naming;

/// <summary>
/// The procedure and event naming rules, in one place: lowercase dot-separated segments, each starting with a
/// letter (a-z) and holding letters, digits, <c>-</c> or <c>_</c>; a procedure name has two or more segments, an event
/// name exactly three (<c>domain.entity.verb</c>). No length limit. This file is compiled into the runtime
/// (<c>ProcedureName</c>, <c>EventName</c>) and, linked, into the analyzers (MAR0011), so both judge names alike;
/// it therefore targets netstandard2.0 and uses no implicit usings.
/// </summary>
internal static class NameRule
{
    /// <summary>The fewest segments of a procedure name.</summary>
    public const int ProcedureMinSegments = 2;

    /// <summary>The segments of an event name: domain, entity, verb.</summary>
    public const int EventSegments = 3;

    public static bool IsProcedure(string? name) => Check(name, ProcedureMinSegments, int.MaxValue, out _) == NameProblem.None;

    public static bool IsEvent(string? name) => Check(name, EventSegments, EventSegments, out _) == NameProblem.None;

    /// <summary>The first problem of <paramref name="name"/> as a procedure name (<see cref="NameProblem.None"/> when valid).</summary>
    public static NameProblem CheckProcedure(string? name, out int at) => Check(name, ProcedureMinSegments, int.MaxValue, out at);

    /// <summary>The first problem of <paramref name="name"/> as an event name (<see cref="NameProblem.None"/> when valid).</summary>
    public static NameProblem CheckEvent(string? name, out int at) => Check(name, EventSegments, EventSegments, out at);

    /// <summary>True for a character allowed after the first of a segment.</summary>
    public static bool IsSegmentCharacter(char c) => IsLower(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';

    /// <summary>
    /// The first problem in reading order, with <paramref name="at"/> the index of the offending character (the
    /// segment's start for a segment problem; -1 for an empty name or a wrong segment count).
    /// </summary>
    private static NameProblem Check(string? name, int minSegments, int maxSegments, out int at)
    {
        at = -1;
        if (name is null || name.Length == 0)
        {
            return NameProblem.Empty;
        }

        var segments = 1;
        var segmentStart = true;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '.')
            {
                if (segmentStart)
                {
                    at = i;
                    return NameProblem.EmptySegment;
                }

                segments++;
                segmentStart = true;
                continue;
            }

            var problem = c >= 'A' && c <= 'Z' ? NameProblem.UpperCase
                : segmentStart ? (IsLower(c) ? NameProblem.None : IsSegmentCharacter(c) ? NameProblem.SegmentStart : NameProblem.InvalidCharacter)
                : IsSegmentCharacter(c) ? NameProblem.None : NameProblem.InvalidCharacter;
            if (problem != NameProblem.None)
            {
                at = i;
                return problem;
            }

            segmentStart = false;
        }

        if (segmentStart)
        {
            at = name.Length;
            return NameProblem.EmptySegment;
        }

        return segments < minSegments ? NameProblem.TooFewSegments
            : segments > maxSegments ? NameProblem.TooManySegments
            : NameProblem.None;
    }

    private static bool IsLower(char c) => c >= 'a' && c <= 'z';
}
