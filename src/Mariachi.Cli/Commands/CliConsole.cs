namespace Mariachi.Cli.Commands;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>.</summary>
/// <param name="IsTerminal">Whether <see cref="Out"/> is a terminal (live progress, colours) rather than a file or pipe.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool IsTerminal, string CurrentDirectory)
{
    public static CliConsole System => new(Console.Out, Console.Error, !Console.IsOutputRedirected, Environment.CurrentDirectory);
}
