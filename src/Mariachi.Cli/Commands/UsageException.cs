namespace Mariachi.Cli.Commands;

/// <summary>Bad command-line input: printed with the command's usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
