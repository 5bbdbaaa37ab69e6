namespace Mariachi.Cli;

/// <summary>The exit codes every command shares (README, Command line).</summary>
internal static class ExitCodes
{
    /// <summary>Nothing to report at or above the failing severity.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above <c>--fail-on</c>.</summary>
    public const int Findings = 1;

    /// <summary>Bad arguments, or a solution or project that could not be loaded.</summary>
    public const int UsageOrLoadError = 2;
}
