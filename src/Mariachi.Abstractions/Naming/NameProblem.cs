namespace Mariachi.Naming;

/// <summary>What is wrong with a procedure or event name (<see cref="NameRule"/>), the first problem in reading order.</summary>
internal enum NameProblem
{
    None,

    /// <summary>Null or empty.</summary>
    Empty,

    /// <summary>A leading, trailing or doubled <c>.</c>.</summary>
    EmptySegment,

    /// <summary>A segment starts with a digit, <c>-</c> or <c>_</c> instead of a letter.</summary>
    SegmentStart,

    /// <summary>An upper-case letter (A-Z).</summary>
    UpperCase,

    /// <summary>A character outside a-z, 0-9, <c>-</c>, <c>_</c> and the <c>.</c> separator (space, <c>/</c>, non-ASCII letters...).</summary>
    InvalidCharacter,

    /// <summary>Fewer segments than the rule asks for.</summary>
    TooFewSegments,

    /// <summary>More segments than the rule allows (events only).</summary>
    TooManySegments,
}
