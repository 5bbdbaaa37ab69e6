using System.Reflection;

namespace Mariachi.Cli.Commands;

/// <summary>The commands of `mariachi`, found by type, and the dispatch from arguments to one of them.</summary>
internal sealed class CommandTable(IReadOnlyList<ICommand> commands)
{
    public IReadOnlyList<ICommand> Commands { get; } = commands.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every <see cref="ICommand"/> of this assembly with a parameterless constructor.</summary>
    public static CommandTable Discover() => new(
        typeof(CommandTable).Assembly.GetTypes()
            .Where(t => typeof(ICommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false } && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ICommand)Activator.CreateInstance(t)!)
            .ToList());

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CliConsole console, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0)
        {
            // No command is a usage error: the help goes where errors go, so a script's output stays empty.
            await WriteHelpAsync(console.Error);
            return ExitCodes.UsageOrLoadError;
        }

        if (arguments[0] is "-h" or "--help" or "help")
        {
            // `mariachi help check` is `mariachi check --help`.
            if (arguments.Count > 1 && arguments[0] == "help")
            {
                return await RunAsync([arguments[1], "--help"], console, cancellationToken);
            }

            await WriteHelpAsync(console.Out);
            return ExitCodes.Clean;
        }

        if (arguments[0] is "--version")
        {
            await console.Out.WriteLineAsync(ToolVersion.Current);
            return ExitCodes.Clean;
        }

        var command = Commands.FirstOrDefault(c => c.Name == arguments[0]);
        if (command is null)
        {
            await console.Error.WriteLineAsync($"mariachi: unknown command '{arguments[0]}'");
            await WriteHelpAsync(console.Error);
            return ExitCodes.UsageOrLoadError;
        }

        var rest = arguments.Skip(1).ToList();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            await WriteUsageAsync(command, console.Out);
            return ExitCodes.Clean;
        }

        try
        {
            return await command.RunAsync(ParsedArguments.Parse(rest, command.Options), console, cancellationToken);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"mariachi {command.Name}: {e.Message}");
            await WriteUsageAsync(command, console.Error);
            return ExitCodes.UsageOrLoadError;
        }
    }

    private async Task WriteHelpAsync(TextWriter writer)
    {
        await writer.WriteLineAsync($"mariachi {ToolVersion.Current}: checks a solution against the Mariachi conventions");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("Usage: mariachi <command> [PATH] [options]   (mariachi help <command> for its options)");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("Commands:");
        var width = Commands.Max(c => c.Name.Length);
        foreach (var command in Commands)
        {
            await writer.WriteLineAsync($"  {command.Name.PadRight(width)}  {command.Summary}");
        }
    }

    private static async Task WriteUsageAsync(ICommand command, TextWriter writer)
    {
        await writer.WriteLineAsync($"Usage: mariachi {command.Name} {command.Arguments} [options]".TrimEnd());
        await writer.WriteLineAsync($"  {command.Summary}");
        if (command.Options.Count == 0)
        {
            return;
        }

        await writer.WriteLineAsync();
        await writer.WriteLineAsync("Options:");
        var labels = command.Options.Select(o => o.TakesValue ? $"--{o.Name} {o.ValueName}" : $"--{o.Name}").ToList();
        var width = labels.Max(l => l.Length);
        for (var i = 0; i < labels.Count; i++)
        {
            await writer.WriteLineAsync($"  {labels[i].PadRight(width)}  {command.Options[i].Description}");
        }
    }
}
