namespace Mariachi.Cli.Commands;

/// <summary>
/// One `mariachi` command. Each lives in its own file in Commands/ and is found by <see cref="CommandTable"/>, so a
/// new command needs no edit anywhere else.
/// </summary>
internal interface ICommand
{
    /// <summary>The word after `mariachi`.</summary>
    string Name { get; }

    /// <summary>One line for `mariachi --help`.</summary>
    string Summary { get; }

    /// <summary>The options the command accepts; anything else is a usage error.</summary>
    IReadOnlyList<CommandOption> Options { get; }

    /// <summary>The usage line after the command name, e.g. <c>[PATH]</c>.</summary>
    string Arguments { get; }

    /// <returns>An <see cref="ExitCodes"/> value.</returns>
    Task<int> RunAsync(ParsedArguments arguments, CliConsole console, CancellationToken cancellationToken);
}
